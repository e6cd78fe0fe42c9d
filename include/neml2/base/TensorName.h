// An option that names a tensor: a number (a constant of the right type), or the name of a
// [Tensors] object. Resolved when the object using it is built.
#pragma once

#include <string>

#include "neml2/base/OptionTraits.h"
#include "neml2/misc/error.h"
#include "neml2/tensors/Tensor.h"
#include "neml2/tensors/tensor_types.h"

namespace neml2
{
class Factory;

namespace detail
{
/// Parse a number literal; false if `text` is not one.
bool parse_number(const std::string & text, double & value);
/// Options for tensors created on behalf of objects of `factory` (its [Settings]).
TensorOptions creation_options(Factory * factory);
/// Resolve a [Tensors] object by name into a general Tensor (errors name the request location).
Tensor resolve_tensor_object(Factory * factory, const std::string & name,
                             const SourceLocation & where, const std::string & wanted_type);
/// Messages for TensorName conversions.
[[noreturn]] void tensor_type_mismatch(const std::string & name, const SourceLocation & where,
                                       const std::string & wanted_type, const Tensor & got);
} // namespace detail

template <typename T>
class TensorName
{
public:
  TensorName() = default;
  TensorName(std::string raw, SourceLocation where = {}) // NOLINT(google-explicit-constructor)
      : _raw(std::move(raw)), _where(std::move(where))
  {
  }
  TensorName(const char * raw) // NOLINT(google-explicit-constructor)
      : TensorName(std::string(raw))
  {
  }

  /// The text as written.
  const std::string & raw() const { return _raw; }
  const SourceLocation & location() const { return _where; }
  bool empty() const { return _raw.empty(); }
  /// Whether the text is a number literal.
  bool is_number() const
  {
    double v;
    return detail::parse_number(_raw, v);
  }

  /// The tensor: a constant when the text is a number, else the [Tensors] object of that name,
  /// with the dtype and device of the factory's [Settings].
  T resolve(Factory * factory) const { return resolve(factory, detail::creation_options(factory)); }
  T resolve(Factory * factory, const TensorOptions & options) const
  {
    double v;
    if (detail::parse_number(_raw, v))
      return make_constant(v, options);
    auto t = detail::resolve_tensor_object(factory, _raw, _where, type_name());
    try
    {
      if constexpr (std::is_same_v<T, Tensor>)
        return t.to(options);
      else
        return T(t).to(options);
    }
    catch (const ShapeError &)
    {
      detail::tensor_type_mismatch(_raw, _where, type_name(), t);
    }
  }

  static std::string type_name() { return TensorTypeName<T>::value; }

private:
  static T make_constant(double v, const TensorOptions & options)
  {
    if constexpr (std::is_same_v<T, Tensor>)
      return Tensor::full(TensorShapeRef{}, v, options);
    else
      return T::full(v, options);
  }

  std::string _raw;
  SourceLocation _where;
};

template <typename T>
std::ostream &
operator<<(std::ostream & os, const TensorName<T> & t)
{
  return os << t.raw();
}

template <typename T>
struct OptionTraits<TensorName<T>>
{
  static std::string type_name() { return "tensor name (" + TensorName<T>::type_name() + ")"; }
  static TensorName<T> parse_token(const hit::Node & field, const std::string & token)
  {
    return TensorName<T>(token, field.value_location());
  }
  static void parse(const hit::Node & field, TensorName<T> & out)
  {
    out = TensorName<T>(detail::single_token(field, "tensor (a number or a [Tensors] name)"),
                        field.value_location());
  }
  static void print(std::ostream & os, const TensorName<T> & v) { os << v.raw(); }
};
} // namespace neml2
