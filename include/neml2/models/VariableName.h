// Names of model variables: a path whose first item is the axis ("state/internal/Ep",
// "old_forces/t"). All rules about old/rate/residual names live here.
#pragma once

#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <string>
#include <vector>

#include "neml2/base/OptionTraits.h"

namespace neml2
{
class VariableName
{
public:
  /// The axes a variable can live on.
  static const std::vector<std::string> & axes();

  VariableName() = default;
  /// From the path form, "state/internal/Ep".
  VariableName(const std::string & path); // NOLINT(google-explicit-constructor)
  VariableName(const char * path);        // NOLINT(google-explicit-constructor)
  /// From the axis and the items below it: VariableName("state", "internal", "Ep").
  template <typename... Items,
            typename = std::enable_if_t<(std::is_convertible_v<Items, std::string> && ...)>>
  VariableName(const std::string & axis, const std::string & first, const Items &... rest)
      : VariableName(std::vector<std::string>{axis, first, std::string(rest)...})
  {
  }
  explicit VariableName(std::vector<std::string> items);

  const std::vector<std::string> & items() const { return _items; }
  bool empty() const { return _items.empty(); }
  /// The axis: "state", "old_state", "forces", "old_forces", "residual" or "parameters".
  const std::string & axis() const;
  /// The path form.
  std::string str() const;

  /// The same name on another axis ("state/a" on "residual" is "residual/a").
  VariableName on_axis(const std::string & axis) const;
  /// The previous-step name: state -> old_state, forces -> old_forces.
  VariableName old() const;
  /// The current-step name: old_state -> state, old_forces -> forces.
  VariableName current() const;
  /// The name with `suffix` appended to its last item ("state/a" + "_rate" = "state/a_rate").
  VariableName with_suffix(const std::string & suffix) const;

  bool is_state() const { return axis() == "state"; }
  bool is_old_state() const { return axis() == "old_state"; }
  bool is_force() const { return axis() == "forces"; }
  bool is_old_force() const { return axis() == "old_forces"; }
  bool is_residual() const { return axis() == "residual"; }

  bool operator==(const VariableName & o) const { return _items == o._items; }
  bool operator!=(const VariableName & o) const { return _items != o._items; }
  bool operator<(const VariableName & o) const { return _items < o._items; }

private:
  void validate() const;
  std::vector<std::string> _items;
};

std::ostream & operator<<(std::ostream & os, const VariableName & v);

template <>
struct OptionTraits<VariableName>
{
  static std::string type_name() { return "variable name"; }
  static VariableName parse_token(const hit::Node & field, const std::string & token);
  static void parse(const hit::Node & field, VariableName & out);
  static void print(std::ostream & os, const VariableName & v);
};
} // namespace neml2

template <>
struct std::hash<neml2::VariableName>
{
  std::size_t operator()(const neml2::VariableName & v) const noexcept
  {
    return std::hash<std::string>()(v.str());
  }
};
