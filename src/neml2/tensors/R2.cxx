#include "neml2/tensors/R2.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/WR2.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/misc/error.h"
#include "internal/constant.h"

#include <ATen/ops/det.h>
#include <ATen/ops/inverse.h>
#include <ATen/ops/matmul.h>

namespace neml2
{
R2::R2(const SR2 & sym)
    : R2(einsum("m,mij->ij", {sym, neml2::Tensor(constants::mandel_map(sym.options()), 0)}))
{
}

R2::R2(const WR2 & skew)
    : R2(einsum("k,ijk->ij", {skew, neml2::Tensor(constants::skew_map(skew.options()), 0)}))
{
}

R2
R2::fill(double a, const TensorOptions & options)
{
  return fill(a, a, a, options);
}

R2
R2::fill(double a11, double a22, double a33, const TensorOptions & options)
{
  return R2(detail::constant_tensor({a11, 0, 0, 0, a22, 0, 0, 0, a33}, {3, 3}, options), 0);
}

R2
R2::fill(const std::vector<double> & rows, const TensorOptions & options)
{
  NEML2_CHECK(rows.size() == 9, ShapeError, "R2::fill needs 9 components, got ", rows.size());
  return R2(detail::constant_tensor(rows, {3, 3}, options), 0);
}

R2
R2::fill(const std::vector<Scalar> & rows)
{
  NEML2_CHECK(rows.size() == 9, ShapeError, "R2::fill needs 9 components, got ", rows.size());
  return R2(
      base_stack(std::vector<neml2::Tensor>(rows.begin(), rows.end()), 0).base_reshape({3, 3}));
}

R2
R2::identity(const TensorOptions & options)
{
  return R2(constants::eye(3, options), 0);
}

Scalar
R2::operator()(Size i, Size j) const
{
  return Scalar(base_index({i, j}));
}

R2
R2::transpose() const
{
  return wrap(at::Tensor::transpose(-1, -2));
}

R2
R2::inverse() const
{
  return wrap(at::inverse(*this));
}

Scalar
R2::det() const
{
  return Scalar(at::det(*this), dynamic_dim(), intmd_dim());
}

Scalar
R2::tr() const
{
  return Scalar(diagonal(0, -2, -1).sum(-1), dynamic_dim(), intmd_dim());
}

R2
operator*(const R2 & a, const R2 & b)
{
  auto o = detail::align_batch("R2*R2", a, b);
  return R2(at::matmul(o.a, o.b), o.dynamic_dim, o.intmd_dim);
}

Vec
operator*(const R2 & a, const Vec & v)
{
  auto o = detail::align_batch("R2*Vec", a, v);
  return Vec(at::matmul(o.a, o.b.unsqueeze(-1)).squeeze(-1), o.dynamic_dim, o.intmd_dim);
}
} // namespace neml2

namespace neml2
{
R2
R2::rotate(const Rot & r) const
{
  const auto R = r.euler_rodrigues();
  return R * (*this) * R.transpose();
}

R3
R2::drotate(const Rot & r) const
{
  // d(R A R^T)_ij / dr_l = F_ikl A_km R_jm + R_ik A_km F_jml
  const auto R = r.euler_rodrigues();
  const auto F = r.deuler_rodrigues();
  return R3(einsum("ikl,km,jm->ijl", {F, *this, R}) + einsum("ik,km,jml->ijl", {R, *this, F}));
}
} // namespace neml2
