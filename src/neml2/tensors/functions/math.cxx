#include "neml2/tensors/functions/math.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"
#include "neml2/misc/error.h"

#include <ATen/ops/abs.h>
#include <ATen/ops/acos.h>
#include <ATen/ops/asin.h>
#include <ATen/ops/atan.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/cos.h>
#include <ATen/ops/cosh.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/ge.h>
#include <ATen/ops/gt.h>
#include <ATen/ops/le.h>
#include <ATen/ops/log.h>
#include <ATen/ops/log10.h>
#include <ATen/ops/lt.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/sign.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/sinh.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/tan.h>
#include <ATen/ops/tanh.h>
#include <ATen/ops/where.h>

namespace neml2
{
#define NEML2_DEFINE_UNARY(name, expr)                                                             \
  template <class T, if_tensor_t<T>>                                                               \
  T name(const T & a)                                                                              \
  {                                                                                                \
    return T(expr, a.dynamic_dim(), a.intmd_dim());                                                \
  }
NEML2_DEFINE_UNARY(sqrt, at::sqrt(a))
NEML2_DEFINE_UNARY(exp, at::exp(a))
NEML2_DEFINE_UNARY(log, at::log(a))
NEML2_DEFINE_UNARY(log10, at::log10(a))
NEML2_DEFINE_UNARY(abs, at::abs(a))
NEML2_DEFINE_UNARY(sign, at::sign(a))
NEML2_DEFINE_UNARY(sin, at::sin(a))
NEML2_DEFINE_UNARY(cos, at::cos(a))
NEML2_DEFINE_UNARY(tan, at::tan(a))
NEML2_DEFINE_UNARY(asin, at::asin(a))
NEML2_DEFINE_UNARY(acos, at::acos(a))
NEML2_DEFINE_UNARY(atan, at::atan(a))
NEML2_DEFINE_UNARY(sinh, at::sinh(a))
NEML2_DEFINE_UNARY(cosh, at::cosh(a))
NEML2_DEFINE_UNARY(tanh, at::tanh(a))
NEML2_DEFINE_UNARY(macaulay, at::abs(a).add(a).mul(0.5))
NEML2_DEFINE_UNARY(heaviside, at::sign(a).add(1.0).mul(0.5))
#undef NEML2_DEFINE_UNARY

template <class T, if_tensor_t<T>>
T
pow(const T & a, double n)
{
  return T(at::pow(a, n), a.dynamic_dim(), a.intmd_dim());
}

template <class T, if_tensor_t<T>>
T
pow(const T & a, const Scalar & n)
{
  auto o = detail::align_operands("pow", a, n);
  return T(at::pow(o.a, o.b), o.dynamic_dim, o.intmd_dim);
}

template <class T, if_tensor_t<T>>
T
pow(double x, const T & a)
{
  return T(at::pow(x, a), a.dynamic_dim(), a.intmd_dim());
}

template <class T, if_tensor_t<T>>
T
clamp(const T & a, double lo, double hi)
{
  return T(at::clamp(a, lo, hi), a.dynamic_dim(), a.intmd_dim());
}

template <class T, if_tensor_t<T>>
T
where(const Tensor & condition, const T & a, const T & b)
{
  // Pad the intermediate dimensions of all three to the same number, and a Scalar-shaped
  // condition over the base dimensions; ATen broadcasting then aligns everything.
  auto ab = detail::align_operands("where", a, b);
  const Tensor A(ab.a, ab.dynamic_dim, ab.intmd_dim);
  auto c = detail::align_operands("where", condition, A);
  at::Tensor B = ab.b;
  for (Size i = ab.intmd_dim; i < c.intmd_dim; ++i)
    B = B.unsqueeze(ab.dynamic_dim);
  return T(at::where(c.a, c.b, B), c.dynamic_dim, c.intmd_dim);
}

#define NEML2_DEFINE_COMPARISON(op, fn)                                                            \
  template <class T, if_tensor_t<T>>                                                               \
  Tensor operator op(const T & a, double b)                                                        \
  {                                                                                                \
    return Tensor(fn(a, b), a.dynamic_dim(), a.intmd_dim());                                       \
  }
NEML2_DEFINE_COMPARISON(>, at::gt)
NEML2_DEFINE_COMPARISON(<, at::lt)
NEML2_DEFINE_COMPARISON(>=, at::ge)
NEML2_DEFINE_COMPARISON(<=, at::le)
#undef NEML2_DEFINE_COMPARISON

#define NEML2_INSTANTIATE_MATH(T)                                                                  \
  template T sqrt<T>(const T &);                                                                   \
  template T exp<T>(const T &);                                                                    \
  template T log<T>(const T &);                                                                    \
  template T log10<T>(const T &);                                                                  \
  template T abs<T>(const T &);                                                                    \
  template T sign<T>(const T &);                                                                   \
  template T sin<T>(const T &);                                                                    \
  template T cos<T>(const T &);                                                                    \
  template T tan<T>(const T &);                                                                    \
  template T asin<T>(const T &);                                                                   \
  template T acos<T>(const T &);                                                                   \
  template T atan<T>(const T &);                                                                   \
  template T sinh<T>(const T &);                                                                   \
  template T cosh<T>(const T &);                                                                   \
  template T tanh<T>(const T &);                                                                   \
  template T macaulay<T>(const T &);                                                               \
  template T heaviside<T>(const T &);                                                              \
  template T pow<T>(const T &, double);                                                            \
  template T pow<T>(const T &, const Scalar &);                                                    \
  template T pow<T>(double, const T &);                                                            \
  template T clamp<T>(const T &, double, double);                                                  \
  template T where<T>(const Tensor &, const T &, const T &);                                       \
  template Tensor operator><T>(const T &, double);                                                 \
  template Tensor operator< <T>(const T &, double);                                                \
  template Tensor operator>=<T>(const T &, double);                                                \
  template Tensor operator<=<T>(const T &, double);
NEML2_FOR_ALL_TENSORS(NEML2_INSTANTIATE_MATH)
#undef NEML2_INSTANTIATE_MATH
} // namespace neml2
