// SFR3: third-order tensors symmetric in the first two indices: a Mandel pair then a full index,
// base shape (6,3) (e.g. the derivative of an SR2 with respect to a 3-vector).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R3;

class SFR3 : public PrimitiveTensor<SFR3, 6, 3>
{
public:
  using PrimitiveTensor<SFR3, 6, 3>::PrimitiveTensor;
  SFR3() = default;
  /// The part of a full third-order tensor symmetric in its first two indices.
  explicit SFR3(const R3 & full);
};
} // namespace neml2

#include "neml2/tensors/operators.h"
