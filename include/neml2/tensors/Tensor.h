// The general tensor: batch dimensions like every other type, base shape chosen at run time.
#pragma once

#include "neml2/tensors/TensorBase.h"

namespace neml2
{
class Tensor : public TensorBase<Tensor>
{
public:
  Tensor() = default;
  /// Wrap `tensor`, marking its first `dynamic_dim` dimensions dynamic and the next `intmd_dim`
  /// intermediate; the rest are base dimensions.
  Tensor(const at::Tensor & tensor, Size dynamic_dim, Size intmd_dim = 0);
  /// Any neml2 tensor is a Tensor with the same layout.
  template <class Derived>
  Tensor(const TensorBase<Derived> & other) // NOLINT(google-explicit-constructor)
      : TensorBase<Tensor>(other, other.dynamic_dim(), other.intmd_dim())
  {
  }

  /// @name Factories (base shape given; dynamic shape optional and traceable)
  ///@{
  static Tensor empty(TensorShapeRef base_shape,
                      const TensorOptions & options = default_tensor_options());
  static Tensor empty(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
                      const TensorOptions & options = default_tensor_options());
  static Tensor zeros(TensorShapeRef base_shape,
                      const TensorOptions & options = default_tensor_options());
  static Tensor zeros(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
                      const TensorOptions & options = default_tensor_options());
  static Tensor ones(TensorShapeRef base_shape,
                     const TensorOptions & options = default_tensor_options());
  static Tensor ones(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
                     const TensorOptions & options = default_tensor_options());
  static Tensor full(TensorShapeRef base_shape, double value,
                     const TensorOptions & options = default_tensor_options());
  static Tensor full(const TraceableTensorShape & dynamic_shape, TensorShapeRef base_shape,
                     double value, const TensorOptions & options = default_tensor_options());
  ///@}
};
} // namespace neml2
