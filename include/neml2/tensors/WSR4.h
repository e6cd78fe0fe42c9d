// WSR4: fourth-order tensors skew in the first pair (axial) and symmetric in the second (Mandel),
// base shape (3,6) (e.g. the derivative of a WR2 with respect to an SR2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R4;

class WSR4 : public PrimitiveTensor<WSR4, 3, 6>
{
public:
  using PrimitiveTensor<WSR4, 3, 6>::PrimitiveTensor;
  WSR4() = default;
  explicit WSR4(const R4 & full);
};
} // namespace neml2

#include "neml2/tensors/operators.h"
