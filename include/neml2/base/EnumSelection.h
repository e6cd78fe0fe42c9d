// An option whose value is one of a fixed set of names (an enumeration); errors list the choices.
#pragma once

#include <string>
#include <vector>

#include "neml2/base/OptionTraits.h"

namespace neml2
{
class EnumSelection
{
public:
  EnumSelection() = default;
  EnumSelection(std::vector<std::string> choices, std::string selected);

  const std::string & selected() const { return _selected; }
  const std::vector<std::string> & choices() const { return _choices; }
  /// Index of the selected choice.
  std::size_t index() const;
  /// Select `value`, throwing OptionError (listing the choices) if it is not one of them.
  void select(const std::string & value, const hit::Node * field = nullptr);

  bool operator==(const std::string & other) const { return _selected == other; }
  bool operator!=(const std::string & other) const { return _selected != other; }
  operator const std::string &() const { return _selected; } // NOLINT(google-explicit-constructor)

private:
  std::vector<std::string> _choices;
  std::string _selected;
};

template <>
struct OptionTraits<EnumSelection>
{
  static std::string type_name() { return "enum"; }
  /// "enum (A, B, C)"
  static std::string describe(const EnumSelection & v);
  static void parse(const hit::Node & field, EnumSelection & out);
  static void print(std::ostream & os, const EnumSelection & v) { os << v.selected(); }
};
} // namespace neml2
