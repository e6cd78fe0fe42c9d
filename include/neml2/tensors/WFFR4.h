// WFFR4: fourth-order tensors skew in the first pair (axial vector) with a full second pair, base
// shape (3,3,3) (e.g. the derivative of a WR2 with respect to an R2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R4;

class WFFR4 : public PrimitiveTensor<WFFR4, 3, 3, 3>
{
public:
  using PrimitiveTensor<WFFR4, 3, 3, 3>::PrimitiveTensor;
  WFFR4() = default;
  explicit WFFR4(const R4 & full);
};
} // namespace neml2

#include "neml2/tensors/operators.h"
