#include "neml2/tensors/Quaternion.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/creation.h"
#include "internal/constant.h"

#include <ATen/ops/cat.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/where.h>
#include <ATen/ops/stack.h>
#include <ATen/TensorOperators.h>

namespace neml2
{
Quaternion::Quaternion(const Rot & r)
    : Quaternion(
          [&]
          {
            // s = (1 - |r|^2) / (1 + |r|^2), q = 2 r / (1 + |r|^2)
            const at::Tensor rr = r.mul(r).sum(-1, true);
            const at::Tensor s = (1.0 - rr) / (1.0 + rr);
            const at::Tensor q = 2.0 * r / (1.0 + rr);
            return at::cat({s, q}, -1);
          }(),
          r.dynamic_dim(), r.intmd_dim())
{
}

Quaternion
Quaternion::fill(double s, double q1, double q2, double q3, const TensorOptions & options)
{
  return Quaternion(detail::constant_tensor({s, q1, q2, q3}, {4}, options), 0);
}

Scalar
Quaternion::operator()(Size i) const
{
  return Scalar(base_index({i}));
}

Scalar
Quaternion::norm_sq() const
{
  return Scalar(mul(*this).sum(-1), dynamic_dim(), intmd_dim());
}

Scalar
Quaternion::norm() const
{
  return Scalar(at::sqrt(mul(*this).sum(-1)), dynamic_dim(), intmd_dim());
}

Quaternion
Quaternion::conjugate() const
{
  return wrap(mul(constants::quaternion_conjugation(options())));
}

R2
Quaternion::to_R2() const
{
  // R = (s^2 - q.q) I + 2 q q^T + 2 s [q]x, the active rotation of a unit quaternion
  const auto c = unbind(-1);
  const auto &s = c[0], &x = c[1], &y = c[2], &z = c[3];
  auto row = [](at::Tensor a, at::Tensor b, at::Tensor d) { return at::stack({a, b, d}, -1); };
  const auto m =
      at::stack({row(s * s + x * x - y * y - z * z, 2 * (x * y - s * z), 2 * (x * z + s * y)),
                 row(2 * (x * y + s * z), s * s - x * x + y * y - z * z, 2 * (y * z - s * x)),
                 row(2 * (x * z - s * y), 2 * (y * z + s * x), s * s - x * x - y * y + z * z)},
                -2);
  return R2(m, dynamic_dim(), intmd_dim());
}

Rot
Quaternion::to_Rot() const
{
  // r = q / (1 + s)
  const at::Tensor s = narrow(-1, 0, 1);
  return Rot(narrow(-1, 1, 3) / (1.0 + s), dynamic_dim(), intmd_dim());
}

Rot
Quaternion::to_Rot_positive() const
{
  const at::Tensor s = narrow(-1, 0, 1);
  const auto q = *this * at::where(s < 0, -1.0, 1.0);
  return Quaternion(q, dynamic_dim(), intmd_dim()).to_Rot();
}

Quaternion
operator*(const Quaternion & a, const Quaternion & b)
{
  auto o = detail::align_batch("Quaternion*Quaternion", a, b);
  const auto p = o.a.unbind(-1), q = o.b.unbind(-1);
  const auto m = at::stack({p[0] * q[0] - p[1] * q[1] - p[2] * q[2] - p[3] * q[3],
                            p[0] * q[1] + p[1] * q[0] + p[2] * q[3] - p[3] * q[2],
                            p[0] * q[2] - p[1] * q[3] + p[2] * q[0] + p[3] * q[1],
                            p[0] * q[3] + p[1] * q[2] - p[2] * q[1] + p[3] * q[0]},
                           -1);
  return Quaternion(m, o.dynamic_dim, o.intmd_dim);
}
} // namespace neml2
