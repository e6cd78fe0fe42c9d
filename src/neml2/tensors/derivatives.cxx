#include "neml2/tensors/derivatives.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/misc/error.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/broadcast_tensors.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros_like.h>

namespace neml2
{
Tensor
finite_difference_jacobian(const std::function<Tensor(const Tensor &)> & f, const Tensor & x,
                           double rel, double abs, bool central)
{
  const auto x_flat = x.base_flatten();
  const Size n = x_flat.base_size(0);
  const auto y0 = f(x);
  const auto h = at::clamp(at::abs(x_flat) * rel, abs); // (batch, n)

  std::vector<at::Tensor> columns;
  for (Size i = 0; i < n; ++i)
  {
    auto dx = at::zeros_like(x_flat);
    dx.select(-1, i).copy_(h.select(-1, i));
    const auto hi = h.select(-1, i);
    auto step = [&](const at::Tensor & d)
    { return f(Tensor(x_flat + d, x.dynamic_dim(), x.intmd_dim()).base_reshape(x.base_sizes())); };
    at::Tensor dy;
    Tensor yp = step(dx);
    if (central)
    {
      Tensor ym = step(-dx);
      auto o = detail::align_batch("finite difference", yp, ym);
      dy = (o.a - o.b) / 2;
    }
    else
    {
      auto o = detail::align_batch("finite difference", yp, y0);
      dy = o.a - o.b;
    }
    // divide by h_i, broadcast over y's base dimensions
    at::Tensor hb = hi;
    for (Size k = 0; k < y0.base_dim(); ++k)
      hb = hb.unsqueeze(-1);
    columns.push_back(dy / hb);
  }
  const Size dyn = std::max(y0.dynamic_dim(), x.dynamic_dim());
  const Size intmd = std::max(y0.intmd_dim(), x.intmd_dim());
  auto J = Tensor(at::stack(at::broadcast_tensors(columns), -1), dyn, intmd);
  TensorShape shape(y0.base_sizes().begin(), y0.base_sizes().end());
  shape.append(x.base_sizes().begin(), x.base_sizes().end());
  return J.base_reshape(shape);
}

bool
detail::allclose(const at::Tensor & a, const at::Tensor & b, double rtol, double atol)
{
  auto ab = at::broadcast_tensors({a, b});
  return at::allclose(ab[0], ab[1], rtol, atol);
}
} // namespace neml2
