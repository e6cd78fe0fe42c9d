#include "neml2/models/solid_mechanics/PlasticFlowRate.h"

namespace neml2
{
OptionSet
PlasticFlowRate::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Map the yield function to the flow rate.";
  options.add<VariableName>("yield_function", VariableName("state", "internal", "fp"),
                            "The yield function.");
  options.add<VariableName>("flow_rate", VariableName("state", "internal", "gamma_rate"),
                            "The flow rate.");
  return options;
}

PlasticFlowRate::PlasticFlowRate(const OptionSet & options)
    : Model(options),
      _f(declare_input_variable<Scalar>("yield_function")),
      _gamma_dot(declare_output_variable<Scalar>("flow_rate"))
{
}
} // namespace neml2
