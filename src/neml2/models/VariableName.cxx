#include "neml2/models/VariableName.h"
#include "neml2/misc/error.h"

#include <algorithm>
#include <ostream>

namespace neml2
{
const std::vector<std::string> &
VariableName::axes()
{
  static const std::vector<std::string> a = {"state",      "old_state", "forces",
                                             "old_forces", "residual",  "parameters"};
  return a;
}

VariableName::VariableName(const std::string & path) : VariableName(utils::split(path, "/"))
{
  NEML2_CHECK(path.find("//") == std::string::npos && (path.empty() || path.back() != '/'),
              TypeError, "invalid variable name '", path, "': empty path component");
}

VariableName::VariableName(const char * path) : VariableName(std::string(path)) {}

VariableName::VariableName(std::vector<std::string> items) : _items(std::move(items))
{
  validate();
}

void
VariableName::validate() const
{
  if (_items.empty())
    return;
  const auto & a = axes();
  NEML2_CHECK(std::find(a.begin(), a.end(), _items[0]) != a.end(), TypeError,
              "invalid variable name '", str(), "': it must start with one of the axes ",
              utils::join(a, ", "), ".", utils::did_you_mean(_items[0], a));
  NEML2_CHECK(_items.size() >= 2, TypeError, "invalid variable name '", str(),
              "': an axis alone is not a variable (e.g. '", _items[0], "/x')");
  for (const auto & item : _items)
    NEML2_CHECK(!item.empty() && item.find_first_of(" \t\n/") == std::string::npos, TypeError,
                "invalid variable name '", str(),
                "': items must be non-empty and contain no whitespace");
}

const std::string &
VariableName::axis() const
{
  static const std::string none;
  return _items.empty() ? none : _items.front();
}

std::string
VariableName::str() const
{
  return utils::join(_items, "/");
}

VariableName
VariableName::on_axis(const std::string & axis) const
{
  NEML2_CHECK(!empty(), TypeError, "an empty variable name has no axis to change");
  auto items = _items;
  items[0] = axis;
  return VariableName(std::move(items));
}

VariableName
VariableName::old() const
{
  if (is_state())
    return on_axis("old_state");
  if (is_force())
    return on_axis("old_forces");
  throw TypeError("'" + str() +
                  "' has no previous-step name: only state/ and forces/ variables do");
}

VariableName
VariableName::current() const
{
  if (is_old_state())
    return on_axis("state");
  if (is_old_force())
    return on_axis("forces");
  throw TypeError("'" + str() +
                  "' has no current-step name: only old_state/ and old_forces/ variables do");
}

VariableName
VariableName::with_suffix(const std::string & suffix) const
{
  NEML2_CHECK(!empty(), TypeError, "cannot add a suffix to an empty variable name");
  auto items = _items;
  items.back() += suffix;
  return VariableName(std::move(items));
}

std::ostream &
operator<<(std::ostream & os, const VariableName & v)
{
  return os << v.str();
}

VariableName
OptionTraits<VariableName>::parse_token(const hit::Node & field, const std::string & token)
{
  try
  {
    return VariableName(token);
  }
  catch (const TypeError & e)
  {
    throw OptionError("option '" + field.name() + "': " + e.message(), field.value_location());
  }
}

void
OptionTraits<VariableName>::parse(const hit::Node & field, VariableName & out)
{
  out = parse_token(field, detail::single_token(field, "variable name"));
}

void
OptionTraits<VariableName>::print(std::ostream & os, const VariableName & v)
{
  os << v.str();
}
} // namespace neml2
