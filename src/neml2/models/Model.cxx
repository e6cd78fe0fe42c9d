#include "neml2/models/Model.h"
#include "neml2/jit/TorchScriptFunction.h"
#include "neml2/misc/error.h"
#include "neml2/misc/warnings.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/functions/creation.h"

#include <ATen/core/grad_mode.h>
#include <ATen/ops/ones_like.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros_like.h>
#include <torch/csrc/autograd/autograd.h>
#include <ATen/ops/cat.h>
#include <c10/util/Exception.h>
#include <algorithm>
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

EvaluationResult
Model::evaluate(const ValueMap & inputs, const Request & request)
{
  assign_inputs(inputs);
  evaluate(request);
  return collect(request);
}

ValueMap
Model::value(const ValueMap & inputs)
{
  return evaluate(inputs, Request::values()).values;
}

DerivMap
Model::dvalue(const ValueMap & inputs)
{
  return evaluate(inputs, Request::derivatives()).derivatives;
}

std::tuple<ValueMap, DerivMap>
Model::value_and_dvalue(const ValueMap & inputs)
{
  auto r = evaluate(inputs, Request::values_and_derivatives());
  return {std::move(r.values), std::move(r.derivatives)};
}

SecDerivMap
Model::d2value(const ValueMap & inputs)
{
  return evaluate(inputs, Request::second_derivatives()).second_derivatives;
}

std::tuple<DerivMap, SecDerivMap>
Model::dvalue_and_d2value(const ValueMap & inputs)
{
  auto r = evaluate(inputs, Request::derivatives_and_second_derivatives());
  return {std::move(r.derivatives), std::move(r.second_derivatives)};
}

std::tuple<ValueMap, DerivMap, SecDerivMap>
Model::value_and_dvalue_and_d2value(const ValueMap & inputs)
{
  auto r = evaluate(inputs, Request::all());
  return {std::move(r.values), std::move(r.derivatives), std::move(r.second_derivatives)};
}

EvaluationResult
Model::collect(const Request & request) const
{
  EvaluationResult r;
  std::set<const VariableBase *> mine(_input_order.begin(), _input_order.end());
  for (auto * y : _output_order)
  {
    if (request.wants_values())
      r.values.emplace(y->name(), y->tensor());
    if (request.wants_derivatives())
      for (const auto & [x, t] : y->derivatives())
        if (mine.count(x) && request.wants_derivatives_wrt(x->name()))
          r.derivatives[y->name()].emplace(x->name(), t);
    if (request.wants_second_derivatives())
      for (const auto & [xx, t] : y->second_derivatives())
        if (mine.count(xx.first) && mine.count(xx.second) &&
            request.wants_derivatives_wrt(xx.first->name()) &&
            request.wants_derivatives_wrt(xx.second->name()))
          r.second_derivatives[y->name()][xx.first->name()].emplace(xx.second->name(), t);
  }
  return r;
}

void
Model::clear_outputs()
{
  for (auto * y : _output_order)
  {
    y->clear();
    y->clear_derivatives();
  }
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
  if (!missing.empty())
  {
    std::vector<std::string> given;
    for (const auto & [n, t] : inputs)
      given.push_back(n.str());
    throw ModelError("model '" + name() + "' is missing " +
                     (missing.size() == 1 ? "input " : "inputs ") + utils::join(missing, ", ") +
                     ". Inputs given: " + (given.empty() ? "none" : utils::join(given, ", ")));
  }

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

EagerEvaluation::EagerEvaluation()
{
  ++t_eager_depth;
}

EagerEvaluation::~EagerEvaluation()
{
  --t_eager_depth;
}

void
Model::evaluate(const Request & request)
{
  _request = request;
  clear_outputs();
  if (!_jit_option)
  {
    EagerScope eager;
    forward(request);
  }
  else if (t_eager_depth == 0 && !jit::is_tracing() && jit_enabled())
    evaluate_jit(request);
  else
    forward(request);

  if (request.wants_values())
    for (auto * v : _output_order)
      NEML2_CHECK(v->has_value(), InternalError, "model '", name(), "' (", type(),
                  ") did not compute its output '", v->name(), "'");
}

void
Model::evaluate_submodel(Model & submodel, const Request & request)
{
  submodel.evaluate(request);
}

void
Model::forward(const Request & request)
{
  for (auto & p : _nl_params)
    p.storage->set(p.variable->tensor());
  const bool ad = (request.wants_derivatives() && !_ad_d1.empty()) ||
                  (request.wants_second_derivatives() && !_ad_d2.empty());
  if (ad)
    forward_with_AD(request);
  else
    set_value(request);
}

void
Model::forward_with_AD(const Request & request)
{
  at::AutoGradMode grad(true);

  // Every input taking part in a derivative by autograd gets its own copy per batch entry (the
  // entries are independent, so the gradient of the sum over entries is each entry's gradient).
  std::set<const VariableBase *> xs;
  for (const auto & [y, x] : _ad_d1)
    xs.insert(x);
  for (const auto & [y, x1, x2] : _ad_d2)
  {
    xs.insert(x1);
    xs.insert(x2);
  }
  std::vector<Tensor> all;
  for (auto * v : _input_order)
    all.push_back(v->tensor());
  const auto common = broadcast_batch(all);
  std::map<const VariableBase *, at::Tensor> leaf;
  std::vector<std::pair<VariableBase *, Tensor>> originals;
  for (std::size_t i = 0; i < _input_order.size(); ++i)
  {
    auto * v = _input_order[i];
    if (!xs.count(v))
      continue;
    originals.emplace_back(v, v->tensor());
    auto l = at::Tensor(common[i]).detach().clone().requires_grad_(true);
    leaf[v] = l;
    v->set_unchecked(Tensor(l, common[i].dynamic_dim(), common[i].intmd_dim()));
  }
  for (auto & p : _nl_params)
    p.storage->set(p.variable->tensor());

  set_value(request.with_values());

  const bool second = request.wants_second_derivatives() && !_ad_d2.empty();
  auto jacobian = [&](const Tensor & y, const VariableBase & x, bool keep_graph) -> Tensor
  {
    const auto & xl = leaf.at(&x);
    const Size b = y.batch_dim();
    const auto yf = y.base_flatten();
    std::vector<at::Tensor> rows;
    bool any = false;
    for (Size i = 0; i < yf.base_size(0); ++i)
    {
      const auto yi = yf.select(-1, i);
      // a component that depends on no input at all (a constant derivative block) has no graph
      at::Tensor g;
      if (yi.requires_grad())
        g = torch::autograd::grad({yi}, {xl}, {at::ones_like(yi)}, true, keep_graph, true)[0];
      if (g.defined())
        any = true;
      else
        g = at::zeros_like(xl);
      rows.push_back(g);
    }
    if (!any)
      return Tensor();
    // rows: each (batch..., x.base); stack after the batch dimensions
    auto J = at::stack(rows, b);
    TensorShape base(y.base_sizes().begin(), y.base_sizes().end());
    base.append(x.base_sizes().begin(), x.base_sizes().end());
    return Tensor(J, y.dynamic_dim(), y.intmd_dim()).base_reshape(base);
  };

  if (request.wants_derivatives() || second)
    for (const auto & [yc, x] : _ad_d1)
    {
      if (!request.wants_derivatives_wrt(x->name()))
        continue;
      auto * y = const_cast<VariableBase *>(yc);
      const auto d = jacobian(y->tensor(), *x, second);
      if (d.defined())
        y->set_derivative_unchecked(*x, d);
    }
  if (second)
    for (const auto & [yc, x1, x2] : _ad_d2)
    {
      if (!request.wants_derivatives_wrt(x1->name()) || !request.wants_derivatives_wrt(x2->name()))
        continue;
      auto * y = const_cast<VariableBase *>(yc);
      const auto d1 = y->derivative(*x1);
      if (!d1.defined())
        continue;
      // d1 has base y.base ++ x1.base; differentiate every component with respect to x2
      const auto flat = Tensor(d1.base_flatten(), d1.dynamic_dim(), d1.intmd_dim());
      const auto d = jacobian(flat, *x2, true);
      if (!d.defined())
        continue;
      TensorShape base(y->base_sizes().begin(), y->base_sizes().end());
      base.append(x1->base_sizes().begin(), x1->base_sizes().end());
      base.append(x2->base_sizes().begin(), x2->base_sizes().end());
      y->set_second_derivative_unchecked(*x1, *x2, d.base_reshape(base));
    }

  for (auto & [v, t] : originals)
    v->set_unchecked(t);
}

void
Model::request_AD(const VariableBase & y, const VariableBase & x)
{
  _ad_d1.emplace_back(&y, &x);
}

void
Model::request_AD(const VariableBase & y, const VariableBase & x1, const VariableBase & x2)
{
  // the first derivative is needed to differentiate it again
  bool have = false;
  for (const auto & [yy, xx] : _ad_d1)
    have = have || (yy == &y && xx == &x1);
  if (!have)
    _ad_d1.emplace_back(&y, &x1);
  _ad_d2.emplace_back(&y, &x1, &x2);
}

const VariableBase *
Model::nl_param(const std::string & name) const
{
  for (const auto & p : _nl_params)
    if (p.name == name)
      return p.variable;
  return nullptr;
}

VariableName
Model::nonlinear_parameter_variable(const std::string & raw, const std::string & option)
{
  // A variable name: it starts with one of the axes and names something below it.
  for (const auto & axis : VariableName::axes())
    if (utils::starts_with(raw, axis + "/"))
    {
      try
      {
        return VariableName(raw);
      }
      catch (const TypeError & e)
      {
        throw option_error(option, e.message());
      }
    }
  // The name of another model: its single output.
  if (factory() && factory()->has_object("Models", raw))
  {
    auto & m = factory()->get_object<Model>("Models", raw, input_options().location_of(option));
    if (m.output_variables().size() != 1)
      throw option_error(option,
                         "model '" + raw + "' has " + std::to_string(m.output_variables().size()) +
                             " outputs; a parameter can only take the output of a model with one");
    if (std::find(_nl_param_models.begin(), _nl_param_models.end(), raw) == _nl_param_models.end())
      _nl_param_models.push_back(raw);
    return m.output_variables().front()->name();
  }
  return VariableName();
}

void
Model::to(const TensorOptions & options)
{
  for (auto & [n, p] : _parameters)
    p->set(p->tensor().to(options));
  for (auto & [n, b] : _buffers)
    b->set(b->tensor().to(options));
  for (auto & sub : _submodels)
    sub->to(options);
  _trace_cache.clear();
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

/// One tensor the forward operator produced: a value (x1 = x2 = -1), a first derivative (x2 = -1)
/// or a second derivative, by index into the outputs and inputs.
struct Model::OutputSlot
{
  Size y;
  Size x1;
  Size x2;
  Tensor value;
};

std::vector<Model::OutputSlot>
Model::produced_outputs(const Request & request) const
{
  std::map<const VariableBase *, Size> index;
  for (std::size_t i = 0; i < _input_order.size(); ++i)
    index[_input_order[i]] = static_cast<Size>(i);
  std::vector<OutputSlot> out;
  for (std::size_t i = 0; i < _output_order.size(); ++i)
  {
    auto * y = _output_order[i];
    const auto yi = static_cast<Size>(i);
    if (request.wants_values())
    {
      NEML2_CHECK(y->has_value(), InternalError, "model '", name(), "' (", type(),
                  ") did not compute its output '", y->name(), "'");
      out.push_back({yi, -1, -1, y->tensor()});
    }
    // Blocks outside the request's filter are no outputs of the graph, so the graph optimizer
    // removes whatever computed only them.
    if (request.wants_derivatives())
      for (const auto & [x, t] : y->derivatives())
        if (index.count(x) && request.wants_derivatives_wrt(x->name()))
          out.push_back({yi, index.at(x), -1, t});
    if (request.wants_second_derivatives())
      for (const auto & [xx, t] : y->second_derivatives())
        if (index.count(xx.first) && index.count(xx.second) &&
            request.wants_derivatives_wrt(xx.first->name()) &&
            request.wants_derivatives_wrt(xx.second->name()))
          out.push_back({yi, index.at(xx.first), index.at(xx.second), t});
  }
  return out;
}

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
  const auto tensor_values = all_tensor_values();
  std::vector<OutputSlot> slots;
  // The function the tracer records: variables and parameters take the traced stand-ins, the
  // forward operator runs, what it produced is collected.
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
    clear_outputs();
    forward(request);
    slots = produced_outputs(request);
    std::vector<at::Tensor> y;
    for (const auto & s : slots)
      y.push_back(s.value);
    return y;
  };
  auto output_names = [&]
  {
    std::vector<std::string> names;
    for (const auto & s : slots)
    {
      auto n = name() + "::" + (s.x1 < 0 ? "" : "d") + _output_order[s.y]->name().str();
      if (s.x1 >= 0)
        n += "/d" + _input_order[s.x1]->name().str();
      if (s.x2 >= 0)
        n += "/d" + _input_order[s.x2]->name().str();
      names.push_back(n);
    }
    return names;
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
    // Output names are known only once the function ran: trace, then name the outputs.
    auto traced = jit::trace_torchscript(function_name, call.raw, call.names, {}, fn);
    traced.function->name_outputs(output_names());

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
      const auto first_slots = slots;
      if (any_batched)
      {
        auto probe = jit::trace_torchscript(function_name, longer, call.names, {}, fn);
        probe.function->name_outputs(output_names());
        if (probe.function->structure() != traced.function->structure())
        {
          _size_specialized = true;
          warn("model '" + name() + "' (" + type() +
               ") bakes batch sizes into its traced graph; it is traced again for every new "
               "batch shape. Use the traceable shape operations of neml2 tensors to avoid this.");
          return nullptr;
        }
      }
      slots = first_slots;
    }

    jit::TraceEntry e;
    e.function = std::move(traced.function);
    for (const auto & s : slots)
    {
      e.output_trailing_dims.push_back(s.value.dim() - s.value.dynamic_dim());
      e.output_intmd_dims.push_back(s.value.intmd_dim());
      e.output_tags.push_back({s.y, s.x1, s.x2});
    }
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

  clear_outputs();
  if (!entry->function)
  {
    // The key does not trace.
    forward(request);
    return;
  }

  // The first call after tracing is the executor's profiling run; its graph is what
  // last_executed_optimized_graph() shows after one evaluation.
  const auto outputs = entry->function->run(call.raw);
  _trace_cache.mark_used(entry);

  NEML2_ASSERT(outputs.size() == entry->output_tags.size(), "traced function of '", name(),
               "' returned ", outputs.size(), " outputs, expected ", entry->output_tags.size());
  for (std::size_t i = 0; i < outputs.size(); ++i)
  {
    auto o = outputs[i];
    const Size dyn = o.dim() - entry->output_trailing_dims[i];
    const auto intmd = entry->output_intmd_dims[i];
    Tensor t =
        (call.flattened && dyn == 1 && call.common.size() != 1)
            ? Tensor(o.unflatten(0, call.common), static_cast<Size>(call.common.size()), intmd)
            : Tensor(o, dyn, intmd);
    const auto & tag = entry->output_tags[i];
    auto * y = _output_order[tag[0]];
    if (tag[1] < 0)
      y->set_unchecked(t);
    else if (tag[2] < 0)
      y->set_derivative_unchecked(*_input_order[tag[1]], t);
    else
      y->set_second_derivative_unchecked(*_input_order[tag[1]], *_input_order[tag[2]], t);
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
