// A scalar invariant of a symmetric second-order tensor: the first or second invariant, the von
// Mises equivalent, or the effective (equivalent) strain.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
class SR2Invariant : public Model
{
public:
  static OptionSet expected_options();
  explicit SR2Invariant(const OptionSet & options);

  enum class IType
  {
    I1,
    I2,
    VONMISES,
    EFFECTIVE_STRAIN
  };

protected:
  void set_value(const Request & request) override;

private:
  const IType _type;
  /// Added under the square roots of VONMISES and EFFECTIVE_STRAIN so that their derivatives stay
  /// finite at zero: [Settings] machine_precision.
  const double _eps;
  const Variable<SR2> & _A;
  Variable<Scalar> & _invariant;
};
} // namespace neml2
