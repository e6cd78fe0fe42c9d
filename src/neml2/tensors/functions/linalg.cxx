#include "neml2/tensors/functions/linalg.h"
#include "neml2/tensors/tensors.h"
#include "neml2/misc/error.h"

#include <ATen/ops/linalg_eigh.h>
#include <ATen/ops/linalg_solve.h>
#include <ATen/ops/sqrt.h>

namespace neml2
{
Scalar
tr(const SR2 & a)
{
  return a.tr();
}
Scalar
tr(const R2 & a)
{
  return a.tr();
}
SR2
vol(const SR2 & a)
{
  return a.vol();
}
SR2
dev(const SR2 & a)
{
  return a.dev();
}
R2
vol(const R2 & a)
{
  return R2::identity(a.options()) * (a.tr() / 3.0);
}
R2
dev(const R2 & a)
{
  return a - vol(a);
}
Scalar
det(const SR2 & a)
{
  return a.det();
}
Scalar
det(const R2 & a)
{
  return a.det();
}
SR2
inv(const SR2 & a)
{
  return a.inverse();
}
R2
inv(const R2 & a)
{
  return a.inverse();
}
SSR4
inv(const SSR4 & a)
{
  return a.inverse();
}
Scalar
norm(const Vec & a)
{
  return a.norm();
}
Scalar
norm(const SR2 & a, double eps)
{
  return a.norm(eps);
}
Scalar
norm(const R2 & a)
{
  return Scalar(at::sqrt(a.mul(a).sum({-2, -1})), a.dynamic_dim(), a.intmd_dim());
}
Scalar
norm_sq(const Vec & a)
{
  return a.norm_sq();
}
Scalar
norm_sq(const SR2 & a)
{
  return a.norm_sq();
}
Scalar
norm_sq(const R2 & a)
{
  return Scalar(a.mul(a).sum({-2, -1}), a.dynamic_dim(), a.intmd_dim());
}
Scalar
inner(const Vec & a, const Vec & b)
{
  return a.dot(b);
}
Scalar
inner(const SR2 & a, const SR2 & b)
{
  return a.inner(b);
}
Scalar
inner(const R2 & a, const R2 & b)
{
  auto o = detail::align_batch("inner", a, b);
  return Scalar(o.a.mul(o.b).sum({-2, -1}), o.dynamic_dim, o.intmd_dim);
}
R2
outer(const Vec & a, const Vec & b)
{
  return a.outer(b);
}
SSR4
outer(const SR2 & a, const SR2 & b)
{
  return a.outer(b);
}
Vec
cross(const Vec & a, const Vec & b)
{
  return a.cross(b);
}
R2
transpose(const R2 & a)
{
  return a.transpose();
}
SSR4
transpose(const SSR4 & a)
{
  return a.transpose();
}

Tensor
solve(const Tensor & A, const Tensor & b)
{
  NEML2_CHECK(A.base_dim() == 2 && A.base_size(0) == A.base_size(1), ShapeError,
              "solve: A must have a square base shape, got ", A.shape_str());
  NEML2_CHECK((b.base_dim() == 1 || b.base_dim() == 2) && b.base_size(0) == A.base_size(0),
              ShapeError, "solve: b must have base shape (", A.base_size(0), ") or (",
              A.base_size(0), ", k), got ", b.shape_str());
  auto o = detail::align_batch("solve", A, b);
  const bool vector = b.base_dim() == 1;
  auto x = at::linalg_solve(o.a, vector ? o.b.unsqueeze(-1) : o.b);
  return Tensor(vector ? x.squeeze(-1) : x, o.dynamic_dim, o.intmd_dim);
}

std::pair<Vec, R2>
eigh(const SR2 & a)
{
  auto [vals, vecs] = at::linalg_eigh(R2(a));
  return {Vec(vals, a.dynamic_dim(), a.intmd_dim()), R2(vecs, a.dynamic_dim(), a.intmd_dim())};
}
} // namespace neml2
