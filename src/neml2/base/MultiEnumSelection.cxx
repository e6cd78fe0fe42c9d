#include "neml2/base/MultiEnumSelection.h"
#include "neml2/misc/error.h"
#include "neml2/misc/string_utils.h"

#include <algorithm>
#include <ostream>

namespace neml2
{
MultiEnumSelection::MultiEnumSelection(std::vector<std::string> choices,
                                       std::vector<std::string> selected)
    : _choices(std::move(choices))
{
  select(selected);
}

std::vector<std::size_t>
MultiEnumSelection::indices() const
{
  std::vector<std::size_t> out;
  for (const auto & s : _selected)
    out.push_back(static_cast<std::size_t>(std::find(_choices.begin(), _choices.end(), s) -
                                           _choices.begin()));
  return out;
}

void
MultiEnumSelection::select(const std::vector<std::string> & values, const hit::Node * field)
{
  for (const auto & value : values)
    if (std::find(_choices.begin(), _choices.end(), value) == _choices.end())
    {
      const auto msg = "'" + value + "' is not one of the valid values (" +
                       utils::join(_choices, ", ") + ")." + utils::did_you_mean(value, _choices);
      if (field)
        throw OptionError("option '" + field->name() + "': " + msg, field->value_location());
      throw OptionError(msg);
    }
  _selected = values;
}

std::string
OptionTraits<MultiEnumSelection>::describe(const MultiEnumSelection & v)
{
  return "list of enum (" + utils::join(v.choices(), ", ") + ")";
}

void
OptionTraits<MultiEnumSelection>::parse(const hit::Node & field, MultiEnumSelection & out)
{
  out.select(field.tokens(), &field);
}

void
OptionTraits<MultiEnumSelection>::print(std::ostream & os, const MultiEnumSelection & v)
{
  os << utils::join(v.selected(), " ");
}
} // namespace neml2
