// SFFR4: fourth-order tensors symmetric in the first pair (Mandel) with a full second pair, base
// shape (6,3,3) (e.g. the derivative of an SR2 with respect to an R2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R4;

class SFFR4 : public PrimitiveTensor<SFFR4, 6, 3, 3>
{
public:
  using PrimitiveTensor<SFFR4, 6, 3, 3>::PrimitiveTensor;
  SFFR4() = default;
  explicit SFFR4(const R4 & full);
};
} // namespace neml2

#include "neml2/tensors/operators.h"
