#include "neml2/tensors/PrimitiveTensor.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/tensor_types.h"
#include "neml2/misc/error.h"

#include <ATen/ops/empty.h>
#include <ATen/ops/full.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/zeros.h>

namespace neml2
{
template <class Derived, Size... S>
PrimitiveTensor<Derived, S...>::PrimitiveTensor(const at::Tensor & tensor)
    : TensorBase<Derived>(tensor, tensor.dim() - const_base_dim, 0)
{
  check_base_shape();
}

template <class Derived, Size... S>
PrimitiveTensor<Derived, S...>::PrimitiveTensor(const at::Tensor & tensor, Size dynamic_dim,
                                                Size intmd_dim)
    : TensorBase<Derived>(tensor, dynamic_dim, intmd_dim)
{
  check_base_shape();
}

template <class Derived, Size... S>
void
PrimitiveTensor<Derived, S...>::check_base_shape() const
{
  NEML2_CHECK(this->base_sizes() == const_base_sizes(), ShapeError, "a tensor of shape ",
              this->shape_str(), " does not have the base shape ", const_base_sizes(),
              " required by this tensor type");
}

namespace
{
TensorShape
primitive_shape(const TraceableTensorShape & dynamic_shape, TensorShapeRef base)
{
  const auto full = dynamic_shape.append(base);
  dynamic_shape.stash("size", full.size());
  return full.concrete();
}
} // namespace

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::empty(const TensorOptions & options)
{
  return Derived(at::empty(const_base_sizes(), options), 0);
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::empty(const TraceableTensorShape & dynamic_shape,
                                      const TensorOptions & options)
{
  return Derived(at::empty(primitive_shape(dynamic_shape, const_base_sizes()), options),
                 static_cast<Size>(dynamic_shape.size()));
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::zeros(const TensorOptions & options)
{
  return Derived(at::zeros(const_base_sizes(), options), 0);
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::zeros(const TraceableTensorShape & dynamic_shape,
                                      const TensorOptions & options)
{
  return Derived(at::zeros(primitive_shape(dynamic_shape, const_base_sizes()), options),
                 static_cast<Size>(dynamic_shape.size()));
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::ones(const TensorOptions & options)
{
  return Derived(at::ones(const_base_sizes(), options), 0);
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::ones(const TraceableTensorShape & dynamic_shape,
                                     const TensorOptions & options)
{
  return Derived(at::ones(primitive_shape(dynamic_shape, const_base_sizes()), options),
                 static_cast<Size>(dynamic_shape.size()));
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::full(double value, const TensorOptions & options)
{
  return Derived(at::full(const_base_sizes(), value, options), 0);
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::full(const TraceableTensorShape & dynamic_shape, double value,
                                     const TensorOptions & options)
{
  return Derived(at::full(primitive_shape(dynamic_shape, const_base_sizes()), value, options),
                 static_cast<Size>(dynamic_shape.size()));
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::rand(const TraceableTensorShape & dynamic_shape,
                                     const TensorOptions & options)
{
  return Derived(at::rand(primitive_shape(dynamic_shape, const_base_sizes()), options),
                 static_cast<Size>(dynamic_shape.size()));
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::linspace(const Derived & start, const Derived & end, Size n,
                                         Size dim, BatchGroup group)
{
  return Derived(detail::linspace(start, end, n, dim, group));
}

template <class Derived, Size... S>
Derived
PrimitiveTensor<Derived, S...>::logspace(const Derived & start, const Derived & end, Size n,
                                         Size dim, BatchGroup group, double base)
{
  return Derived(detail::logspace(start, end, n, dim, group, base));
}

#define NEML2_INSTANTIATE_PRIMITIVE(T, ...) template class PrimitiveTensor<T, ##__VA_ARGS__>;
NEML2_FOR_ALL_PRIMITIVE_TENSORS_WITH_SHAPES(NEML2_INSTANTIATE_PRIMITIVE)
#undef NEML2_INSTANTIATE_PRIMITIVE
} // namespace neml2
