// MillerIndex: a batch of crystal directions or plane normals given by three integers.
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class MillerIndex : public PrimitiveTensor<MillerIndex, 3>
{
public:
  using PrimitiveTensor<MillerIndex, 3>::PrimitiveTensor;
  MillerIndex() = default;

  /// Options of Miller indices: 64-bit integers on the default device.
  static TensorOptions default_options();
  static MillerIndex fill(Size h, Size k, Size l,
                          const TensorOptions & options = default_options());
};
} // namespace neml2

#include "neml2/tensors/operators.h"
