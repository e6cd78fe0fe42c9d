// SSFR5: fifth-order tensors with two Mandel pairs and a full index, base shape (6,6,3) (e.g. the
// derivative of an SSR4 with respect to a 3-vector).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R5;

class SSFR5 : public PrimitiveTensor<SSFR5, 6, 6, 3>
{
public:
  using PrimitiveTensor<SSFR5, 6, 6, 3>::PrimitiveTensor;
  SSFR5() = default;
  /// Mandel storage of both leading pairs of a full fifth-order tensor.
  explicit SSFR5(const R5 & full);
};
} // namespace neml2

#include "neml2/tensors/operators.h"
