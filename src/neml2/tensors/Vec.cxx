#include "neml2/tensors/Vec.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/functions/einsum.h"

#include <ATen/ops/broadcast_tensors.h>
#include <ATen/ops/cross.h>

namespace neml2
{
Vec
Vec::cross(const Vec & other) const
{
  auto o = detail::align_batch("cross", *this, other);
  // broadcast explicitly: at::cross needs equal shapes in libtorch 1.13
  auto ab = at::broadcast_tensors({o.a, o.b});
  return Vec(at::cross(ab[0], ab[1], -1), o.dynamic_dim, o.intmd_dim);
}

R2
Vec::outer(const Vec & other) const
{
  auto o = detail::align_batch("outer", *this, other);
  return R2(o.a.unsqueeze(-1).mul(o.b.unsqueeze(-2)), o.dynamic_dim, o.intmd_dim);
}
} // namespace neml2

namespace neml2
{
namespace detail
{
Vec
rotate_vector(const Vec & v, const Rot & r)
{
  return r.euler_rodrigues() * v;
}

R2
drotate_vector(const Vec & v, const Rot & r)
{
  return R2(einsum("ijk,j->ik", {r.deuler_rodrigues(), v}));
}
} // namespace detail

Vec
Vec::rotate(const Rot & r) const
{
  return detail::rotate_vector(*this, r);
}

R2
Vec::drotate(const Rot & r) const
{
  return detail::drotate_vector(*this, r);
}
} // namespace neml2
