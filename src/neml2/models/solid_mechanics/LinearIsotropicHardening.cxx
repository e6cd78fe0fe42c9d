#include "neml2/models/solid_mechanics/LinearIsotropicHardening.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(LinearIsotropicHardening);

OptionSet
LinearIsotropicHardening::expected_options()
{
  auto options = IsotropicHardening::expected_options();
  options.doc() = "Linear isotropic hardening, h = K ep, where K is the hardening modulus and ep "
                  "the equivalent plastic strain.";
  options.add_required<TensorName<Scalar>>(
      "hardening_modulus",
      "The hardening modulus K (may be given as a variable: a nonlinear parameter).");
  return options;
}

LinearIsotropicHardening::LinearIsotropicHardening(const OptionSet & options)
    : IsotropicHardening(options),
      _K(declare_parameter<Scalar>("K", "hardening_modulus", /*allow_nonlinear=*/true))
{
}

void
LinearIsotropicHardening::set_value(const Request & request)
{
  if (request.wants_values())
    _h = _K * _ep;

  const auto * K = nl_param("K");
  if (request.wants_derivatives())
  {
    _h.d(_ep) = _K * identity_map<Scalar>(_ep.value().options());
    if (K)
      _h.d(*K) = _ep.value();
  }

  if (request.wants_second_derivatives() && K)
  {
    const auto I = identity_map<Scalar>(_ep.value().options());
    _h.d(_ep, *K) = I;
    _h.d(*K, _ep) = I;
  }
}
} // namespace neml2
