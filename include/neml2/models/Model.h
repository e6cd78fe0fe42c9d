// The model: a function from input variables to output variables with parameters and buffers,
// evaluated on batches of material points, eagerly or through the JIT.
#pragma once

// <iostream>: the tutorials stream models and tensors to std::cout with only this header.
#include <iostream>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "neml2/base/Factory.h"
#include "neml2/base/NEML2Object.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/jit/TraceCache.h"
#include "neml2/models/Request.h"
#include "neml2/models/Variable.h"
#include "neml2/models/VariableName.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
/// Values of variables by name.
using ValueMap = std::map<VariableName, Tensor>;
/// First derivatives: [output][input], base shape output.base ++ input.base.
using DerivMap = std::map<VariableName, ValueMap>;
/// Second derivatives: [output][input1][input2], base shape output.base ++ input1.base ++
/// input2.base.
using SecDerivMap = std::map<VariableName, std::map<VariableName, ValueMap>>;

/// Everything one evaluation returns (only what the request asked for is filled).
struct EvaluationResult
{
  ValueMap values;
  DerivMap derivatives;
  SecDerivMap second_derivatives;
};

/// A parameter's or buffer's storage: a tensor of a declared type that may be replaced at run time.
class TensorValueBase
{
public:
  virtual ~TensorValueBase() = default;
  /// The current value.
  virtual Tensor tensor() const = 0;
  /// Replace the value (ShapeError naming the parameter unless the base shape fits).
  virtual void set(const Tensor & value) = 0;
  /// Tensor type name.
  virtual std::string type() const = 0;
  TensorValueBase & operator=(const Tensor & value)
  {
    set(value);
    return *this;
  }
  explicit operator Tensor() const { return tensor(); }
};

template <class T>
class TensorValue : public TensorValueBase
{
public:
  TensorValue(std::string name, T value) : _name(std::move(name)), _value(std::move(value)) {}
  const T & value() const { return _value; }
  Tensor tensor() const override { return _value; }
  void set(const Tensor & value) override;
  std::string type() const override { return TensorTypeName<T>::value; }
  using TensorValueBase::operator=;

private:
  std::string _name;
  T _value;
};

class Model : public NEML2Object
{
public:
  static OptionSet expected_options();
  explicit Model(const OptionSet & options);
  ~Model() override;

  /// @name Structure
  ///@{
  const std::vector<VariableBase *> & input_variables() const { return _input_order; }
  const std::vector<VariableBase *> & output_variables() const { return _output_order; }
  bool has_input(const VariableName & name) const { return _inputs.count(name) > 0; }
  bool has_output(const VariableName & name) const { return _outputs.count(name) > 0; }
  VariableBase & input_variable(const VariableName & name) const;
  VariableBase & output_variable(const VariableName & name) const;
  std::vector<VariableName> input_names() const;
  std::vector<VariableName> output_names() const;
  /// Sub-models, in evaluation order.
  const std::vector<std::shared_ptr<Model>> & registered_models() const { return _submodels; }
  /// Names of the models (in [Models]) whose outputs give this model's nonlinear parameters.
  const std::vector<std::string> & nonlinear_parameter_models() const { return _nl_param_models; }
  ///@}

  /// @name Parameters and buffers
  /// Names of sub-models' parameters are prefixed with the sub-model's name ("eq1.c").
  ///@{
  std::map<std::string, TensorValueBase *> named_parameters() const;
  std::map<std::string, TensorValueBase *> named_buffers() const;
  TensorValueBase & get_parameter(const std::string & name) const;
  TensorValueBase & get_buffer(const std::string & name) const;
  void set_parameter(const std::string & name, const Tensor & value);
  ///@}

  /// @name Evaluation
  /// Every input variable must be given (ModelError naming the missing ones otherwise). Absent
  /// derivative blocks are zero.
  ///@{
  ValueMap value(const ValueMap & inputs);
  DerivMap dvalue(const ValueMap & inputs);
  std::tuple<ValueMap, DerivMap> value_and_dvalue(const ValueMap & inputs);
  SecDerivMap d2value(const ValueMap & inputs);
  std::tuple<DerivMap, SecDerivMap> dvalue_and_d2value(const ValueMap & inputs);
  std::tuple<ValueMap, DerivMap, SecDerivMap> value_and_dvalue_and_d2value(const ValueMap & inputs);
  /// The general form: compute what `request` asks for (e.g. derivatives with respect to some
  /// inputs only).
  EvaluationResult evaluate(const ValueMap & inputs, const Request & request);
  /// The request of the evaluation in progress (forward operators may consult it).
  const Request & current_request() const { return _request; }
  ///@}

  /// Move parameters and buffers to another device and/or dtype; traced graphs are discarded.
  void to(const TensorOptions & options);

  /// @name JIT
  ///@{
  /// Whether this model may be traced at all (models running solver loops, or taking derivatives
  /// by automatic differentiation, may not).
  virtual bool jit_allowed() const { return _ad_d1.empty() && _ad_d2.empty(); }
  /// Whether evaluations go through the JIT: allowed, the `jit` option is on, the input file's
  /// [Settings] and the NEML2_DISABLE_JIT environment variable do not disable it, and every
  /// sub-model is JIT-enabled too.
  bool jit_enabled() const;
  const jit::TraceCache & trace_cache() const { return _trace_cache; }
  /// The traced graph of the most recent JIT evaluation (text), or an explanation.
  std::string traced_graph() const;
  /// The optimized graph of the most recent JIT evaluation (text), or an explanation.
  std::string optimized_graph() const;
  ///@}

  /// Dtype and device of the model's parameters and buffers (the defaults if it has none).
  TensorOptions tensor_options() const;

protected:
  /// The forward operator: read input variables, parameters and buffers; write what `request`
  /// asks for into the output variables.
  virtual void set_value(const Request & request) = 0;

  /// @name Declarations (constructors only)
  ///@{
  /// An input variable named by option `option`.
  template <class T>
  const Variable<T> & declare_input_variable(const char * option)
  {
    return declare_input_variable<T>(input_options().get<VariableName>(option));
  }
  template <class T>
  const Variable<T> & declare_input_variable(const VariableName & name)
  {
    return static_cast<const Variable<T> &>(add_input(std::make_unique<Variable<T>>(name, this)));
  }
  /// An output variable named by option `option`.
  template <class T>
  Variable<T> & declare_output_variable(const char * option)
  {
    return declare_output_variable<T>(input_options().get<VariableName>(option));
  }
  template <class T>
  Variable<T> & declare_output_variable(const VariableName & name)
  {
    return static_cast<Variable<T> &>(add_output(std::make_unique<Variable<T>>(name, this)));
  }
  /// A parameter whose value is given by option `option` (a TensorName<T>). With
  /// `allow_nonlinear`, the option may instead name a variable ("state/E") or a model whose single
  /// output it is: the parameter is then an input variable of this model (a nonlinear parameter),
  /// and nl_param(name) gives that variable so the forward operator can set derivatives with
  /// respect to it.
  template <class T>
  const T & declare_parameter(const std::string & name, const std::string & option,
                              bool allow_nonlinear = false)
  {
    return declare_parameter<T>(name, input_options().get<TensorName<T>>(option), option,
                                allow_nonlinear);
  }
  /// The same for a value `tn` read from option `option` by the caller (e.g. one entry of a list
  /// option); errors name `option`.
  template <class T>
  const T & declare_parameter(const std::string & name, const TensorName<T> & tn,
                              const std::string & option, bool allow_nonlinear = false)
  {
    if (allow_nonlinear)
      if (auto nl = nonlinear_parameter_variable(tn.raw(), option); !nl.empty())
      {
        // The variable may already be an input (another parameter, or a variable the model reads
        // anyway): the parameter then shares it.
        if (has_input(nl) && input_variable(nl).type() != TensorTypeName<T>::value)
          throw option_error(option, "'" + nl.str() + "' is an input of type " +
                                         input_variable(nl).type() + ", but parameter '" + name +
                                         "' is a " + TensorTypeName<T>::value);
        const VariableBase * var =
            has_input(nl) ? &input_variable(nl) : &declare_input_variable<T>(nl);
        auto storage = std::make_unique<TensorValue<T>>(this->name() + "." + name,
                                                        T::zeros(creation_options()));
        const T & value = storage->value();
        _nl_params.push_back({name, var, std::move(storage)});
        return value;
      }
    return declare_parameter<T>(name, tn.resolve(factory()));
  }
  template <class T>
  const T & declare_parameter(const std::string & name, const T & value)
  {
    auto & v =
        add_parameter(name, std::make_unique<TensorValue<T>>(this->name() + "." + name, value));
    return static_cast<TensorValue<T> &>(v).value();
  }
  /// A buffer (travels with the model, not trainable) given by option `option`.
  template <class T>
  const T & declare_buffer(const std::string & name, const std::string & option)
  {
    return declare_buffer<T>(name, input_options().get<TensorName<T>>(option).resolve(factory()));
  }
  template <class T>
  const T & declare_buffer(const std::string & name, const T & value)
  {
    auto & v = add_buffer(name, std::make_unique<TensorValue<T>>(this->name() + "." + name, value));
    return static_cast<TensorValue<T> &>(v).value();
  }
  /// The input variable standing for nonlinear parameter `name`, or nullptr when the parameter
  /// has a fixed value.
  const VariableBase * nl_param(const std::string & name) const;

  /// Compute d(y)/d(x) by automatic differentiation instead of in the forward operator.
  void request_AD(const VariableBase & y, const VariableBase & x);
  /// Compute d2(y)/(dx1 dx2) by automatic differentiation.
  void request_AD(const VariableBase & y, const VariableBase & x1, const VariableBase & x2);

  /// A sub-model from the [Models] section, evaluated through evaluate_submodel().
  Model & register_model(const std::string & name, const SourceLocation & requested_at = {});
  ///@}

  /// Evaluate a sub-model whose inputs are set: through its own JIT when it is enabled and no
  /// trace is being recorded, else inline (so that a parent's trace records it).
  void evaluate_submodel(Model & submodel, const Request & request);

  /// Called by ComposedModel-like parents to adopt the structure they computed.
  VariableBase & add_input(std::unique_ptr<VariableBase> var);
  VariableBase & add_output(std::unique_ptr<VariableBase> var);

private:
  TensorValueBase & add_parameter(const std::string & name, std::unique_ptr<TensorValueBase> v);
  TensorValueBase & add_buffer(const std::string & name, std::unique_ptr<TensorValueBase> v);

  /// Check and assign input values.
  void assign_inputs(const ValueMap & inputs);
  /// Evaluate with inputs already assigned: JIT or eager.
  void evaluate(const Request & request);
  /// The forward operator plus what the framework adds around it: nonlinear parameter values
  /// and derivatives by automatic differentiation.
  void forward(const Request & request);
  void forward_with_AD(const Request & request);
  void evaluate_jit(const Request & request);
  /// One JIT evaluation's inputs, flattened and keyed (defined in Model.cxx).
  struct JitCall;
  JitCall prepare_jit_call(const Request & request) const;
  /// Trace (or record as untraceable) the key of `call`; nullptr when the trace turned out to bake
  /// batch sizes (the model is then keyed per batch shape).
  std::shared_ptr<const jit::TraceEntry> trace_jit_call(const Request & request,
                                                        const JitCall & call);
  /// What the forward operator produced, as a flat list of tensors (values, then first and second
  /// derivative blocks), and where each goes back (defined in Model.cxx).
  struct OutputSlot;
  std::vector<OutputSlot> produced_outputs(const Request & request) const;
  /// Gather the results of the evaluation into maps.
  EvaluationResult collect(const Request & request) const;
  void clear_outputs();

  /// Parameters and buffers of this model and its sub-models, in a fixed order.
  std::vector<std::pair<std::string, TensorValueBase *>> all_tensor_values() const;
  /// The variable name a nonlinear parameter option stands for, or "" when it is a fixed value.
  VariableName nonlinear_parameter_variable(const std::string & raw, const std::string & option);

  std::map<VariableName, std::unique_ptr<VariableBase>> _inputs;
  std::map<VariableName, std::unique_ptr<VariableBase>> _outputs;
  std::vector<VariableBase *> _input_order;
  std::vector<VariableBase *> _output_order;
  std::vector<std::pair<std::string, std::unique_ptr<TensorValueBase>>> _parameters;
  std::vector<std::pair<std::string, std::unique_ptr<TensorValueBase>>> _buffers;
  std::vector<std::shared_ptr<Model>> _submodels;
  /// Nonlinear parameters: name, the input variable giving the value, the storage the forward
  /// operator reads (refreshed from the variable before each evaluation).
  struct NonlinearParameter
  {
    std::string name;
    const VariableBase * variable;
    std::unique_ptr<TensorValueBase> storage;
  };
  std::vector<NonlinearParameter> _nl_params;
  std::vector<std::string> _nl_param_models;
  std::vector<std::pair<const VariableBase *, const VariableBase *>> _ad_d1;
  std::vector<std::tuple<const VariableBase *, const VariableBase *, const VariableBase *>> _ad_d2;
  Request _request = Request::values();

  const bool _jit_option;
  jit::TraceCache _trace_cache;
  /// Set once a trace of this model failed, so the warning is given once.
  bool _warned_eager = false;
  /// Set when the model was found to bake batch sizes into its graph: keys then include them.
  bool _size_specialized = false;
};

/// While alive, every model evaluated on this thread runs eagerly (no tracing, no traced graphs),
/// whatever its settings; to compare with the JIT or to debug.
class EagerEvaluation
{
public:
  EagerEvaluation();
  ~EagerEvaluation();
  EagerEvaluation(const EagerEvaluation &) = delete;
  EagerEvaluation & operator=(const EagerEvaluation &) = delete;
};

/// The model summary: name, type, dtype, device, inputs, outputs, parameters, buffers, sub-models.
std::ostream & operator<<(std::ostream & os, const Model & model);

/// Load `file` (once per process) and return its model `name`, owned by the store of inputs.
Model & load_model(const std::string & file, const std::string & name);
/// The model `name` of the most recently loaded input.
Model & get_model(const std::string & name);
} // namespace neml2
