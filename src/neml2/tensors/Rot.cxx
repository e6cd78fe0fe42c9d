#include "neml2/tensors/Rot.h"
#include "neml2/tensors/Quaternion.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/WR2.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/tensors/functions/math.h"
#include "neml2/misc/error.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/acos.h>
#include <ATen/ops/argmax.h>
#include <ATen/ops/asin.h>
#include <ATen/ops/atan2.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/cos.h>
#include <ATen/ops/fmod.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/where.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/full_like.h>
#include <ATen/ops/zeros_like.h>
#include <cmath>

namespace neml2
{
namespace
{
neml2::Tensor
eps3(const TensorOptions & o)
{
  return neml2::Tensor(constants::levi_civita(o), 0);
}
} // namespace

Rot
Rot::identity(const TensorOptions & options)
{
  return Rot::zeros(options);
}

Rot
Rot::fill_matrix(const R2 & M)
{
  // Quaternion by Shepperd's method, branch-free: the four candidate formulas are evaluated and
  // the best conditioned one is picked per batch entry. Clamping keeps the others finite, so no
  // NaN reaches the result or its gradient.
  const auto m = [&](int i, int j) { return at::Tensor(M).select(-1, j).select(-1, i); };
  const auto t0 = 1.0 + m(0, 0) + m(1, 1) + m(2, 2);
  const auto t1 = 1.0 + m(0, 0) - m(1, 1) - m(2, 2);
  const auto t2 = 1.0 - m(0, 0) + m(1, 1) - m(2, 2);
  const auto t3 = 1.0 - m(0, 0) - m(1, 1) + m(2, 2);
  const auto h = [](const at::Tensor & t) { return at::sqrt(at::clamp(t, 1e-300)).mul(0.5); };
  const auto a = m(2, 1) - m(1, 2), b = m(0, 2) - m(2, 0), c = m(1, 0) - m(0, 1);
  const auto d = m(0, 1) + m(1, 0), e = m(0, 2) + m(2, 0), f = m(1, 2) + m(2, 1);
  const auto s0 = h(t0), s1 = h(t1), s2 = h(t2), s3 = h(t3);
  // each candidate: (s, x, y, z)
  const auto q0 = at::stack({s0, a / (4 * s0), b / (4 * s0), c / (4 * s0)}, -1);
  const auto q1 = at::stack({a / (4 * s1), s1, d / (4 * s1), e / (4 * s1)}, -1);
  const auto q2 = at::stack({b / (4 * s2), d / (4 * s2), s2, f / (4 * s2)}, -1);
  const auto q3 = at::stack({c / (4 * s3), e / (4 * s3), f / (4 * s3), s3}, -1);
  const auto all = at::stack({q0, q1, q2, q3}, -2);                        // (..., 4 candidates, 4)
  const auto best = at::argmax(at::stack({t0, t1, t2, t3}, -1), -1, true); // (..., 1)
  auto q = all.gather(-2, best.unsqueeze(-1).expand_as(all.narrow(-2, 0, 1))).squeeze(-2);
  // keep the scalar part non-negative: the MRP with |r| <= 1
  const auto sgn = at::where(q.narrow(-1, 0, 1) < 0, -1.0, 1.0);
  q = q * sgn;
  return Quaternion(q, M.dynamic_dim(), M.intmd_dim()).to_Rot();
}

Rot
Rot::fill_rodrigues(const Vec & g)
{
  const auto gg = g.norm_sq();
  return Rot(g / (1.0 + neml2::sqrt(1.0 + gg)));
}

Rot
Rot::axis_angle(const Vec & n, const Scalar & theta)
{
  return Rot(n / n.norm() * neml2::tan(theta / 4.0));
}

namespace
{
/// The rotation matrix of Kocks angles (Psi, Theta, phi), as NEML2 defines it.
R2
kocks_matrix(const at::Tensor & Psi, const at::Tensor & Th, const at::Tensor & phi, Size dyn,
             Size intmd)
{
  const auto sP = at::sin(Psi), cP = at::cos(Psi);
  const auto sT = at::sin(Th), cT = at::cos(Th);
  const auto sp = at::sin(phi), cp = at::cos(phi);
  auto row = [](const at::Tensor & a, const at::Tensor & b, const at::Tensor & c) {
    return at::stack({a, b, c}, -1);
  };
  const auto M = at::stack({row(-sp * sP - cp * cP * cT, sp * cP - cp * sP * cT, cp * sT),
                            row(cp * sP - sp * cP * cT, -cp * cP - sp * sP * cT, sp * sT),
                            row(cP * sT, sP * sT, cT)},
                           -2);
  return R2(M, dyn, intmd);
}
} // namespace

Rot
Rot::fill_euler_angles(const Vec & angles, const std::string & convention,
                       const std::string & angle_type)
{
  at::Tensor v = angles;
  if (angle_type == "degrees")
    v = v * (M_PI / 180.0);
  else if (angle_type != "radians")
    throw TypeError("unknown angle type '" + angle_type + "' (use degrees or radians)");
  const auto a = v.select(-1, 0), b = v.select(-1, 1), c = v.select(-1, 2);
  at::Tensor Psi, Th, phi;
  if (convention == "kocks")
  {
    Psi = a;
    Th = b;
    phi = c;
  }
  else if (convention == "roe")
  {
    Psi = a;
    Th = b;
    phi = M_PI - c;
  }
  else if (convention == "bunge")
  {
    // Psi and phi are 2 pi periodic; Theta lies in [0, pi] and is used as is (reducing it modulo
    // pi, as NEML2 does, would turn a half turn into no turn).
    Psi = at::fmod(a - M_PI / 2, 2 * M_PI);
    Th = b;
    phi = at::fmod(M_PI / 2 - c, 2 * M_PI);
  }
  else
    throw TypeError("unknown Euler angle convention '" + convention +
                    "' (use kocks, roe or bunge)");
  return fill_matrix(kocks_matrix(Psi, Th, phi, angles.dynamic_dim(), angles.intmd_dim()));
}

Vec
Rot::to_euler_angles(const std::string & convention, const std::string & angle_type) const
{
  const at::Tensor M = euler_rodrigues();
  const auto m = [&](int i, int j) { return M.select(-1, j).select(-1, i); };
  // general case; the degenerate case |M22| = 1 is selected per entry without branching
  const auto m22 = at::clamp(m(2, 2), -1.0, 1.0);
  const auto Th = at::acos(m22);
  const auto s = at::sin(Th);
  const auto s_safe = at::where(s.abs() < 1e-6, 1.0, s);
  const auto phi_g = M_PI / 2 - at::atan2(m(0, 2) / s_safe, m(1, 2) / s_safe);
  const auto Psi_g = M_PI / 2 - at::atan2(m(2, 0) / s_safe, m(2, 1) / s_safe);
  // Theta = 0: only phi - Psi is determined, atan2(M01, -M00); take Psi = -phi.
  // Theta = pi: only phi + Psi is determined, atan2(M01, M00); take Psi = phi.
  const auto s0 = at::atan2(m(0, 1), m(0, 0)) / 2 - M_PI / 2;
  const auto sp = at::atan2(m(0, 1), m(0, 0)) / 2;
  const auto top = (m22 - 1.0).abs() < 1e-12, bottom = (m22 + 1.0).abs() < 1e-12;
  const auto Psi = at::where(top, s0, at::where(bottom, sp, Psi_g));
  const auto phi = at::where(top, -s0, at::where(bottom, sp, phi_g));
  const auto Theta =
      at::where(top, at::zeros_like(Th), at::where(bottom, at::full_like(Th, M_PI), Th));

  at::Tensor a, b, c;
  if (convention == "kocks")
  {
    a = Psi;
    b = Theta;
    c = phi;
  }
  else if (convention == "roe")
  {
    a = Psi;
    b = Theta;
    c = M_PI - phi;
  }
  else if (convention == "bunge")
  {
    a = at::fmod(Psi + M_PI / 2, 2 * M_PI);
    b = Theta; // in [0, pi] already
    c = at::fmod(M_PI / 2 - phi, 2 * M_PI);
  }
  else
    throw TypeError("unknown Euler angle convention '" + convention +
                    "' (use kocks, roe or bunge)");
  auto out = at::stack({a, b, c}, -1);
  if (angle_type == "degrees")
    out = out * (180.0 / M_PI);
  else if (angle_type != "radians")
    throw TypeError("unknown angle type '" + angle_type + "' (use degrees or radians)");
  return Vec(out, dynamic_dim(), intmd_dim());
}

Rot
Rot::fill_random(const TraceableTensorShape & dynamic_shape, const TensorOptions & options)
{
  // Three separate uniform draws u0, u1, u2 (the order NEML2 uses, so seeds agree).
  const auto u0 = Scalar::rand(dynamic_shape, options);
  const auto u1 = Scalar::rand(dynamic_shape, options);
  const auto u2 = Scalar::rand(dynamic_shape, options);
  const auto a = neml2::sqrt(1.0 - u0), b = neml2::sqrt(u0);
  const auto w = a * neml2::sin(2 * M_PI * u1), x = a * neml2::cos(2 * M_PI * u1);
  const auto y = b * neml2::sin(2 * M_PI * u2), z = b * neml2::cos(2 * M_PI * u2);
  const Quaternion q(base_stack({w, x, y, z}, 0));
  return fill_matrix(q.to_R2());
}

Rot
Rot::inverse() const
{
  return -(*this);
}

R2
Rot::euler_rodrigues() const
{
  const auto rr = norm_sq();
  const R2 W(WR2(*this, dynamic_dim(), intmd_dim()));
  const auto d = (1.0 + rr) * (1.0 + rr);
  return R2::identity(options()) + (4.0 * (1.0 - rr) / d) * W + (8.0 / d) * (W * W);
}

R3
Rot::deuler_rodrigues() const
{
  const auto rr = norm_sq();
  const R2 W(WR2(*this, dynamic_dim(), intmd_dim()));
  const auto W2 = W * W;
  const auto opr = 1.0 + rr;
  const auto e = eps3(options());
  const neml2::Tensor r(*this);
  auto term1 = einsum("ij,k->ijk", {W, r}) * (8.0 * (rr - 3.0) / (opr * opr * opr));
  auto term2 = einsum("ij,k->ijk", {W2, r}) * (-32.0 / (opr * opr * opr));
  auto term3 = einsum("kij->ijk", {e}) * (-4.0 * (1.0 - rr) / (opr * opr));
  auto term4 =
      (einsum("kim,mj->ijk", {e, W}) + einsum("im,kmj->ijk", {W, e})) * (-8.0 / (opr * opr));
  return R3(term1 + term2 + term3 + term4);
}

Rot
Rot::shadow() const
{
  return -(*this) / norm_sq();
}

R2
Rot::dshadow() const
{
  const auto rr = norm_sq();
  return (2.0 *
              Vec(*this, dynamic_dim(), intmd_dim()).outer(Vec(*this, dynamic_dim(), intmd_dim())) /
              rr -
          R2::identity(options())) /
         rr;
}

Rot
operator*(const Rot & r1, const Rot & r2)
{
  // NEML2's formula in modified Rodrigues parameters (so results match its branch choice), except
  // where its denominator vanishes (two half turns about one axis): there the quaternion product
  // gives the rotation, as parameters with |r| <= 1.
  const auto n1 = r1.norm_sq(), n2 = r2.norm_sq();
  const Vec v1(r1), v2(r2);
  const auto num = v1 * (1.0 - n2) + v2 * (1.0 - n1) - 2.0 * v2.cross(v1);
  const auto den = 1.0 + n1 * n2 - 2.0 * v1.dot(v2);
  const auto singular = neml2::abs(den) < 1e-12;
  const Scalar den_safe = where(singular, Scalar::ones_like(den), den);
  const Vec formula = num / den_safe;
  const Rot product = (Quaternion(r1) * Quaternion(r2)).to_Rot_positive();
  return where(singular, product, Rot(formula));
}

Rot
Rot::rotate(const Rot & r) const
{
  return r * (*this);
}

R2
Rot::drotate(const Rot & r) const
{
  // c = r * a with a = *this; d = 1 + |a|^2 |r|^2 - 2 a.r
  const Vec a(*this, dynamic_dim(), intmd_dim()), rv(r, r.dynamic_dim(), r.intmd_dim());
  const auto na = a.norm_sq(), nr = rv.norm_sq();
  const auto d = 1.0 + na * nr - 2.0 * a.dot(rv);
  const Vec c(r * (*this));
  const R2 dd = c.outer(2.0 * na * rv - 2.0 * a);
  return (-dd - 2.0 * a.outer(rv) + R2::identity(options()) * (1.0 - na) -
          2.0 * R2(WR2(*this, dynamic_dim(), intmd_dim()))) /
         d;
}

R2
Rot::drotate_self(const Rot & r) const
{
  const Vec a(*this, dynamic_dim(), intmd_dim()), rv(r, r.dynamic_dim(), r.intmd_dim());
  const auto na = a.norm_sq(), nr = rv.norm_sq();
  const auto d = 1.0 + na * nr - 2.0 * a.dot(rv);
  const Vec c(r * (*this));
  const R2 dd = c.outer(2.0 * nr * a - 2.0 * rv);
  return (-dd - 2.0 * rv.outer(a) + R2::identity(options()) * (1.0 - nr) +
          2.0 * R2(WR2(r, r.dynamic_dim(), r.intmd_dim()))) /
         d;
}

Scalar
Rot::gdist(const Rot & other) const
{
  // 2 acos |qa . qb|: the angle of the rotation taking one to the other
  const auto dot = einsum("i,i->", {Quaternion(*this), Quaternion(other)});
  return Scalar(2.0 * at::acos(at::clamp(at::abs(dot), 0.0, 1.0)), dot.dynamic_dim(),
                dot.intmd_dim());
}
} // namespace neml2
