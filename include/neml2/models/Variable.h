// A model's input or output variable: its name, tensor type and base shape, and (during an
// evaluation) its current value and, for outputs, its derivatives. Typed handles let forward
// operators read like the equations: `_a = _b * _c; _a.d(_b) = _c;`.
#pragma once

#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "neml2/models/VariableName.h"
#include "neml2/tensors/Tensor.h"
#include "neml2/tensors/tensor_types.h"

namespace neml2
{
class Model;

class VariableBase
{
public:
  VariableBase(VariableName name, const Model * owner, std::string type, TensorShape base_sizes);
  virtual ~VariableBase() = default;
  VariableBase(const VariableBase &) = delete;
  VariableBase & operator=(const VariableBase &) = delete;

  const VariableName & name() const { return _name; }
  /// Tensor type name ("Scalar", "SR2", ...).
  const std::string & type() const { return _type; }
  TensorShapeRef base_sizes() const { return _base_sizes; }
  Size base_dim() const { return static_cast<Size>(_base_sizes.size()); }
  Size base_numel() const;
  const Model & owner() const { return *_owner; }

  /// The current value (undefined before the variable is assigned).
  const Tensor & tensor() const { return _value; }
  bool has_value() const { return _value.defined(); }
  /// Assign a value; throws ShapeError naming the variable unless the base shape matches.
  void set(const Tensor & value);
  /// Assign without checks (values the library itself produced in the right layout).
  void set_unchecked(const Tensor & value) { _value = value; }
  void clear() { _value = Tensor(); }

  /// @name Derivatives of an output variable
  /// d(this)/dx has the batch shape of the computation, then this variable's base shape, then
  /// x's. A block never assigned is zero.
  ///@{
  /// Assigning to the returned slot sets d(this)/dx (skipped when the evaluation in progress does
  /// not ask for derivatives with respect to x).
  class Slot
  {
  public:
    Slot & operator=(const Tensor & value);

  private:
    friend class VariableBase;
    Slot(VariableBase & y, const VariableBase & x1, const VariableBase * x2)
        : _y(y), _x1(x1), _x2(x2)
    {
    }
    VariableBase & _y;
    const VariableBase & _x1;
    const VariableBase * _x2;
  };
  Slot d(const VariableBase & x);
  /// d2(this)/(dx1 dx2); the library takes the other order as the transpose when it is absent.
  Slot d(const VariableBase & x1, const VariableBase & x2);

  using FirstDerivatives = std::vector<std::pair<const VariableBase *, Tensor>>;
  using SecondDerivatives =
      std::vector<std::pair<std::pair<const VariableBase *, const VariableBase *>, Tensor>>;
  const FirstDerivatives & derivatives() const { return _d1; }
  const SecondDerivatives & second_derivatives() const { return _d2; }
  /// d(this)/dx, or an undefined tensor when it is zero.
  Tensor derivative(const VariableBase & x) const;
  /// d2(this)/(dx1 dx2) (or the transpose of the (x2, x1) block), undefined when zero.
  Tensor second_derivative(const VariableBase & x1, const VariableBase & x2) const;
  /// Set without checks or filters (blocks the library itself computed).
  void set_derivative_unchecked(const VariableBase & x, const Tensor & value);
  void set_second_derivative_unchecked(const VariableBase & x1, const VariableBase & x2,
                                       const Tensor & value);
  void clear_derivatives();
  ///@}

  /// "state/S [SR2]"
  std::string describe() const;

  /// A new variable of the same tensor type and base shape, named `name`, owned by `owner`.
  virtual std::unique_ptr<VariableBase> clone_as(VariableName name, const Model * owner) const = 0;

private:
  VariableName _name;
  const Model * _owner;
  std::string _type;
  TensorShape _base_sizes;
  Tensor _value;
  FirstDerivatives _d1;
  SecondDerivatives _d2;
};

template <class T>
class Variable : public VariableBase
{
public:
  Variable(VariableName name, const Model * owner)
      : VariableBase(std::move(name), owner, TensorTypeName<T>::value, base_shape())
  {
  }

  /// The current value as its tensor type.
  T value() const
  {
    if constexpr (std::is_same_v<T, Tensor>)
      return tensor();
    else
      return T(tensor(), tensor().dynamic_dim(), tensor().intmd_dim());
  }
  operator T() const { return value(); } // NOLINT(google-explicit-constructor)

  Variable & operator=(const T & v)
  {
    set(v);
    return *this;
  }

  std::unique_ptr<VariableBase> clone_as(VariableName name, const Model * owner) const override
  {
    return std::make_unique<Variable<T>>(std::move(name), owner);
  }

private:
  static TensorShape base_shape()
  {
    if constexpr (std::is_same_v<T, Tensor>)
      return {};
    else
    {
      const auto s = T::const_base_sizes();
      return TensorShape(s.begin(), s.end());
    }
  }
};

namespace detail
{
template <class T>
struct is_variable : std::false_type
{
};
template <class T>
struct is_variable<Variable<T>> : std::true_type
{
};
template <class T>
inline constexpr bool is_variable_v = is_variable<std::decay_t<T>>::value;

template <class T>
decltype(auto)
value_of(const T & x)
{
  if constexpr (is_variable_v<T>)
    return x.value();
  else
    return (x);
}
} // namespace detail

// Arithmetic on variables works on their values, so forward operators read like the equations.
#define NEML2_VARIABLE_BINARY_OP(op)                                                               \
  template <class A, class B,                                                                      \
            std::enable_if_t<detail::is_variable_v<A> || detail::is_variable_v<B>, int> = 0>       \
  auto operator op(const A & a, const B & b)                                                       \
  {                                                                                                \
    return detail::value_of(a) op detail::value_of(b);                                             \
  }
NEML2_VARIABLE_BINARY_OP(+)
NEML2_VARIABLE_BINARY_OP(-)
NEML2_VARIABLE_BINARY_OP(*)
NEML2_VARIABLE_BINARY_OP(/)
#undef NEML2_VARIABLE_BINARY_OP

template <class T>
T
operator-(const Variable<T> & a)
{
  return -a.value();
}
} // namespace neml2
