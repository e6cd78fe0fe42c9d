// Vec: a batch of 3-vectors.
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class Vec : public PrimitiveTensor<Vec, 3>
{
public:
  using PrimitiveTensor<Vec, 3>::PrimitiveTensor;
  Vec() = default;

  /// A vector with components (x, y, z).
  static Vec fill(double x, double y, double z,
                  const TensorOptions & options = default_tensor_options());
};
} // namespace neml2

#include "neml2/tensors/operators.h"
