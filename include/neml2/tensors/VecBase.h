// Common behaviour of the 3-vector types (Vec, Rot, WR2): component fills and access, dot
// product, norms.
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class Scalar;

template <class Derived>
class VecBase : public PrimitiveTensor<Derived, 3>
{
public:
  using PrimitiveTensor<Derived, 3>::PrimitiveTensor;
  VecBase() = default;

  /// The vector (v0, v1, v2).
  static Derived fill(double v0, double v1, double v2,
                      const TensorOptions & options = default_tensor_options());
  /// The vector with the given (possibly batched, possibly traced) components.
  static Derived fill(const Scalar & v0, const Scalar & v1, const Scalar & v2);

  /// Component i as a Scalar.
  Scalar operator()(Size i) const;
  Scalar dot(const Derived & other) const;
  Scalar norm_sq() const;
  Scalar norm() const;
};
} // namespace neml2
