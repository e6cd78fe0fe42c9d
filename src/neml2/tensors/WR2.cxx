#include "neml2/tensors/WR2.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/tensors/functions/math.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/cos.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/tan.h>
#include <ATen/ops/where.h>

namespace neml2
{
WR2::WR2(const R2 & full)
    : WR2(einsum("ij,ijk->k", {full, neml2::Tensor(constants::skew_map(full.options()), 0)}) * 0.5)
{
}

namespace
{
// The exponential map as modified Rodrigues parameters: r = a(theta) w with theta = |w| and
// a = tan(theta/4)/theta; dr/dw = a I + b w (x) w with b = a'(theta)/theta. Near zero both use
// their series, and the exact branch sees a safe theta, so neither values nor gradients get NaN.
constexpr double small_angle = 1e-4;

std::pair<at::Tensor, at::Tensor>
exp_map_coefficients(const at::Tensor & w)
{
  const auto t2 = w.mul(w).sum(-1);
  const auto small = t2 < small_angle * small_angle;
  // the square root only ever sees a safe argument: its gradient at 0 would be NaN
  const auto ts = at::sqrt(at::where(small, at::ones_like(t2), t2));
  const auto tq = at::tan(ts / 4);
  const auto a_exact = tq / ts;
  const auto sec2 = 1.0 / at::cos(ts / 4).pow(2);
  const auto b_exact = (sec2 / 4 * ts - tq) / (ts * ts * ts);
  const auto a_series = 0.25 + t2 / 192 + t2 * t2 / 7680;
  const auto b_series = 1.0 / 96 + t2 / 1920;
  return {at::where(small, a_series, a_exact), at::where(small, b_series, b_exact)};
}
} // namespace

Rot
WR2::exp_map() const
{
  const auto [a, b] = exp_map_coefficients(*this);
  return Rot(mul(a.unsqueeze(-1)), dynamic_dim(), intmd_dim());
}

R2
WR2::dexp_map() const
{
  const auto [a, b] = exp_map_coefficients(*this);
  const Scalar as(a, dynamic_dim(), intmd_dim()), bs(b, dynamic_dim(), intmd_dim());
  const Vec w(*this, dynamic_dim(), intmd_dim());
  return R2::identity(options()) * as + w.outer(w) * bs;
}

R2
WR2::exp() const
{
  return exp_map().euler_rodrigues();
}

namespace detail
{
/// R v and d(R v)/dr for the 3-vector types.
Vec rotate_vector(const Vec & v, const Rot & r);
R2 drotate_vector(const Vec & v, const Rot & r);
} // namespace detail

WR2
WR2::rotate(const Rot & r) const
{
  const auto v = detail::rotate_vector(Vec(*this, dynamic_dim(), intmd_dim()), r);
  return WR2(v, v.dynamic_dim(), v.intmd_dim());
}

R2
WR2::drotate(const Rot & r) const
{
  return detail::drotate_vector(Vec(*this, dynamic_dim(), intmd_dim()), r);
}
} // namespace neml2
