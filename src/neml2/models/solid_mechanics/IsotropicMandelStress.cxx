#include "neml2/models/solid_mechanics/IsotropicMandelStress.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(IsotropicMandelStress);

OptionSet
IsotropicMandelStress::expected_options()
{
  auto options = MandelStress::expected_options();
  options.doc() = "The Mandel stress of an isotropic material under small deformations, which "
                  "equals the Cauchy stress: M = S.";
  return options;
}

void
IsotropicMandelStress::set_value(const Request & request)
{
  if (request.wants_values())
    _M = _S.value();
  if (request.wants_derivatives())
    _M.d(_S) = identity_map<SR2>(_S.value().options());
  // second derivatives: zero
}
} // namespace neml2
