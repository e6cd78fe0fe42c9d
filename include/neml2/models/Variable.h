// A model's input or output variable: its name, tensor type and base shape, and (during an
// evaluation) its current value. Typed handles let forward operators write `_a = _b * _c`.
#pragma once

#include <memory>
#include <string>
#include <type_traits>

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
  const Model & owner() const { return *_owner; }

  /// The current value (undefined before the variable is assigned).
  const Tensor & tensor() const { return _value; }
  bool has_value() const { return _value.defined(); }
  /// Assign a value; throws ShapeError naming the variable unless the base shape matches.
  void set(const Tensor & value);
  /// Assign without checks (values the library itself produced in the right layout).
  void set_unchecked(const Tensor & value) { _value = value; }
  void clear() { _value = Tensor(); }

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
