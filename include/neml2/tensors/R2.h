// R2: a batch of general second-order tensors (3x3 matrices).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class Scalar;
class Vec;
class SR2;
class WR2;
class Rot;
class R3;
class R4;

class R2 : public PrimitiveTensor<R2, 3, 3>
{
public:
  using PrimitiveTensor<R2, 3, 3>::PrimitiveTensor;
  R2() = default;
  /// The full matrix of a symmetric tensor.
  explicit R2(const SR2 & sym);
  /// The full matrix of a skew tensor.
  explicit R2(const WR2 & skew);

  /// a I
  static R2 fill(double a, const TensorOptions & options = default_tensor_options());
  /// diag(a11, a22, a33)
  static R2 fill(double a11, double a22, double a33,
                 const TensorOptions & options = default_tensor_options());
  /// All nine components, row by row.
  static R2 fill(const std::vector<double> & rows,
                 const TensorOptions & options = default_tensor_options());
  /// From nine (possibly batched) components, row by row.
  static R2 fill(const std::vector<Scalar> & rows);
  static R2 identity(const TensorOptions & options = default_tensor_options());

  /// Component (i, j) as a Scalar.
  Scalar operator()(Size i, Size j) const;
  R2 transpose() const;
  R2 inverse() const;
  Scalar det() const;
  Scalar tr() const;
  /// R A R^T
  R2 rotate(const Rot & r) const;
  /// d(rotate(r))/dr, base shape (3,3,3)
  R3 drotate(const Rot & r) const;
};

/// Matrix product.
R2 operator*(const R2 & a, const R2 & b);
/// Matrix-vector product.
Vec operator*(const R2 & a, const Vec & v);
} // namespace neml2

#include "neml2/tensors/operators.h"
