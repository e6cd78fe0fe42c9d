// SSR4: a batch of fourth-order tensors with both minor symmetries, stored as 6x6 Mandel
// matrices (the derivative of an SR2 with respect to an SR2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R4;
class Rot;
class SSFR5;
class Scalar;

class SSR4 : public PrimitiveTensor<SSR4, 6, 6>
{
public:
  using PrimitiveTensor<SSR4, 6, 6>::PrimitiveTensor;
  SSR4() = default;
  /// The minor-symmetric part of a full fourth-order tensor.
  explicit SSR4(const R4 & full);

  /// I ⊗ I (delta_ij delta_kl).
  static SSR4 identity(const TensorOptions & options = default_tensor_options());
  /// The identity on symmetric tensors, I_sym (dA/dA for symmetric A).
  static SSR4 identity_sym(const TensorOptions & options = default_tensor_options());
  /// I ⊗ I / 3: maps A to its volumetric part.
  static SSR4 identity_vol(const TensorOptions & options = default_tensor_options());
  /// I_sym - I ⊗ I / 3: maps A to its deviatoric part.
  static SSR4 identity_dev(const TensorOptions & options = default_tensor_options());
  /// @name Blocks of a cubic (and isotropic) stiffness in Mandel form
  ///@{
  /// diag(1,1,1,0,0,0)
  static SSR4 identity_C1(const TensorOptions & options = default_tensor_options());
  /// ones off the diagonal of the upper-left 3x3 block
  static SSR4 identity_C2(const TensorOptions & options = default_tensor_options());
  /// diag(0,0,0,1,1,1)
  static SSR4 identity_C3(const TensorOptions & options = default_tensor_options());
  /// C1 identity_C1 + C2 identity_C2 + C3 identity_C3
  static SSR4 fill_C1_C2_C3(const Scalar & C1, const Scalar & C2, const Scalar & C3);
  /// The isotropic stiffness of Young's modulus E and Poisson's ratio nu.
  static SSR4 isotropic_E_nu(const Scalar & E, const Scalar & nu);
  ///@}

  /// The inverse on symmetric tensors (inverse of the Mandel matrix).
  SSR4 inverse() const;
  /// Swap the index pairs (transpose of the Mandel matrix).
  SSR4 transpose() const;
  /// The rotated tensor, R_im R_jn R_ko R_lp C_mnop.
  SSR4 rotate(const Rot & r) const;
  /// d(rotate(r))/dr, base shape (6,6,3)
  SSFR5 drotate(const Rot & r) const;
};

class SR2;
/// C:D (product of the Mandel matrices).
SSR4 operator*(const SSR4 & a, const SSR4 & b);
/// C:A (Mandel matrix times Mandel vector).
SR2 operator*(const SSR4 & a, const SR2 & b);
} // namespace neml2

#include "neml2/tensors/operators.h"
