// Scalar: a batch of rank-0 tensors; broadcasts against every other type.
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class Scalar : public PrimitiveTensor<Scalar>
{
public:
  using PrimitiveTensor<Scalar>::PrimitiveTensor;
  Scalar() = default;
  /// An unbatched scalar holding `value`.
  Scalar(double value, const TensorOptions & options);

  /// The value as a number (unbatched scalars only; not traceable).
  double item_double() const;
};
} // namespace neml2

#include "neml2/tensors/operators.h"
