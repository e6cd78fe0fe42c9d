// Linear isotropic hardening: the hardening proportional to the equivalent plastic strain.
#pragma once

#include "neml2/models/solid_mechanics/IsotropicHardening.h"

namespace neml2
{
class LinearIsotropicHardening : public IsotropicHardening
{
public:
  static OptionSet expected_options();
  explicit LinearIsotropicHardening(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Scalar & _K;
};
} // namespace neml2
