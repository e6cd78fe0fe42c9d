// Quaternion: a batch of quaternions (s, q1, q2, q3), scalar part first.
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class Scalar;
class R2;
class Rot;

class Quaternion : public PrimitiveTensor<Quaternion, 4>
{
public:
  using PrimitiveTensor<Quaternion, 4>::PrimitiveTensor;
  Quaternion() = default;
  /// The unit quaternion of a rotation (scalar part non-negative).
  explicit Quaternion(const Rot & r);

  static Quaternion fill(double s, double q1, double q2, double q3,
                         const TensorOptions & options = default_tensor_options());
  /// Component i as a Scalar.
  Scalar operator()(Size i) const;
  Scalar norm_sq() const;
  Scalar norm() const;
  Quaternion conjugate() const;
  /// The rotation matrix of a unit quaternion.
  R2 to_R2() const;
  /// The modified Rodrigues parameters of a unit quaternion, r = q / (1 + s).
  Rot to_Rot() const;
  /// The same for q or -q, whichever has s >= 0, so that |r| <= 1.
  Rot to_Rot_positive() const;
};

/// The Hamilton product.
Quaternion operator*(const Quaternion & a, const Quaternion & b);
} // namespace neml2

#include "neml2/tensors/operators.h"
