#include "neml2/models/solid_mechanics/Normality.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
register_NEML2_object(Normality);

OptionSet
Normality::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Store the first derivatives of a scalar function f(v) computed by another "
                  "model in variables: u_i = df/dv_i. The inputs of this model are those of the "
                  "other model.";
  options.add_required<std::string>("model", "The model computing the scalar function.");
  options.add_required<VariableName>("function", "The function f (an output of the model).");
  options.add_required<std::vector<VariableName>>(
      "from", "The arguments v_i (inputs of the model) to differentiate with respect to.");
  options.add_required<std::vector<VariableName>>(
      "to", "The variables u_i storing the derivatives, one for each of the arguments.");
  return options;
}

Normality::Normality(const OptionSet & options)
    : Model(options),
      _model(register_model(options.get<std::string>("model"), options.location_of("model"))),
      _f(_model.output_variable(options.get<VariableName>("function")))
{
  if (_f.base_dim() != 0)
    throw option_error("function", "'" + _f.name().str() + "' is a " + _f.type() +
                                       "; normality needs a scalar function");
  const auto & from = options.get<std::vector<VariableName>>("from");
  const auto & to = options.get<std::vector<VariableName>>("to");
  if (from.size() != to.size())
    throw option_error("to", std::to_string(from.size()) + " arguments in 'from' but " +
                                 std::to_string(to.size()) + " variables in 'to'");

  for (auto * v : _model.input_variables())
    _inputs.push_back({v, &add_input(v->clone_as(v->name(), this))});
  for (std::size_t i = 0; i < from.size(); ++i)
  {
    if (!_model.has_input(from[i]))
      throw option_error("from", "'" + from[i].str() + "' is not an input of model '" +
                                     _model.name() + "'");
    const auto & mine = input_variable(from[i]);
    _pairs.push_back({&mine, &add_output(mine.clone_as(to[i], this))});
  }
}

void
Normality::set_value(const Request & request)
{
  // Third derivatives of the function would be needed.
  NEML2_CHECK(!request.wants_second_derivatives(), ModelError, "model '", name(),
              "' (Normality) does not provide second derivatives");

  for (const auto & link : _inputs)
    link.sub->set_unchecked(link.mine->tensor());
  // The outputs are first derivatives of the function; their derivatives are second ones.
  evaluate_submodel(_model, request.wants_derivatives() ? Request::all()
                                                        : Request::values_and_derivatives());

  for (const auto & [from, to] : _pairs)
  {
    const auto & sub_from = _model.input_variable(from->name());
    if (request.wants_values())
    {
      const auto df = _f.derivative(sub_from);
      to->set_unchecked(df.defined() ? df
                                     : Tensor::zeros(from->base_sizes(), _f.tensor().options()));
    }
    if (request.wants_derivatives())
      for (const auto & link : _inputs)
      {
        const auto d2f = _f.second_derivative(sub_from, *link.sub);
        if (d2f.defined())
          to->d(*link.mine) = d2f;
      }
  }
}
} // namespace neml2
