// How each option type is named in the syntax catalogue, parsed from an input-file field and
// printed. Types of higher layers (VariableName, TensorName<T>, ...) add specializations next to
// their own definitions.
#pragma once

#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

#include "neml2/base/HITNode.h"
#include "neml2/misc/types.h"

namespace neml2
{
/// Primary template: only specializations are usable.
template <typename T, typename Enable = void>
struct OptionTraits;

namespace detail
{
/// The single token of a scalar-valued field, or an OptionError that says what was expected.
std::string single_token(const hit::Node & field, const std::string & expected);
/// A ParseError-style OptionError located at the field's value.
[[noreturn]] void bad_value(const hit::Node & field, const std::string & token,
                            const std::string & expected);
} // namespace detail

template <>
struct OptionTraits<bool>
{
  static std::string type_name() { return "bool"; }
  static bool parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, bool & out);
  static void print(std::ostream & os, bool v) { os << (v ? "true" : "false"); }
};

template <>
struct OptionTraits<int>
{
  static std::string type_name() { return "int"; }
  static int parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, int & out);
  static void print(std::ostream & os, int v) { os << v; }
};

template <>
struct OptionTraits<unsigned int>
{
  static std::string type_name() { return "unsigned int"; }
  static unsigned int parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, unsigned int & out);
  static void print(std::ostream & os, unsigned int v) { os << v; }
};

template <>
struct OptionTraits<Size>
{
  static std::string type_name() { return "integer"; }
  static Size parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, Size & out);
  static void print(std::ostream & os, Size v) { os << v; }
};

template <>
struct OptionTraits<double>
{
  static std::string type_name() { return "real"; }
  static double parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, double & out);
  static void print(std::ostream & os, double v);
};

template <>
struct OptionTraits<std::string>
{
  static std::string type_name() { return "string"; }
  static std::string parse_token(const hit::Node &, const std::string & token) { return token; }
  static void parse(const hit::Node & field, std::string & out) { out = field.value(); }
  static void print(std::ostream & os, const std::string & v) { os << v; }
};

/// Tensor shapes, written "(5,6)", "(20)" or "()".
template <>
struct OptionTraits<TensorShape>
{
  static std::string type_name() { return "shape"; }
  static TensorShape parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, TensorShape & out);
  static void print(std::ostream & os, const TensorShape & v);
};

/// Devices, written as libtorch spells them: cpu, cuda, cuda:1.
template <>
struct OptionTraits<Device>
{
  static std::string type_name() { return "device"; }
  static Device parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, Device & out);
  static void print(std::ostream & os, const Device & v) { os << v; }
};

/// Lists: whitespace-separated values of the element type.
template <typename T>
struct OptionTraits<std::vector<T>>
{
  static std::string type_name() { return "list of " + OptionTraits<T>::type_name(); }
  static void parse(const hit::Node & field, std::vector<T> & out)
  {
    out.clear();
    for (const auto & tok : field.tokens())
      out.push_back(OptionTraits<T>::parse_token(field, tok));
  }
  static void print(std::ostream & os, const std::vector<T> & v)
  {
    for (std::size_t i = 0; i < v.size(); ++i)
    {
      if (i)
        os << ' ';
      OptionTraits<T>::print(os, v[i]);
    }
  }
};

/// Lists of lists: rows separated by ';'.
template <typename T>
struct OptionTraits<std::vector<std::vector<T>>>
{
  static std::string type_name()
  {
    return "list of lists of " + OptionTraits<T>::type_name() + " (rows separated by ';')";
  }
  static void parse(const hit::Node & field, std::vector<std::vector<T>> & out)
  {
    out.clear();
    for (const auto & row : field.rows())
    {
      out.emplace_back();
      for (const auto & tok : row)
        out.back().push_back(OptionTraits<T>::parse_token(field, tok));
    }
  }
  static void print(std::ostream & os, const std::vector<std::vector<T>> & v)
  {
    for (std::size_t i = 0; i < v.size(); ++i)
    {
      if (i)
        os << "; ";
      OptionTraits<std::vector<T>>::print(os, v[i]);
    }
  }
};
} // namespace neml2
