// Arithmetic between tensor types. Batch dimensions broadcast aligned at the last dynamic (and
// last intermediate) dimension; a Scalar broadcasts over any base shape. Mismatches raise
// ShapeError naming the operator and both shapes.
#pragma once

#include <type_traits>

#include "neml2/tensors/TensorBase.h"

namespace neml2
{
class Scalar;
class Tensor;

template <class T>
inline constexpr bool is_tensor_v = std::is_base_of_v<TensorBase<T>, T>;

/// Types whose product and quotient are elementwise (Scalar, and the general Tensor).
template <class T>
inline constexpr bool is_scalar_like_v = std::is_same_v<T, Scalar> || std::is_same_v<T, Tensor>;

namespace detail
{
/// Two raw operands made ready for an elementwise ATen call, and the batch layout of the result.
struct BinaryOperands
{
  at::Tensor a;
  at::Tensor b;
  Size dynamic_dim;
  Size intmd_dim;
};

BinaryOperands align_operands(const char * op, const at::Tensor & a, Size a_dynamic_dim,
                              Size a_intmd_dim, const at::Tensor & b, Size b_dynamic_dim,
                              Size b_intmd_dim);

template <class A, class B>
BinaryOperands
align_operands(const char * op, const A & a, const B & b)
{
  return align_operands(op, a, a.dynamic_dim(), a.intmd_dim(), b, b.dynamic_dim(), b.intmd_dim());
}

/// Two raw operands with their intermediate dimensions padded to the same number, for operations
/// that combine base dimensions themselves (products, contractions). Checks that the batch
/// shapes broadcast (ShapeError naming `op` and both shapes).
BinaryOperands align_batch(const char * op, const at::Tensor & a, Size a_dynamic_dim,
                           Size a_intmd_dim, const at::Tensor & b, Size b_dynamic_dim,
                           Size b_intmd_dim);

template <class A, class B>
BinaryOperands
align_batch(const char * op, const A & a, const B & b)
{
  return align_batch(op, a, a.dynamic_dim(), a.intmd_dim(), b, b.dynamic_dim(), b.intmd_dim());
}

at::Tensor scalar_minus_tensor(double a, const at::Tensor & b);
} // namespace detail

#define NEML2_ENABLE_IF(...) std::enable_if_t<(__VA_ARGS__), int> = 0

// ---- same type ----
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator+(const T & a, const T & b)
{
  auto o = detail::align_operands("+", a, b);
  return T(o.a.add(o.b), o.dynamic_dim, o.intmd_dim);
}

template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator-(const T & a, const T & b)
{
  auto o = detail::align_operands("-", a, b);
  return T(o.a.sub(o.b), o.dynamic_dim, o.intmd_dim);
}

template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && is_scalar_like_v<T>)>
T
operator*(const T & a, const T & b)
{
  auto o = detail::align_operands("*", a, b);
  return T(o.a.mul(o.b), o.dynamic_dim, o.intmd_dim);
}

template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && is_scalar_like_v<T>)>
T
operator/(const T & a, const T & b)
{
  auto o = detail::align_operands("/", a, b);
  return T(o.a.div(o.b), o.dynamic_dim, o.intmd_dim);
}

/// Products of two tensors of the same non-scalar type have no single meaning (contraction?
/// elementwise?); they are named functions instead.
template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && !is_scalar_like_v<T>)>
T operator*(const T & a, const T & b) = delete;
template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && !is_scalar_like_v<T>)>
T operator/(const T & a, const T & b) = delete;

// ---- with a number ----
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator+(const T & a, double b)
{
  return T(a.add(b), a.dynamic_dim(), a.intmd_dim());
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator+(double a, const T & b)
{
  return b + a;
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator-(const T & a, double b)
{
  return T(a.sub(b), a.dynamic_dim(), a.intmd_dim());
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator-(double a, const T & b)
{
  return T(detail::scalar_minus_tensor(a, b), b.dynamic_dim(), b.intmd_dim());
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator*(const T & a, double b)
{
  return T(a.mul(b), a.dynamic_dim(), a.intmd_dim());
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator*(double a, const T & b)
{
  return b * a;
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T>)>
T
operator/(const T & a, double b)
{
  return T(a.div(b), a.dynamic_dim(), a.intmd_dim());
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && is_scalar_like_v<T>)>
T
operator/(double a, const T & b)
{
  return T(b.reciprocal().mul(a), b.dynamic_dim(), b.intmd_dim());
}

// ---- a Scalar broadcast over another type ----
template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && !std::is_same_v<T, Scalar>)>
T
operator*(const T & a, const Scalar & b)
{
  auto o = detail::align_operands("*", a, b);
  return T(o.a.mul(o.b), o.dynamic_dim, o.intmd_dim);
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && !std::is_same_v<T, Scalar>)>
T
operator*(const Scalar & a, const T & b)
{
  auto o = detail::align_operands("*", a, b);
  return T(o.a.mul(o.b), o.dynamic_dim, o.intmd_dim);
}
template <class T, NEML2_ENABLE_IF(is_tensor_v<T> && !std::is_same_v<T, Scalar>)>
T
operator/(const T & a, const Scalar & b)
{
  auto o = detail::align_operands("/", a, b);
  return T(o.a.div(o.b), o.dynamic_dim, o.intmd_dim);
}

#undef NEML2_ENABLE_IF
} // namespace neml2
