#include "neml2/tensors/Tensor.h"

#include <ATen/ops/empty.h>
#include <ATen/ops/full.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/zeros.h>

namespace neml2
{
Tensor::Tensor(const at::Tensor & tensor, Size dynamic_dim, Size intmd_dim)
    : TensorBase<Tensor>(tensor, dynamic_dim, intmd_dim)
{
}

namespace
{
// Build the full shape of a factory call and stash its traced dynamic part.
TensorShape
factory_shape(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape)
{
  const auto full = dynamic_shape.append(base_shape);
  dynamic_shape.stash("size", full.size());
  return full.concrete();
}
} // namespace

Tensor
Tensor::empty(TensorShapeRef base_shape, const TensorOptions & options)
{
  return Tensor(at::empty(base_shape, options), 0);
}

Tensor
Tensor::empty(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
              const TensorOptions & options)
{
  return Tensor(at::empty(factory_shape(dynamic_shape, base_shape), options),
                static_cast<Size>(dynamic_shape.size()));
}

Tensor
Tensor::zeros(TensorShapeRef base_shape, const TensorOptions & options)
{
  return Tensor(at::zeros(base_shape, options), 0);
}

Tensor
Tensor::zeros(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
              const TensorOptions & options)
{
  return Tensor(at::zeros(factory_shape(dynamic_shape, base_shape), options),
                static_cast<Size>(dynamic_shape.size()));
}

Tensor
Tensor::ones(TensorShapeRef base_shape, const TensorOptions & options)
{
  return Tensor(at::ones(base_shape, options), 0);
}

Tensor
Tensor::ones(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
             const TensorOptions & options)
{
  return Tensor(at::ones(factory_shape(dynamic_shape, base_shape), options),
                static_cast<Size>(dynamic_shape.size()));
}

Tensor
Tensor::full(TensorShapeRef base_shape, double value, const TensorOptions & options)
{
  return Tensor(at::full(base_shape, value, options), 0);
}

Tensor
Tensor::full(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape, double value,
             const TensorOptions & options)
{
  return Tensor(at::full(factory_shape(dynamic_shape, base_shape), value, options),
                static_cast<Size>(dynamic_shape.size()));
}
} // namespace neml2
