// Rot: a batch of rotations stored as modified Rodrigues parameters r = n tan(theta/4) (active,
// right-handed). The rotation matrix is R = I + (4 (1 - r.r) W + 8 W^2) / (1 + r.r)^2 with
// W_ij = -e_ijk r_k. Composition: R(a * b) = R(a) R(b), so b is applied first.
#pragma once

#include <string>

#include "neml2/tensors/VecBase.h"

namespace neml2
{
class R2;
class R3;
class Vec;

class Rot : public VecBase<Rot>
{
public:
  using VecBase<Rot>::VecBase;
  Rot() = default;

  /// The identity rotation (r = 0).
  static Rot identity(const TensorOptions & options = default_tensor_options());
  /// The rotation of a rotation matrix (robust for every angle; |r| <= 1).
  static Rot fill_matrix(const R2 & M);
  /// From the classical Rodrigues (Gibbs) vector g = n tan(theta/2).
  static Rot fill_rodrigues(const Vec & g);
  /// Rotation by angle theta (radians) about the axis n (normalised here).
  static Rot axis_angle(const Vec & n, const Scalar & theta);
  /// Rotations from Euler angles: the last base dimension of `angles` holds the three angles.
  /// `convention` is "kocks", "roe" or "bunge"; `angle_type` is "degrees" or "radians". As in
  /// NEML2, the rotation is the sample-to-crystal (passive) one: for Bunge angles its matrix is
  /// (Rz(phi1) Rx(Phi) Rz(phi2))^T.
  static Rot fill_euler_angles(const Vec & angles, const std::string & convention,
                               const std::string & angle_type);
  /// Random rotations uniformly distributed on SO(3) (Shoemake's method).
  static Rot fill_random(const TraceableTensorShape & dynamic_shape,
                         const TensorOptions & options = default_tensor_options());

  /// The inverse rotation, -r.
  Rot inverse() const;
  /// The rotation matrix (Euler-Rodrigues formula).
  R2 euler_rodrigues() const;
  /// d(euler_rodrigues())/dr, base shape (3,3,3): [i,j,k] = dR_ij/dr_k.
  R3 deuler_rodrigues() const;
  /// Euler angles of this rotation (inverse of fill_euler_angles), as a Vec.
  Vec to_euler_angles(const std::string & convention, const std::string & angle_type) const;
  /// The shadow parameters -r/|r|^2, which describe the same rotation.
  Rot shadow() const;
  /// d(shadow())/dr
  R2 dshadow() const;
  /// This rotation followed by `r`: r * (*this).
  Rot rotate(const Rot & r) const;
  /// d(rotate(r))/dr
  R2 drotate(const Rot & r) const;
  /// d(rotate(r))/d(*this)
  R2 drotate_self(const Rot & r) const;
  /// The misorientation angle between two rotations (radians): the angle of the rotation that takes
  /// one to the other, 2 acos |q_a . q_b| with q the unit quaternions.
  Scalar gdist(const Rot & other) const;
};

/// Composition: R(a * b) = R(a) R(b) (b is applied first).
Rot operator*(const Rot & a, const Rot & b);
} // namespace neml2

#include "neml2/tensors/operators.h"
