// R3: a batch of third-order tensors, base shape (3,3,3).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class SFR3;

class R3 : public PrimitiveTensor<R3, 3, 3, 3>
{
public:
  using PrimitiveTensor<R3, 3, 3, 3>::PrimitiveTensor;
  R3() = default;
  /// The full tensor of one symmetric in its first two indices.
  explicit R3(const SFR3 & sym);
  /// The permutation (Levi-Civita) tensor.
  static R3 levi_civita(const TensorOptions & options = default_tensor_options());
};
} // namespace neml2

#include "neml2/tensors/operators.h"
