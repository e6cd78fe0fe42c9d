// The list of tensor types, used wherever something must be done once per type (explicit template
// instantiation, option parsing, variable declaration, the syntax catalogue).
#pragma once

/// Primitive tensor types (fixed base shape).
#define NEML2_FOR_ALL_PRIMITIVE_TENSORS(X) X(Scalar) X(Vec) X(SR2) X(SSR4)

/// Every tensor type, the general Tensor included.
#define NEML2_FOR_ALL_TENSORS(X) X(Tensor) NEML2_FOR_ALL_PRIMITIVE_TENSORS(X)

namespace neml2
{
#define NEML2_FORWARD_DECLARE(T) class T;
NEML2_FOR_ALL_TENSORS(NEML2_FORWARD_DECLARE)
#undef NEML2_FORWARD_DECLARE

/// The name of a tensor type as users write it ("Scalar", "SR2", ...).
template <class T>
struct TensorTypeName;
#define NEML2_TENSOR_TYPE_NAME(T)                                                                  \
  template <>                                                                                      \
  struct TensorTypeName<T>                                                                         \
  {                                                                                                \
    static constexpr const char * value = #T;                                                      \
  };
NEML2_FOR_ALL_TENSORS(NEML2_TENSOR_TYPE_NAME)
#undef NEML2_TENSOR_TYPE_NAME
} // namespace neml2
