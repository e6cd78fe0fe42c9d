// Elementwise functions of any tensor type. All are ATen operations, so all are traceable;
// the piecewise ones (macaulay, heaviside) are branch-free.
#pragma once

#include <type_traits>

#include "neml2/tensors/Tensor.h"

namespace neml2
{
class Scalar;

/// Enables a function template for neml2 tensor types only (not for numbers).
template <class T>
using if_tensor_t = std::enable_if_t<std::is_base_of_v<TensorBase<T>, T>, int>;

#define NEML2_DECLARE_UNARY(name)                                                                  \
  template <class T, if_tensor_t<T> = 0>                                                           \
  T name(const T & a);
NEML2_DECLARE_UNARY(sqrt)
NEML2_DECLARE_UNARY(exp)
NEML2_DECLARE_UNARY(log)
NEML2_DECLARE_UNARY(log10)
NEML2_DECLARE_UNARY(abs)
/// -1, 0 or 1
NEML2_DECLARE_UNARY(sign)
NEML2_DECLARE_UNARY(sin)
NEML2_DECLARE_UNARY(cos)
NEML2_DECLARE_UNARY(tan)
NEML2_DECLARE_UNARY(asin)
NEML2_DECLARE_UNARY(acos)
NEML2_DECLARE_UNARY(atan)
NEML2_DECLARE_UNARY(sinh)
NEML2_DECLARE_UNARY(cosh)
NEML2_DECLARE_UNARY(tanh)
/// <a> = (a + |a|) / 2: the positive part.
NEML2_DECLARE_UNARY(macaulay)
/// H(a) = (sign(a) + 1) / 2: 1 for a > 0, 0 for a < 0, 1/2 at 0.
NEML2_DECLARE_UNARY(heaviside)
#undef NEML2_DECLARE_UNARY

/// a^n componentwise.
template <class T, if_tensor_t<T> = 0>
T pow(const T & a, double n);
/// a^n componentwise, with a batched scalar exponent.
template <class T, if_tensor_t<T> = 0>
T pow(const T & a, const Scalar & n);
/// x^a for a number x.
template <class T, if_tensor_t<T> = 0>
T pow(double x, const T & a);

/// Components clamped to [lo, hi].
template <class T, if_tensor_t<T> = 0>
T clamp(const T & a, double lo, double hi);

/// Componentwise choice: a where `condition` holds, else b. The condition is a boolean tensor
/// with the batch layout of a Scalar (it then applies to whole tensors) or of T.
template <class T, if_tensor_t<T> = 0>
T where(const Tensor & condition, const T & a, const T & b);

/// @name Comparisons (boolean tensors with the batch layout of the operands)
///@{
template <class T, if_tensor_t<T> = 0>
Tensor operator>(const T & a, double b);
template <class T, if_tensor_t<T> = 0>
Tensor operator<(const T & a, double b);
template <class T, if_tensor_t<T> = 0>
Tensor operator>=(const T & a, double b);
template <class T, if_tensor_t<T> = 0>
Tensor operator<=(const T & a, double b);
///@}
} // namespace neml2
