#include "neml2/models/solid_mechanics/Elasticity.h"

namespace neml2
{
namespace
{
VariableName
with_rate(const OptionSet & options, const char * option)
{
  const auto & name = options.get<VariableName>(option);
  return options.get<bool>("rate_form") ? name.with_suffix("_rate") : name;
}
} // namespace

OptionSet
Elasticity::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Linear elasticity: the stress as a linear function of the elastic strain.";
  options.add<VariableName>("strain", VariableName("state", "internal", "Ee"),
                            "The elastic strain. With rate_form, '_rate' is appended to the name.");
  options.add<VariableName>("stress", VariableName("state", "S"),
                            "The stress. With rate_form, '_rate' is appended to the name.");
  options.add<bool>("compliance", false,
                    "Map stress to strain (the inverse relation) instead of strain to stress.");
  options.add<bool>("rate_form", false,
                    "Relate the rates of strain and stress instead of the quantities themselves.");
  return options;
}

Elasticity::Elasticity(const OptionSet & options)
    : Model(options),
      _compliance(options.get<bool>("compliance")),
      _rate_form(options.get<bool>("rate_form")),
      _from(declare_input_variable<SR2>(with_rate(options, _compliance ? "stress" : "strain"))),
      _to(declare_output_variable<SR2>(with_rate(options, _compliance ? "strain" : "stress")))
{
}
} // namespace neml2
