// SWR4: fourth-order tensors symmetric in the first pair (Mandel) and skew in the second (axial),
// base shape (6,3) (e.g. the derivative of an SR2 with respect to a WR2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R4;

class SWR4 : public PrimitiveTensor<SWR4, 6, 3>
{
public:
  using PrimitiveTensor<SWR4, 6, 3>::PrimitiveTensor;
  SWR4() = default;
  explicit SWR4(const R4 & full);
};
} // namespace neml2

#include "neml2/tensors/operators.h"
