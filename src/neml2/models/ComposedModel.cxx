#include "neml2/models/ComposedModel.h"
#include "neml2/models/DependencyResolver.h"

#include <algorithm>

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
  return options;
}

ComposedModel::ComposedModel(const OptionSet & options) : Model(options)
{
  const auto & names = options.get<std::vector<std::string>>("models");
  if (names.empty())
    throw option_error("models", "a composition needs at least one model");

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

void
ComposedModel::set_value(const Request & request)
{
  for (auto & step : _steps)
  {
    for (const auto & link : step.inputs)
      link.dst->set_unchecked(link.src->tensor());
    evaluate_submodel(*step.model, request);
  }
  for (const auto & link : _outputs)
    link.dst->set_unchecked(link.src->tensor());
}
} // namespace neml2
