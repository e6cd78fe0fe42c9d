#include "neml2/base/EnumSelection.h"

#include <algorithm>

namespace neml2
{
EnumSelection::EnumSelection(std::vector<std::string> choices, std::string selected)
    : _choices(std::move(choices))
{
  select(selected);
}

std::size_t
EnumSelection::index() const
{
  return static_cast<std::size_t>(std::find(_choices.begin(), _choices.end(), _selected) -
                                  _choices.begin());
}

void
EnumSelection::select(const std::string & value, const hit::Node * field)
{
  if (std::find(_choices.begin(), _choices.end(), value) == _choices.end())
  {
    const auto msg = "'" + value + "' is not one of the valid values (" +
                     utils::join(_choices, ", ") + ")." + utils::did_you_mean(value, _choices);
    if (field)
      throw OptionError("option '" + field->name() + "': " + msg, field->value_location());
    throw OptionError(msg);
  }
  _selected = value;
}

void
OptionTraits<EnumSelection>::parse(const hit::Node & field, EnumSelection & out)
{
  out.select(detail::single_token(field, "value"), &field);
}

std::string
OptionTraits<EnumSelection>::describe(const EnumSelection & v)
{
  return "enum (" + utils::join(v.choices(), ", ") + ")";
}
} // namespace neml2
