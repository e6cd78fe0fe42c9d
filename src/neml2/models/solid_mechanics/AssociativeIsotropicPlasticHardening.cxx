#include "neml2/models/solid_mechanics/AssociativeIsotropicPlasticHardening.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(AssociativeIsotropicPlasticHardening);

OptionSet
AssociativeIsotropicPlasticHardening::expected_options()
{
  auto options = FlowRule::expected_options();
  options.doc() = "Associative flow rule for the equivalent plastic strain: ep_rate = -gamma_rate "
                  "Nk, where gamma_rate is the flow rate and Nk = df/dk the derivative of the "
                  "yield function with respect to the isotropic hardening (see Normality).";
  options.add<VariableName>("isotropic_hardening_direction",
                            VariableName("state", "internal", "Nk"),
                            "The isotropic hardening direction Nk.");
  options.add<VariableName>("equivalent_plastic_strain_rate",
                            VariableName("state", "internal", "ep_rate"),
                            "The equivalent plastic strain rate.");
  return options;
}

AssociativeIsotropicPlasticHardening::AssociativeIsotropicPlasticHardening(
    const OptionSet & options)
    : FlowRule(options),
      _Nk(declare_input_variable<Scalar>("isotropic_hardening_direction")),
      _ep_dot(declare_output_variable<Scalar>("equivalent_plastic_strain_rate"))
{
}

void
AssociativeIsotropicPlasticHardening::set_value(const Request & request)
{
  if (request.wants_values())
    _ep_dot = -_gamma_dot * _Nk;

  if (request.wants_derivatives())
  {
    _ep_dot.d(_gamma_dot) = -_Nk;
    _ep_dot.d(_Nk) = -_gamma_dot;
  }

  if (request.wants_second_derivatives())
  {
    const auto mI = -identity_map<Scalar>(_Nk.value().options());
    _ep_dot.d(_gamma_dot, _Nk) = mI;
    _ep_dot.d(_Nk, _gamma_dot) = mI;
  }
}
} // namespace neml2
