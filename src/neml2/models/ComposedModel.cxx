#include "neml2/models/ComposedModel.h"
#include "neml2/models/DependencyResolver.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/tensors/operators.h"

#include <ATen/ops/matmul.h>

#include <algorithm>
#include <set>

namespace neml2
{
register_NEML2_object(ComposedModel);

OptionSet
ComposedModel::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "A model composed of other models. Sub-models are connected by variable names: "
                  "an input of one sub-model is the output of the sub-model that provides it. The "
                  "inputs of the composition are the sub-model inputs nobody provides; its outputs "
                  "are the sub-model outputs nobody consumes, plus additional_outputs.";
  options.add_required<std::vector<std::string>>("models", "Names of the sub-models to compose.");
  options.add<std::vector<VariableName>>(
      "additional_outputs",
      "Sub-model outputs to expose even though another sub-model consumes them.");
  options.add<bool>("automatic_nonlinear_parameter", true,
                    "Also compose the models that give the sub-models' nonlinear parameters (a "
                    "parameter written as another model's name), and theirs, when they are not "
                    "listed in models.");
  return options;
}

ComposedModel::ComposedModel(const OptionSet & options) : Model(options)
{
  auto names = options.get<std::vector<std::string>>("models");
  if (names.empty())
    throw option_error("models", "a composition needs at least one model");
  if (options.get<bool>("automatic_nonlinear_parameter") && factory())
    for (std::size_t i = 0; i < names.size(); ++i)
      for (const auto & p :
           factory()
               ->get_object<Model>("Models", names[i], options.location_of("models"))
               .nonlinear_parameter_models())
        if (std::find(names.begin(), names.end(), p) == names.end())
          names.push_back(p);

  std::map<std::string, Model *> by_name;
  DependencyResolver resolver;
  for (const auto & n : names)
  {
    NEML2_CHECK(!by_name.count(n), OptionError, "[", path(), "] option 'models': '", n,
                "' is listed twice");
    auto & sub = register_model(n, options.location_of("models"));
    by_name[n] = &sub;
    std::vector<std::string> in, out;
    for (const auto * v : sub.input_variables())
      in.push_back(v->name().str());
    for (const auto * v : sub.output_variables())
      out.push_back(v->name().str());
    resolver.add_node(n, in, out);
  }

  try
  {
    resolver.resolve();
  }
  catch (ModelError & e)
  {
    throw ModelError("[" + path() + "] " + e.message(), options.location_of("models"));
  }

  // Evaluation order of the sub-models.
  std::vector<std::shared_ptr<Model>> ordered;
  for (const auto & n : resolver.order())
    for (const auto & sub : registered_models())
      if (sub->name() == n)
        ordered.push_back(sub);

  // Inputs of the composition.
  for (const auto & item : resolver.external_inputs())
  {
    const VariableBase * proto = nullptr;
    for (const auto & sub : ordered)
      if (sub->has_input(item))
      {
        auto & v = sub->input_variable(item);
        if (proto && proto->type() != v.type())
          throw ModelError("[" + path() + "] '" + item + "' is consumed as a " + proto->type() +
                               " by '" + proto->owner().name() + "' but as a " + v.type() +
                               " by '" + sub->name() + "'",
                           options.location_of("models"));
        if (!proto)
          proto = &v;
      }
    add_input(proto->clone_as(proto->name(), this));
  }

  // Outputs of the composition.
  auto outputs = resolver.unconsumed_outputs();
  for (const auto & extra : options.get<std::vector<VariableName>>("additional_outputs"))
  {
    if (resolver.provider(extra.str()).empty())
      throw option_error("additional_outputs",
                         "'" + extra.str() + "' is not an output of any of the sub-models");
    if (std::find(outputs.begin(), outputs.end(), extra.str()) == outputs.end())
      outputs.push_back(extra.str());
  }
  for (const auto & item : outputs)
  {
    auto & src = by_name.at(resolver.provider(item))->output_variable(item);
    auto & dst = add_output(src.clone_as(src.name(), this));
    _outputs.push_back({&dst, &src});
  }

  // The evaluation plan: where each sub-model input comes from.
  for (const auto & sub : ordered)
  {
    Step step{sub.get(), {}};
    for (auto * in : sub->input_variables())
    {
      const auto p = resolver.provider(in->name().str());
      const VariableBase * src = nullptr;
      if (!p.empty() && p != sub->name())
      {
        src = &by_name.at(p)->output_variable(in->name());
        if (src->type() != in->type())
          throw ModelError("[" + path() + "] '" + in->name().str() + "' is provided by '" + p +
                               "' as a " + src->type() + " but consumed by '" + sub->name() +
                               "' as a " + in->type(),
                           options.location_of("models"));
      }
      else
        src = &input_variable(in->name());
      step.inputs.push_back({in, src});
    }
    _steps.push_back(std::move(step));
  }
}

namespace
{
/// A derivative block with respect to a composed input, or the identity (the input itself).
struct Block
{
  Tensor value;
  bool identity = false;
};
using Totals = std::map<const VariableBase *, Block>;
using SecondTotals = std::map<std::pair<const VariableBase *, const VariableBase *>, Tensor>;

Size
numel(TensorShapeRef s)
{
  Size n = 1;
  for (auto v : s)
    n *= v;
  return n;
}

TensorShape
concat(std::initializer_list<TensorShapeRef> parts)
{
  TensorShape out;
  for (const auto & p : parts)
    out.append(p.begin(), p.end());
  return out;
}

/// dy/dx = dy/du du/dx, contracting u's base dimensions.
Tensor
chain(const Tensor & dy_du, const Tensor & du_dx, TensorShapeRef y, TensorShapeRef u,
      TensorShapeRef x)
{
  const auto A = dy_du.base_reshape({numel(y), numel(u)});
  const auto B = du_dx.base_reshape({numel(u), numel(x)});
  // Both batched alike (the common case inside a composition): a batched matrix product, with
  // less overhead per call than einsum's permutations. Otherwise einsum broadcasts the batches.
  if (A.batched() && A.dynamic_dim() == B.dynamic_dim() && A.intmd_dim() == B.intmd_dim())
    return Tensor(at::matmul(A, B), A.dynamic_dim(), A.intmd_dim()).base_reshape(concat({y, x}));
  return einsum("ia,ak->ik", {A, B}).base_reshape(concat({y, x}));
}

/// d2y/dw du (dw/dx1) (du/dx2), contracting w's and u's base dimensions.
Tensor
chain2(const Tensor & d2y, const Block & dw_dx1, const Block & du_dx2, TensorShapeRef y,
       TensorShapeRef w, TensorShapeRef u, TensorShapeRef x1, TensorShapeRef x2)
{
  Tensor t = d2y.base_reshape({numel(y), numel(w), numel(u)});
  if (!dw_dx1.identity)
    t = einsum("iab,ak->ikb", {t, dw_dx1.value.base_reshape({numel(w), numel(x1)})});
  if (!du_dx2.identity)
    t = einsum("ikb,bl->ikl", {t, du_dx2.value.base_reshape({numel(u), numel(x2)})});
  return t.base_reshape(concat({y, x1, x2}));
}

void
accumulate(Tensor & sum, const Tensor & term)
{
  sum = sum.defined() ? Tensor(sum + term) : term;
}
} // namespace

void
ComposedModel::set_value(const Request & request)
{
  const bool d2 = request.wants_second_derivatives();
  const bool d1 = request.wants_derivatives() || d2;

  // Derivatives of every variable of the composition with respect to the requested composed
  // inputs, built step by step as the sub-models run.
  std::map<const VariableBase *, Totals> total;
  std::map<const VariableBase *, SecondTotals> total2;
  if (d1)
    for (auto * x : input_variables())
      if (request.wants_derivatives_wrt(x->name()))
        total[x][x].identity = true;
  const auto depends = [&](const VariableBase * v)
  {
    const auto it = total.find(v);
    return it != total.end() && !it->second.empty();
  };

  for (auto & step : _steps)
  {
    // A sub-model differentiates only with respect to its inputs that depend on a requested input
    // (the chain rule for second derivatives needs the first ones too); with none, its values are
    // all the composition needs from it.
    std::set<VariableName> wrt;
    for (const auto & link : step.inputs)
    {
      link.dst->set_unchecked(link.src->tensor());
      if (depends(link.src))
        wrt.insert(link.dst->name());
    }
    const Request sub = wrt.empty() ? Request::values()
                        : d2        ? Request::all().with_respect_to(wrt)
                                    : Request::values_and_derivatives().with_respect_to(wrt);
    evaluate_submodel(*step.model, sub);
    if (wrt.empty())
      continue;

    for (auto * y : step.model->output_variables())
    {
      auto & ty = total[y];
      for (const auto & link : step.inputs)
      {
        if (!depends(link.src))
          continue;
        const auto dy_du = y->derivative(*link.dst);
        if (!dy_du.defined())
          continue;
        for (const auto & [x, b] : total[link.src])
          accumulate(ty[x].value, b.identity ? dy_du
                                             : chain(dy_du, b.value, y->base_sizes(),
                                                     link.dst->base_sizes(), x->base_sizes()));
        if (d2)
          for (const auto & [xx, t] : total2[link.src])
            accumulate(total2[y][xx],
                       chain(dy_du, t, y->base_sizes(), link.dst->base_sizes(),
                             concat({xx.first->base_sizes(), xx.second->base_sizes()})));
      }
      if (!d2)
        continue;
      for (const auto & lw : step.inputs)
        for (const auto & lu : step.inputs)
        {
          if (!depends(lw.src) || !depends(lu.src))
            continue;
          const auto d2y = y->second_derivative(*lw.dst, *lu.dst);
          if (!d2y.defined())
            continue;
          for (const auto & [x1, bw] : total[lw.src])
            for (const auto & [x2, bu] : total[lu.src])
              accumulate(total2[y][{x1, x2}],
                         chain2(d2y, bw, bu, y->base_sizes(), lw.dst->base_sizes(),
                                lu.dst->base_sizes(), x1->base_sizes(), x2->base_sizes()));
        }
    }
  }
  for (const auto & link : _outputs)
    link.dst->set_unchecked(link.src->tensor());
  if (!d1)
    return;

  for (const auto & link : _outputs)
  {
    for (const auto & [x, b] : total[link.src])
      if (b.value.defined())
        link.dst->set_derivative_unchecked(*x, b.value);
    if (d2)
      for (const auto & [xx, t] : total2[link.src])
        if (t.defined())
          link.dst->set_second_derivative_unchecked(*xx.first, *xx.second, t);
  }
}
} // namespace neml2
