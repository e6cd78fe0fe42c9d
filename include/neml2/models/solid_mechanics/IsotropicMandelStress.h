// The Mandel stress of an isotropic material under small deformations: the Cauchy stress itself.
#pragma once

#include "neml2/models/solid_mechanics/MandelStress.h"

namespace neml2
{
class IsotropicMandelStress : public MandelStress
{
public:
  static OptionSet expected_options();
  using MandelStress::MandelStress;

protected:
  void set_value(const Request & request) override;
};
} // namespace neml2
