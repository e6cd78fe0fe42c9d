// An option whose value is a list of names, each one of a fixed set (a list of enumerated values,
// e.g. the types of a model's coefficients); errors list the choices.
#pragma once

#include <string>
#include <vector>

#include "neml2/base/OptionTraits.h"

namespace neml2
{
class MultiEnumSelection
{
public:
  MultiEnumSelection() = default;
  MultiEnumSelection(std::vector<std::string> choices, std::vector<std::string> selected = {});

  const std::vector<std::string> & selected() const { return _selected; }
  const std::vector<std::string> & choices() const { return _choices; }
  std::size_t size() const { return _selected.size(); }
  const std::string & operator[](std::size_t i) const { return _selected.at(i); }
  /// Index among the choices of each selected value.
  std::vector<std::size_t> indices() const;
  /// Select `values`, throwing OptionError (listing the choices) if one is not among them.
  void select(const std::vector<std::string> & values, const hit::Node * field = nullptr);

private:
  std::vector<std::string> _choices;
  std::vector<std::string> _selected;
};

template <>
struct OptionTraits<MultiEnumSelection>
{
  static std::string type_name() { return "list of enum"; }
  /// "list of enum (A, B, C)"
  static std::string describe(const MultiEnumSelection & v);
  static void parse(const hit::Node & field, MultiEnumSelection & out);
  static void print(std::ostream & os, const MultiEnumSelection & v);
};
} // namespace neml2
