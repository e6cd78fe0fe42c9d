// SR2: a batch of symmetric second-order tensors in Mandel notation, components ordered
// 11, 22, 33, 23, 13, 12 with the shear components scaled by sqrt(2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class Scalar;
class R2;
class Rot;
class SFR3;
class SSR4;

class SR2 : public PrimitiveTensor<SR2, 6>
{
public:
  using PrimitiveTensor<SR2, 6>::PrimitiveTensor;
  SR2() = default;
  /// The symmetric part of a full second-order tensor.
  explicit SR2(const R2 & full);

  /// Isotropic tensor a*I.
  static SR2 fill(double a, const TensorOptions & options = default_tensor_options());
  /// Diagonal tensor diag(a11, a22, a33).
  static SR2 fill(double a11, double a22, double a33,
                  const TensorOptions & options = default_tensor_options());
  /// Full symmetric tensor from its six independent components (not Mandel-scaled).
  static SR2 fill(double a11, double a22, double a33, double a23, double a13, double a12,
                  const TensorOptions & options = default_tensor_options());
  /// From (possibly batched) components: one (isotropic), three (diagonal) or six (11, 22, 33,
  /// 23, 13, 12; not Mandel-scaled).
  static SR2 fill(const std::vector<Scalar> & components);
  static SR2 identity(const TensorOptions & options = default_tensor_options());

  /// Component (i, j) of the full tensor as a Scalar.
  Scalar operator()(Size i, Size j) const;
  Scalar tr() const;
  /// The volumetric part, tr/3 I.
  SR2 vol() const;
  /// The deviatoric part.
  SR2 dev() const;
  Scalar det() const;
  SR2 inverse() const;
  /// Full contraction A:B (equal to the dot product of the Mandel vectors).
  Scalar inner(const SR2 & other) const;
  Scalar norm_sq() const;
  /// sqrt(A:A + eps): eps keeps the derivative finite at zero.
  Scalar norm(double eps = 0) const;
  /// A ⊗ B as a Mandel matrix.
  SSR4 outer(const SR2 & other) const;
  /// R A R^T
  SR2 rotate(const Rot & r) const;
  /// d(rotate(r))/dr, base shape (6,3)
  SFR3 drotate(const Rot & r) const;
};
} // namespace neml2

#include "neml2/tensors/operators.h"
