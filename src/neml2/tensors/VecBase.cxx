#include "neml2/tensors/VecBase.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/WR2.h"
#include "neml2/tensors/functions/creation.h"
#include "internal/constant.h"

#include <ATen/ops/sqrt.h>

namespace neml2
{
template <class Derived>
Derived
VecBase<Derived>::fill(double v0, double v1, double v2, const TensorOptions & options)
{
  return Derived(detail::constant_tensor({v0, v1, v2}, {3}, options), 0);
}

template <class Derived>
Derived
VecBase<Derived>::fill(const Scalar & v0, const Scalar & v1, const Scalar & v2)
{
  return Derived(base_stack({v0, v1, v2}, 0));
}

template <class Derived>
Scalar
VecBase<Derived>::operator()(Size i) const
{
  return Scalar(this->base_index({i}));
}

template <class Derived>
Scalar
VecBase<Derived>::dot(const Derived & other) const
{
  auto o = detail::align_batch("dot", *this, other);
  return Scalar(o.a.mul(o.b).sum(-1), o.dynamic_dim, o.intmd_dim);
}

template <class Derived>
Scalar
VecBase<Derived>::norm_sq() const
{
  return Scalar(this->mul(*this).sum(-1), this->dynamic_dim(), this->intmd_dim());
}

template <class Derived>
Scalar
VecBase<Derived>::norm() const
{
  return Scalar(at::sqrt(this->mul(*this).sum(-1)), this->dynamic_dim(), this->intmd_dim());
}

template class VecBase<Vec>;
template class VecBase<Rot>;
template class VecBase<WR2>;
} // namespace neml2
