#include "neml2/models/solid_mechanics/AssociativePlasticFlow.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(AssociativePlasticFlow);

OptionSet
AssociativePlasticFlow::expected_options()
{
  auto options = FlowRule::expected_options();
  options.doc() = "Associative flow rule for the plastic strain: Ep_rate = gamma_rate NM, where "
                  "gamma_rate is the flow rate and NM = df/dM the derivative of the yield "
                  "function with respect to the Mandel stress (see Normality).";
  options.add<VariableName>("flow_direction", VariableName("state", "internal", "NM"),
                            "The flow direction NM.");
  options.add<VariableName>("plastic_strain_rate", VariableName("state", "internal", "Ep_rate"),
                            "The plastic strain rate.");
  return options;
}

AssociativePlasticFlow::AssociativePlasticFlow(const OptionSet & options)
    : FlowRule(options),
      _NM(declare_input_variable<SR2>("flow_direction")),
      _Ep_dot(declare_output_variable<SR2>("plastic_strain_rate"))
{
}

void
AssociativePlasticFlow::set_value(const Request & request)
{
  if (request.wants_values())
    _Ep_dot = _gamma_dot * _NM;

  if (request.wants_derivatives())
  {
    _Ep_dot.d(_gamma_dot) = _NM.value();
    _Ep_dot.d(_NM) = _gamma_dot * identity_map<SR2>(_NM.value().options());
  }

  if (request.wants_second_derivatives())
  {
    const auto I = identity_map<SR2>(_NM.value().options());
    _Ep_dot.d(_gamma_dot, _NM) = I;
    _Ep_dot.d(_NM, _gamma_dot) = I;
  }
}
} // namespace neml2
