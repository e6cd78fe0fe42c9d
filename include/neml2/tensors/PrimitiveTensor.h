// Tensor types whose base shape is fixed at compile time (Scalar, Vec, SR2, SSR4, ...).
#pragma once

#include "neml2/tensors/TensorBase.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
/// Which batch group a new dimension goes into (linspace, logspace, stack).
enum class BatchGroup
{
  Dynamic,
  Intermediate
};

template <class Derived, Size... S>
class PrimitiveTensor : public TensorBase<Derived>
{
public:
  /// Number of base dimensions.
  static constexpr Size const_base_dim = sizeof...(S);
  /// Number of components of one tensor.
  static constexpr Size const_base_numel = (Size(1) * ... * S);
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
  /// Any neml2 tensor (a general Tensor, or another type with the same base shape), keeping its
  /// batch layout.
  template <class Other>
  explicit PrimitiveTensor(const TensorBase<Other> & other)
      : PrimitiveTensor(other, other.dynamic_dim(), other.intmd_dim())
  {
  }

  /// @name Factories (dynamic shape optional and traceable)
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
  /// Uniform random components in [0, 1).
  static Derived rand(const TraceableTensorShape & dynamic_shape,
                      const TensorOptions & options = default_tensor_options());
  /// `n` tensors from `start` to `end` (inclusive) along a new batch dimension inserted at
  /// position `dim` of `group`.
  static Derived linspace(const Derived & start, const Derived & end, Size n, Size dim = 0,
                          BatchGroup group = BatchGroup::Dynamic);
  /// base^x for x from linspace(start, end, n, dim, group).
  static Derived logspace(const Derived & start, const Derived & end, Size n, Size dim = 0,
                          BatchGroup group = BatchGroup::Dynamic, double base = 10.0);
  ///@}

private:
  void check_base_shape() const;
};
} // namespace neml2
