// The common interface of isotropic hardening laws: maps from the equivalent plastic strain to the
// isotropic hardening.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
class IsotropicHardening : public Model
{
public:
  static OptionSet expected_options();
  explicit IsotropicHardening(const OptionSet & options);

protected:
  const Variable<Scalar> & _ep;
  Variable<Scalar> & _h;
};
} // namespace neml2
