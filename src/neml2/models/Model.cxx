#include "neml2/models/Model.h"
#include "neml2/jit/TorchScriptFunction.h"
#include "neml2/misc/error.h"
#include "neml2/misc/warnings.h"
#include "neml2/tensors/tensors.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/cat.h>
#include <c10/util/Exception.h>
#include <cstdlib>
#include <set>
#include <unordered_map>

namespace neml2
{
// ---- TensorValue ----

template <class T>
void
TensorValue<T>::set(const Tensor & value)
{
  NEML2_CHECK(value.defined(), ShapeError, "'", _name, "' assigned an undefined tensor");
  NEML2_CHECK(value.base_sizes() == _value.base_sizes(), ShapeError, "'", _name, "' is a ", type(),
              " with base shape ", _value.base_sizes(), ", got a tensor of shape ",
              value.shape_str());
  if constexpr (std::is_same_v<T, Tensor>)
    _value = value;
  else
    _value = T(value);
}

#define NEML2_INSTANTIATE_TENSOR_VALUE(T) template class TensorValue<T>;
NEML2_FOR_ALL_TENSORS(NEML2_INSTANTIATE_TENSOR_VALUE)
#undef NEML2_INSTANTIATE_TENSOR_VALUE

// ---- Model ----

OptionSet
Model::expected_options()
{
  auto options = NEML2Object::expected_options();
  options.section() = "Models";
  options.add<bool>("jit", true,
                    "Trace the model into a graph on first evaluation and run the optimized graph "
                    "afterwards. Turn off to evaluate this model, and every model it contains, "
                    "eagerly.");
  return options;
}

Model::Model(const OptionSet & options)
    : NEML2Object(options), _jit_option(options.contains("jit") ? options.get<bool>("jit") : true)
{
}

Model::~Model() = default;

VariableBase &
Model::add_input(std::unique_ptr<VariableBase> var)
{
  const auto name = var->name();
  NEML2_CHECK(!_inputs.count(name), ModelError, "model '", this->name(), "' declares input '", name,
              "' twice");
  auto & ref = *var;
  _inputs.emplace(name, std::move(var));
  _input_order.push_back(&ref);
  return ref;
}

VariableBase &
Model::add_output(std::unique_ptr<VariableBase> var)
{
  const auto name = var->name();
  NEML2_CHECK(!_outputs.count(name), ModelError, "model '", this->name(), "' declares output '",
              name, "' twice");
  auto & ref = *var;
  _outputs.emplace(name, std::move(var));
  _output_order.push_back(&ref);
  return ref;
}

TensorValueBase &
Model::add_parameter(const std::string & name, std::unique_ptr<TensorValueBase> v)
{
  for (const auto & [n, p] : _parameters)
    NEML2_CHECK(n != name, ModelError, "model '", this->name(), "' declares parameter '", name,
                "' twice");
  _parameters.emplace_back(name, std::move(v));
  return *_parameters.back().second;
}

TensorValueBase &
Model::add_buffer(const std::string & name, std::unique_ptr<TensorValueBase> v)
{
  for (const auto & [n, p] : _buffers)
    NEML2_CHECK(n != name, ModelError, "model '", this->name(), "' declares buffer '", name,
                "' twice");
  _buffers.emplace_back(name, std::move(v));
  return *_buffers.back().second;
}

Model &
Model::register_model(const std::string & name, const SourceLocation & requested_at)
{
  NEML2_CHECK(factory(), ModelError, "model '", this->name(), "' needs sub-model '", name,
              "', but it was not built from an input file");
  auto sub = factory()->get_object_ptr<Model>("Models", name, requested_at);
  _submodels.push_back(sub);
  return *sub;
}

VariableBase &
Model::input_variable(const VariableName & name) const
{
  auto it = _inputs.find(name);
  if (it == _inputs.end())
  {
    std::vector<std::string> names;
    for (const auto & [n, v] : _inputs)
      names.push_back(n.str());
    throw ModelError("model '" + this->name() + "' has no input variable '" + name.str() + "'." +
                     utils::did_you_mean(name.str(), names));
  }
  return *it->second;
}

VariableBase &
Model::output_variable(const VariableName & name) const
{
  auto it = _outputs.find(name);
  if (it == _outputs.end())
  {
    std::vector<std::string> names;
    for (const auto & [n, v] : _outputs)
      names.push_back(n.str());
    throw ModelError("model '" + this->name() + "' has no output variable '" + name.str() + "'." +
                     utils::did_you_mean(name.str(), names));
  }
  return *it->second;
}

std::vector<VariableName>
Model::input_names() const
{
  std::vector<VariableName> out;
  for (const auto * v : _input_order)
    out.push_back(v->name());
  return out;
}

std::vector<VariableName>
Model::output_names() const
{
  std::vector<VariableName> out;
  for (const auto * v : _output_order)
    out.push_back(v->name());
  return out;
}

std::vector<std::pair<std::string, TensorValueBase *>>
Model::all_tensor_values() const
{
  std::vector<std::pair<std::string, TensorValueBase *>> out;
  for (const auto & [n, p] : named_parameters())
    out.emplace_back(n, p);
  for (const auto & [n, b] : named_buffers())
    out.emplace_back(n, b);
  return out;
}

std::map<std::string, TensorValueBase *>
Model::named_parameters() const
{
  std::map<std::string, TensorValueBase *> out;
  for (const auto & [n, p] : _parameters)
    out.emplace(n, p.get());
  for (const auto & sub : _submodels)
    for (const auto & [n, p] : sub->named_parameters())
      out.emplace(sub->name() + "." + n, p);
  return out;
}

std::map<std::string, TensorValueBase *>
Model::named_buffers() const
{
  std::map<std::string, TensorValueBase *> out;
  for (const auto & [n, b] : _buffers)
    out.emplace(n, b.get());
  for (const auto & sub : _submodels)
    for (const auto & [n, b] : sub->named_buffers())
      out.emplace(sub->name() + "." + n, b);
  return out;
}

TensorValueBase &
Model::get_parameter(const std::string & name) const
{
  const auto params = named_parameters();
  auto it = params.find(name);
  if (it == params.end())
  {
    std::vector<std::string> names;
    for (const auto & [n, p] : params)
      names.push_back(n);
    throw ModelError("model '" + this->name() + "' has no parameter '" + name + "'." +
                     utils::did_you_mean(name, names) +
                     (names.empty() ? " It has no parameters."
                                    : " Parameters: " + utils::join(names, ", ") + "."));
  }
  return *it->second;
}

TensorValueBase &
Model::get_buffer(const std::string & name) const
{
  const auto buffers = named_buffers();
  auto it = buffers.find(name);
  if (it == buffers.end())
  {
    std::vector<std::string> names;
    for (const auto & [n, b] : buffers)
      names.push_back(n);
    throw ModelError("model '" + this->name() + "' has no buffer '" + name + "'." +
                     utils::did_you_mean(name, names));
  }
  return *it->second;
}

void
Model::set_parameter(const std::string & name, const Tensor & value)
{
  get_parameter(name).set(value);
}

TensorOptions
Model::tensor_options() const
{
  for (const auto & [n, v] : all_tensor_values())
    return v->tensor().options();
  return creation_options();
}

// ---- evaluation ----

ValueMap
Model::value(const ValueMap & inputs)
{
  assign_inputs(inputs);
  evaluate(Request::values());
  ValueMap out;
  for (auto * v : _output_order)
    out.emplace(v->name(), v->tensor());
  return out;
}

void
Model::assign_inputs(const ValueMap & inputs)
{
  for (const auto & [name, value] : inputs)
    if (!_inputs.count(name))
      input_variable(name); // throws, with a suggestion

  std::vector<std::string> missing;
  for (auto * v : _input_order)
    if (!inputs.count(v->name()))
      missing.push_back(v->describe());
  NEML2_CHECK(missing.empty(),
              ModelError,
              "model '",
              name(),
              "' is missing ",
              missing.size() == 1 ? "input " : "inputs ",
              utils::join(missing, ", "),
              ". Inputs given: ",
              inputs.empty() ? std::string("none") : [&]
              {
                std::vector<std::string> given;
                for (const auto & [n, t] : inputs)
                  given.push_back(n.str());
                return utils::join(given, ", ");
              }());

  const VariableBase * batch_ref = nullptr;
  for (auto * v : _input_order)
  {
    const auto & t = inputs.at(v->name());
    NEML2_CHECK(t.defined(), ModelError, "model '", name(), "': input '", v->name(),
                "' is an undefined tensor");
    NEML2_CHECK(at::isFloatingType(t.scalar_type()), TypeError, "model '", name(), "': input '",
                v->name(), "' has dtype ", t.scalar_type(),
                "; a floating-point tensor is expected");
    v->set(t);
    // All dynamic batch shapes must broadcast together.
    if (batch_ref && t.dynamic_dim() > 0)
    {
      const auto & r = batch_ref->tensor();
      const auto a = r.sizes().slice(0, r.dynamic_dim());
      const auto b = t.sizes().slice(0, t.dynamic_dim());
      const auto n = std::min(a.size(), b.size());
      for (std::size_t i = 1; i <= n; ++i)
      {
        const auto sa = a[a.size() - i], sb = b[b.size() - i];
        NEML2_CHECK(sa == sb || sa == 1 || sb == 1, ShapeError, "model '", name(),
                    "': the batch shapes of inputs '", batch_ref->name(), "' ", r.shape_str(),
                    " and '", v->name(), "' ", t.shape_str(), " do not broadcast");
      }
      if (b.size() > a.size())
        batch_ref = v;
    }
    else if (!batch_ref && t.dynamic_dim() > 0)
      batch_ref = v;
  }
}

namespace
{
// Depth of evaluations of models whose `jit` option is off: everything below them runs eagerly.
thread_local int t_eager_depth = 0;

struct EagerScope
{
  EagerScope() { ++t_eager_depth; }
  ~EagerScope() { --t_eager_depth; }
  EagerScope(const EagerScope &) = delete;
  EagerScope & operator=(const EagerScope &) = delete;
};
} // namespace

void
Model::evaluate(const Request & request)
{
  if (!_jit_option)
  {
    EagerScope eager;
    set_value(request);
  }
  else if (t_eager_depth == 0 && !jit::is_tracing() && jit_enabled())
    evaluate_jit(request);
  else
    set_value(request);

  for (auto * v : _output_order)
    NEML2_CHECK(v->has_value(), InternalError, "model '", name(), "' (", type(),
                ") did not compute its output '", v->name(), "'");
}

void
Model::evaluate_submodel(Model & submodel, const Request & request)
{
  submodel.evaluate(request);
}

namespace
{
bool
jit_disabled_by_environment()
{
  static const bool disabled = []
  {
    const char * v = std::getenv("NEML2_DISABLE_JIT");
    return v && std::string(v) != "" && std::string(v) != "0";
  }();
  return disabled;
}

} // namespace

bool
Model::jit_enabled() const
{
  if (!_jit_option || !jit_allowed() || jit_disabled_by_environment())
    return false;
  if (factory() && factory()->settings().disable_jit())
    return false;
  for (const auto & sub : _submodels)
    if (!sub->jit_enabled())
      return false;
  return true;
}

// Note [flat dynamic batch]: when every batched tensor has the same dynamic batch shape D, the
// tensors are flattened to one dynamic dimension of size prod(D) before the call and the outputs
// unflattened afterwards. One trace then serves (N) and (10, 7) alike. Models treat dynamic batch
// entries independently (they are material points), so this changes nothing in the results. When
// batch shapes differ, tensors keep their own dynamic dimensions and the key records their number.
struct Model::JitCall
{
  /// Inputs, then parameters and buffers, as given.
  std::vector<Tensor> given;
  /// Graph input names.
  std::vector<std::string> names;
  /// The tensors passed to the traced function, and their batch layout.
  std::vector<at::Tensor> raw;
  std::vector<Size> dynamic_dim;
  std::vector<Size> intmd_dim;
  /// The common dynamic shape, when the tensors were flattened.
  TensorShape common;
  bool flattened = false;
  jit::TraceKey key;
};

Model::JitCall
Model::prepare_jit_call(const Request & request) const
{
  JitCall call;
  for (auto * v : _input_order)
  {
    call.given.push_back(v->tensor());
    call.names.push_back(name() + "::" + v->name().str());
  }
  for (const auto & [n, tv] : all_tensor_values())
  {
    call.given.push_back(tv->tensor());
    call.names.push_back(name() + "::" + n);
  }

  bool have_common = false, same = true;
  for (const auto & t : call.given)
  {
    if (t.dynamic_dim() == 0)
      continue;
    const auto d = t.sizes().slice(0, t.dynamic_dim());
    if (!have_common)
    {
      call.common.assign(d.begin(), d.end());
      have_common = true;
    }
    else if (TensorShapeRef(call.common) != d)
      same = false;
  }
  call.flattened = have_common && same;

  call.key = jit::TraceKey{request.key(), at::GradMode::is_enabled(), {}};
  std::unordered_map<const c10::TensorImpl *, std::size_t> seen;
  for (const auto & t : call.given)
  {
    at::Tensor r = t;
    Size dyn = t.dynamic_dim();
    if (call.flattened && dyn > 0)
    {
      r = r.flatten(0, dyn - 1);
      dyn = 1;
    }
    // The tracer identifies graph inputs by tensor object: the same tensor given twice (e.g. as
    // both t and t_n) must reach the tracer as two distinct tensors.
    if (!seen.emplace(r.unsafeGetTensorImpl(), call.raw.size()).second)
      r = r.alias();
    call.key.inputs.push_back(jit::TensorSignature::of(r, dyn));
    call.raw.push_back(r);
    call.dynamic_dim.push_back(dyn);
    call.intmd_dim.push_back(t.intmd_dim());
  }
  // A model known to bake batch sizes into its graph is traced per batch shape.
  if (_size_specialized)
    for (const auto & r : call.raw)
      call.key.what += utils::stringify(" ", r.sizes());
  return call;
}

std::shared_ptr<const jit::TraceEntry>
Model::trace_jit_call(const Request & request, const JitCall & call)
{
  std::vector<std::string> output_names;
  for (auto * v : _output_order)
    output_names.push_back(name() + "::" + v->name().str());

  const auto tensor_values = all_tensor_values();
  std::vector<Size> out_trailing, out_intmd;
  // The function the tracer records: variables and parameters take the traced stand-ins, the
  // forward operator runs, the outputs are collected.
  auto fn = [&](const std::vector<at::Tensor> & x) -> std::vector<at::Tensor>
  {
    std::size_t i = 0;
    for (auto * v : _input_order)
    {
      v->set_unchecked(Tensor(x[i], call.dynamic_dim[i], call.intmd_dim[i]));
      ++i;
    }
    for (const auto & [n, tv] : tensor_values)
    {
      tv->set(Tensor(x[i], call.dynamic_dim[i], call.intmd_dim[i]));
      ++i;
    }
    set_value(request);
    std::vector<at::Tensor> y;
    out_trailing.clear();
    out_intmd.clear();
    for (auto * v : _output_order)
    {
      NEML2_CHECK(v->has_value(), InternalError, "model '", name(), "' (", type(),
                  ") did not compute its output '", v->name(), "'");
      y.push_back(v->tensor());
      out_trailing.push_back(v->tensor().dim() - v->tensor().dynamic_dim());
      out_intmd.push_back(v->tensor().intmd_dim());
    }
    return y;
  };

  // Inputs and parameters are replaced by their traced stand-ins while tracing; the originals come
  // back whatever happens.
  struct Restore
  {
    const Model & model;
    const std::vector<std::pair<std::string, TensorValueBase *>> & values;
    const JitCall & call;
    ~Restore()
    {
      const auto n = model._input_order.size();
      for (std::size_t i = 0; i < n; ++i)
        model._input_order[i]->set_unchecked(call.given[i]);
      for (std::size_t i = 0; i < values.size(); ++i)
        values[i].second->set(call.given[n + i]);
    }
  } restore{*this, tensor_values, call};

  const auto function_name = name() + "::" + request.key();
  std::string failure;
  try
  {
    auto traced = jit::trace_torchscript(function_name, call.raw, call.names, output_names, fn);

    // Leak check: trace again with the last dynamic dimension one entry longer (in every input
    // that does not broadcast along it). A model that reads batch sizes as numbers gives a
    // different graph; it is then traced per batch shape.
    if (!_size_specialized)
    {
      Size last = 0;
      for (std::size_t i = 0; i < call.raw.size(); ++i)
        if (call.dynamic_dim[i] > 0)
          last = std::max(last, call.raw[i].size(call.dynamic_dim[i] - 1));
      std::vector<at::Tensor> longer;
      bool any_batched = false;
      for (std::size_t i = 0; i < call.raw.size(); ++i)
      {
        const auto & r = call.raw[i];
        const auto d = call.dynamic_dim[i] - 1;
        if (d >= 0 && r.size(d) == last)
        {
          longer.push_back(at::cat({r, r.narrow(d, 0, 1)}, d));
          any_batched = true;
        }
        else
          longer.push_back(r);
      }
      if (any_batched && jit::trace_torchscript(function_name, longer, call.names, output_names, fn)
                                 .function->structure() != traced.function->structure())
      {
        _size_specialized = true;
        warn("model '" + name() + "' (" + type() +
             ") bakes batch sizes into its traced graph; it is traced again for every new batch "
             "shape. Use the traceable shape operations of neml2 tensors to avoid this.");
        return nullptr;
      }
    }

    jit::TraceEntry e;
    e.function = std::move(traced.function);
    e.output_trailing_dims.assign(out_trailing.begin(), out_trailing.end());
    e.output_intmd_dims.assign(out_intmd.begin(), out_intmd.end());
    return _trace_cache.insert(call.key, std::move(e));
  }
  catch (const NotTraceable & e)
  {
    failure = e.message();
  }
  catch (const c10::Error & e)
  {
    failure = e.what_without_backtrace();
  }

  jit::detail::count_eager_fallback();
  if (!_warned_eager)
  {
    warn("model '" + name() + "' (" + type() +
         ") cannot be traced and is evaluated eagerly: " + failure);
    _warned_eager = true;
  }
  jit::TraceEntry e;
  e.eager_reason = failure;
  return _trace_cache.insert(call.key, std::move(e));
}

void
Model::evaluate_jit(const Request & request)
{
  auto call = prepare_jit_call(request);
  auto entry = _trace_cache.find(call.key);
  if (!entry)
  {
    entry = trace_jit_call(request, call);
    if (!entry)
    {
      // The model bakes batch sizes into its graph: from now on its keys include them.
      call = prepare_jit_call(request);
      entry = _trace_cache.find(call.key);
      if (!entry)
        entry = trace_jit_call(request, call);
    }
  }

  if (!entry->function)
  {
    // The key does not trace.
    set_value(request);
    return;
  }

  // The first call after tracing is the executor's profiling run; its graph is what
  // last_executed_optimized_graph() shows after one evaluation.
  const auto outputs = entry->function->run(call.raw);
  _trace_cache.mark_used(entry);

  NEML2_ASSERT(outputs.size() == _output_order.size(), "traced function of '", name(),
               "' returned ", outputs.size(), " outputs, expected ", _output_order.size());
  for (std::size_t i = 0; i < outputs.size(); ++i)
  {
    auto o = outputs[i];
    const Size dyn = o.dim() - entry->output_trailing_dims[i];
    const auto intmd = entry->output_intmd_dims[i];
    if (call.flattened && dyn == 1 && call.common.size() != 1)
      _output_order[i]->set_unchecked(
          Tensor(o.unflatten(0, call.common), static_cast<Size>(call.common.size()), intmd));
    else
      _output_order[i]->set_unchecked(Tensor(o, dyn, intmd));
  }
}

std::string
Model::traced_graph() const
{
  auto e = _trace_cache.last_used();
  if (!e)
    return "(model '" + name() + "' has not been evaluated through the JIT)\n";
  return e->function->traced_graph();
}

std::string
Model::optimized_graph() const
{
  auto e = _trace_cache.last_used();
  if (!e)
    return "(model '" + name() + "' has not been evaluated through the JIT)\n";
  return e->function->optimized_graph();
}

// ---- summary ----

std::ostream &
operator<<(std::ostream & os, const Model & model)
{
  const auto opts = model.tensor_options();
  const std::string pad = "            ";
  auto list = [&](const char * title, const std::vector<std::string> & rows)
  {
    os << title;
    if (rows.empty())
      os << "(none)\n";
    for (std::size_t i = 0; i < rows.size(); ++i)
      os << (i ? pad : "") << rows[i] << '\n';
  };

  os << "Name:       " << model.name() << '\n';
  os << "Type:       " << model.type() << '\n';
  os << "Dtype:      " << c10::toString(c10::typeMetaToScalarType(opts.dtype())) << '\n';
  os << "Device:     " << opts.device() << '\n';
  os << "JIT:        " << (model.jit_enabled() ? "enabled" : "disabled") << '\n';
  std::vector<std::string> rows;
  for (const auto * v : model.input_variables())
    rows.push_back(v->describe());
  list("Inputs:     ", rows);
  rows.clear();
  for (const auto * v : model.output_variables())
    rows.push_back(v->describe());
  list("Outputs:    ", rows);
  rows.clear();
  for (const auto & [n, p] : model.named_parameters())
    rows.push_back(n + " [" + p->type() + "]");
  list("Parameters: ", rows);
  rows.clear();
  for (const auto & [n, b] : model.named_buffers())
    rows.push_back(n + " [" + b->type() + "]");
  list("Buffers:    ", rows);
  rows.clear();
  for (const auto & sub : model.registered_models())
    rows.push_back(sub->name() + " [" + sub->type() + "]");
  if (!rows.empty())
    list("Sub-models: ", rows);
  return os;
}

Model &
load_model(const std::string & file, const std::string & name)
{
  return load_input(file).get_object<Model>("Models", name);
}

Model &
get_model(const std::string & name)
{
  return current_input().get_object<Model>("Models", name);
}
} // namespace neml2
