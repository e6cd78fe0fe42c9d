// R5: a batch of fifth-order tensors, base shape (3,3,3,3,3) (e.g. the derivative of an R4 with
// respect to a 3-vector).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R5 : public PrimitiveTensor<R5, 3, 3, 3, 3, 3>
{
public:
  using PrimitiveTensor<R5, 3, 3, 3, 3, 3>::PrimitiveTensor;
  R5() = default;
};
} // namespace neml2

#include "neml2/tensors/operators.h"
