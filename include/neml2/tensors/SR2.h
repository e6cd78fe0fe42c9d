// SR2: a batch of symmetric second-order tensors in Mandel notation, components ordered
// 11, 22, 33, 23, 13, 12 with the shear components scaled by sqrt(2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class SR2 : public PrimitiveTensor<SR2, 6>
{
public:
  using PrimitiveTensor<SR2, 6>::PrimitiveTensor;
  SR2() = default;

  /// Isotropic tensor a*I.
  static SR2 fill(double a, const TensorOptions & options = default_tensor_options());
  /// Diagonal tensor diag(a11, a22, a33).
  static SR2 fill(double a11, double a22, double a33,
                  const TensorOptions & options = default_tensor_options());
  /// Full symmetric tensor from its six independent components (not Mandel-scaled).
  static SR2 fill(double a11, double a22, double a33, double a23, double a13, double a12,
                  const TensorOptions & options = default_tensor_options());
};
} // namespace neml2

#include "neml2/tensors/operators.h"
