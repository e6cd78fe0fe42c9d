#include "neml2/models/solid_mechanics/FlowRule.h"

namespace neml2
{
OptionSet
FlowRule::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Map the flow rate (the consistency parameter of the KKT conditions) to the "
                  "rate of an internal variable.";
  options.add<VariableName>("flow_rate", VariableName("state", "internal", "gamma_rate"),
                            "The flow rate.");
  return options;
}

FlowRule::FlowRule(const OptionSet & options)
    : Model(options), _gamma_dot(declare_input_variable<Scalar>("flow_rate"))
{
}
} // namespace neml2
