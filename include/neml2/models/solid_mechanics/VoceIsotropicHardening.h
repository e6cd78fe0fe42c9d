// Voce isotropic hardening: the hardening saturates exponentially with the equivalent plastic
// strain.
#pragma once

#include "neml2/models/solid_mechanics/IsotropicHardening.h"

namespace neml2
{
class VoceIsotropicHardening : public IsotropicHardening
{
public:
  static OptionSet expected_options();
  explicit VoceIsotropicHardening(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Scalar & _R;
  const Scalar & _d;
};
} // namespace neml2
