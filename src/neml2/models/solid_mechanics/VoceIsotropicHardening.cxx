#include "neml2/models/solid_mechanics/VoceIsotropicHardening.h"
#include "neml2/tensors/functions/math.h"

namespace neml2
{
register_NEML2_object(VoceIsotropicHardening);

OptionSet
VoceIsotropicHardening::expected_options()
{
  auto options = IsotropicHardening::expected_options();
  options.doc() = "Voce isotropic hardening, h = R (1 - exp(-d ep)), where R is the hardening at "
                  "saturation, d the saturation rate and ep the equivalent plastic strain.";
  options.add_required<TensorName<Scalar>>(
      "saturated_hardening",
      "The hardening at saturation R (may be given as a variable: a nonlinear parameter).");
  options.add_required<TensorName<Scalar>>(
      "saturation_rate",
      "The saturation rate d (may be given as a variable: a nonlinear parameter).");
  return options;
}

VoceIsotropicHardening::VoceIsotropicHardening(const OptionSet & options)
    : IsotropicHardening(options),
      _R(declare_parameter<Scalar>("R", "saturated_hardening", /*allow_nonlinear=*/true)),
      _d(declare_parameter<Scalar>("d", "saturation_rate", /*allow_nonlinear=*/true))
{
}

void
VoceIsotropicHardening::set_value(const Request & request)
{
  const Scalar ep = _ep.value();
  const auto e = exp(-_d * ep);
  if (request.wants_values())
    _h = _R * (1.0 - e);

  const auto * R = nl_param("R");
  const auto * d = nl_param("d");
  if (request.wants_derivatives())
  {
    _h.d(_ep) = _R * _d * e;
    if (R)
      _h.d(*R) = 1.0 - e;
    if (d)
      _h.d(*d) = _R * ep * e;
  }

  if (request.wants_second_derivatives())
  {
    _h.d(_ep, _ep) = -_R * _d * _d * e;
    if (R)
    {
      const auto d2 = _d * e;
      _h.d(_ep, *R) = d2;
      _h.d(*R, _ep) = d2;
    }
    if (d)
    {
      const auto d2 = _R * e * (1.0 - _d * ep);
      _h.d(_ep, *d) = d2;
      _h.d(*d, _ep) = d2;
      _h.d(*d, *d) = -_R * ep * ep * e;
    }
    if (R && d)
    {
      const auto d2 = ep * e;
      _h.d(*R, *d) = d2;
      _h.d(*d, *R) = d2;
    }
  }
}
} // namespace neml2
