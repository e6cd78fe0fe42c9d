// WWR4: fourth-order tensors skew in both pairs, stored on axial vectors, base shape (3,3) (the
// derivative of a WR2 with respect to a WR2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R4;

class WWR4 : public PrimitiveTensor<WWR4, 3, 3>
{
public:
  using PrimitiveTensor<WWR4, 3, 3>::PrimitiveTensor;
  WWR4() = default;
  explicit WWR4(const R4 & full);
  /// The identity on skew tensors.
  static WWR4 identity(const TensorOptions & options = default_tensor_options());
};

class WR2;
/// Matrix-vector product on axial vectors.
WR2 operator*(const WWR4 & a, const WR2 & b);
WWR4 operator*(const WWR4 & a, const WWR4 & b);
} // namespace neml2

#include "neml2/tensors/operators.h"
