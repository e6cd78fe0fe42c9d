// Tensor types whose base shape is fixed at compile time (Scalar, Vec, SR2, SSR4, ...).
#pragma once

#include "neml2/tensors/TensorBase.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
template <class Derived, Size... S>
class PrimitiveTensor : public TensorBase<Derived>
{
public:
  /// Number of base dimensions.
  static constexpr Size const_base_dim = sizeof...(S);
  /// The base shape.
  static TensorShapeRef const_base_sizes()
  {
    static constexpr Size sizes[sizeof...(S) + 1] = {S..., 0};
    return TensorShapeRef(sizes, sizeof...(S));
  }

  PrimitiveTensor() = default;

  /// Wrap `tensor`; every dimension before the base dimensions is a dynamic batch dimension.
  explicit PrimitiveTensor(const at::Tensor & tensor);
  /// Wrap `tensor` with explicit batch layout; the remaining shape must be the base shape.
  PrimitiveTensor(const at::Tensor & tensor, Size dynamic_dim, Size intmd_dim = 0);
  /// A general Tensor whose base shape is this type's base shape.
  explicit PrimitiveTensor(const Tensor & tensor);

  /// @name Factories
  ///@{
  static Derived empty(const TensorOptions & options = default_tensor_options());
  static Derived empty(const TraceableTensorShape & dynamic_shape,
                       const TensorOptions & options = default_tensor_options());
  static Derived zeros(const TensorOptions & options = default_tensor_options());
  static Derived zeros(const TraceableTensorShape & dynamic_shape,
                       const TensorOptions & options = default_tensor_options());
  static Derived ones(const TensorOptions & options = default_tensor_options());
  static Derived ones(const TraceableTensorShape & dynamic_shape,
                      const TensorOptions & options = default_tensor_options());
  static Derived full(double value, const TensorOptions & options = default_tensor_options());
  static Derived full(const TraceableTensorShape & dynamic_shape, double value,
                      const TensorOptions & options = default_tensor_options());
  ///@}

private:
  void check_base_shape() const;
};
} // namespace neml2
