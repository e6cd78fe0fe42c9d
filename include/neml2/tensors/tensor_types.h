// The list of tensor types, used wherever something must be done once per type (explicit template
// instantiation, option parsing, variable declaration, the syntax catalogue).
#pragma once

/// Primitive tensor types with their base shapes.
#define NEML2_FOR_ALL_PRIMITIVE_TENSORS_WITH_SHAPES(X)                                             \
  X(Scalar)                                                                                        \
  X(Vec, 3)                                                                                        \
  X(Rot, 3)                                                                                        \
  X(WR2, 3)                                                                                        \
  X(R2, 3, 3)                                                                                      \
  X(SR2, 6)                                                                                        \
  X(R3, 3, 3, 3)                                                                                   \
  X(SFR3, 6, 3)                                                                                    \
  X(R4, 3, 3, 3, 3)                                                                                \
  X(SFFR4, 6, 3, 3)                                                                                \
  X(WFFR4, 3, 3, 3)                                                                                \
  X(SSR4, 6, 6)                                                                                    \
  X(SWR4, 6, 3)                                                                                    \
  X(WSR4, 3, 6)                                                                                    \
  X(WWR4, 3, 3)                                                                                    \
  X(R5, 3, 3, 3, 3, 3)                                                                             \
  X(SSFR5, 6, 6, 3)                                                                                \
  X(Quaternion, 4)                                                                                 \
  X(MillerIndex, 3)

/// Primitive tensor types (fixed base shape).
#define NEML2_FOR_ALL_PRIMITIVE_TENSORS(X)                                                         \
  X(Scalar)                                                                                        \
  X(Vec)                                                                                           \
  X(Rot)                                                                                           \
  X(WR2)                                                                                           \
  X(R2)                                                                                            \
  X(SR2)                                                                                           \
  X(R3)                                                                                            \
  X(SFR3)                                                                                          \
  X(R4)                                                                                            \
  X(SFFR4)                                                                                         \
  X(WFFR4)                                                                                         \
  X(SSR4)                                                                                          \
  X(SWR4)                                                                                          \
  X(WSR4)                                                                                          \
  X(WWR4)                                                                                          \
  X(R5)                                                                                            \
  X(SSFR5)                                                                                         \
  X(Quaternion)                                                                                    \
  X(MillerIndex)

/// Primitive tensor types with floating-point components (all but MillerIndex): the types a model
/// variable or parameter can have.
#define NEML2_FOR_ALL_FLOATING_PRIMITIVE_TENSORS(X)                                                \
  X(Scalar)                                                                                        \
  X(Vec)                                                                                           \
  X(Rot)                                                                                           \
  X(WR2)                                                                                           \
  X(R2)                                                                                            \
  X(SR2)                                                                                           \
  X(R3)                                                                                            \
  X(SFR3)                                                                                          \
  X(R4)                                                                                            \
  X(SFFR4)                                                                                         \
  X(WFFR4)                                                                                         \
  X(SSR4)                                                                                          \
  X(SWR4)                                                                                          \
  X(WSR4)                                                                                          \
  X(WWR4)                                                                                          \
  X(R5)                                                                                            \
  X(SSFR5)                                                                                         \
  X(Quaternion)

/// Every tensor type, the general Tensor included.
#define NEML2_FOR_ALL_TENSORS(X) X(Tensor) NEML2_FOR_ALL_PRIMITIVE_TENSORS(X)

/// Other names of primitive types (NEML2 spells SFFR4 and WFFR4 as SFR4 and WFR4).
#define NEML2_FOR_ALL_TENSOR_ALIASES(X)                                                            \
  X(SFR4, SFFR4)                                                                                   \
  X(WFR4, WFFR4)

namespace neml2
{
#define NEML2_FORWARD_DECLARE(T) class T;
NEML2_FOR_ALL_TENSORS(NEML2_FORWARD_DECLARE)
#undef NEML2_FORWARD_DECLARE
using SFR4 = SFFR4;
using WFR4 = WFFR4;

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
