// Derivative support: the tensor type of dY/dX for each pair of types, identity maps (dX/dX), and
// a finite-difference Jacobian that the tests of every layer use to check analytic derivatives.
#pragma once

#include <functional>
#include <type_traits>

#include "neml2/tensors/constants.h"
#include "neml2/tensors/tensors.h"

namespace neml2
{
/// The type of dY/dX: base shape Y.base ++ X.base. A general Tensor where no primitive type fits.
template <class Y, class X, class Enable = void>
struct DerivativeType
{
  using type = Tensor;
};
template <class Y, class X>
using DerivativeType_t = typename DerivativeType<Y, X>::type;

#define NEML2_DERIVATIVE_TYPE(Y, X, D)                                                             \
  template <>                                                                                      \
  struct DerivativeType<Y, X>                                                                      \
  {                                                                                                \
    using type = D;                                                                                \
  }
NEML2_DERIVATIVE_TYPE(Scalar, Scalar, Scalar);
NEML2_DERIVATIVE_TYPE(Scalar, Vec, Vec);
NEML2_DERIVATIVE_TYPE(Scalar, Rot, Rot);
NEML2_DERIVATIVE_TYPE(Scalar, WR2, WR2);
NEML2_DERIVATIVE_TYPE(Scalar, R2, R2);
NEML2_DERIVATIVE_TYPE(Scalar, SR2, SR2);
NEML2_DERIVATIVE_TYPE(Scalar, SSR4, SSR4);
NEML2_DERIVATIVE_TYPE(Vec, Scalar, Vec);
NEML2_DERIVATIVE_TYPE(Rot, Scalar, Rot);
NEML2_DERIVATIVE_TYPE(WR2, Scalar, WR2);
NEML2_DERIVATIVE_TYPE(R2, Scalar, R2);
NEML2_DERIVATIVE_TYPE(SR2, Scalar, SR2);
NEML2_DERIVATIVE_TYPE(SSR4, Scalar, SSR4);
NEML2_DERIVATIVE_TYPE(Vec, Vec, R2);
NEML2_DERIVATIVE_TYPE(Vec, Rot, R2);
NEML2_DERIVATIVE_TYPE(Vec, WR2, R2);
NEML2_DERIVATIVE_TYPE(Rot, Vec, R2);
NEML2_DERIVATIVE_TYPE(Rot, Rot, R2);
NEML2_DERIVATIVE_TYPE(Rot, WR2, R2);
NEML2_DERIVATIVE_TYPE(WR2, Vec, R2);
NEML2_DERIVATIVE_TYPE(WR2, Rot, R2);
NEML2_DERIVATIVE_TYPE(WR2, WR2, WWR4);
NEML2_DERIVATIVE_TYPE(WR2, SR2, WSR4);
NEML2_DERIVATIVE_TYPE(WR2, R2, WFFR4);
NEML2_DERIVATIVE_TYPE(SR2, SR2, SSR4);
NEML2_DERIVATIVE_TYPE(SR2, WR2, SWR4);
NEML2_DERIVATIVE_TYPE(SR2, R2, SFFR4);
NEML2_DERIVATIVE_TYPE(SR2, Vec, SFR3);
NEML2_DERIVATIVE_TYPE(SR2, Rot, SFR3);
NEML2_DERIVATIVE_TYPE(R2, R2, R4);
NEML2_DERIVATIVE_TYPE(R2, Vec, R3);
NEML2_DERIVATIVE_TYPE(R2, Rot, R3);
NEML2_DERIVATIVE_TYPE(R4, Vec, R5);
NEML2_DERIVATIVE_TYPE(R4, Rot, R5);
NEML2_DERIVATIVE_TYPE(SSR4, Vec, SSFR5);
NEML2_DERIVATIVE_TYPE(SSR4, Rot, SSFR5);
#undef NEML2_DERIVATIVE_TYPE

/// dX/dX for tensors of type T: the identity of the derivative type, unbatched.
template <class T>
DerivativeType_t<T, T>
identity_map(const TensorOptions & options = default_tensor_options())
{
  const Size n = T::const_base_numel;
  auto eye = Tensor(constants::eye(n, options), 0);
  TensorShape shape(T::const_base_sizes().begin(), T::const_base_sizes().end());
  shape.append(T::const_base_sizes().begin(), T::const_base_sizes().end());
  return DerivativeType_t<T, T>(eye.base_reshape(shape));
}

/// Finite-difference Jacobian of `f` at `x`: base shape f(x).base ++ x.base, batch shape the
/// broadcast of both. Each component x_i is perturbed by h_i = max(rel * |x_i|, abs), forward
/// differences unless `central`.
Tensor finite_difference_jacobian(const std::function<Tensor(const Tensor &)> & f, const Tensor & x,
                                  double rel = 1e-6, double abs = 1e-6, bool central = false);

namespace detail
{
bool allclose(const at::Tensor & a, const at::Tensor & b, double rtol, double atol);
}

/// Whether a and b agree within rtol * |b| + atol componentwise (shapes broadcast).
template <class A, class B>
bool
allclose(const TensorBase<A> & a, const TensorBase<B> & b, double rtol = 1e-5, double atol = 1e-8)
{
  return detail::allclose(a, b, rtol, atol);
}
} // namespace neml2
