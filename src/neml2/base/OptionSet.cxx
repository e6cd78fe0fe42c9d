#include "neml2/base/OptionSet.h"

namespace neml2
{
std::ostream &
operator<<(std::ostream & os, const OptionBase & opt)
{
  opt.print(os);
  return os;
}

OptionSet::OptionSet(const OptionSet & other)
    : _doc(other._doc),
      _section(other._section),
      _type(other._type),
      _name(other._name),
      _where(other._where),
      _factory(other._factory)
{
  for (const auto & [k, v] : other._options)
    _options.emplace(k, v->clone());
}

OptionSet &
OptionSet::operator=(const OptionSet & other)
{
  if (this != &other)
  {
    OptionSet copy(other);
    *this = std::move(copy);
  }
  return *this;
}

const OptionBase &
OptionSet::get(const std::string & name) const
{
  auto it = _options.find(name);
  if (it == _options.end())
    throw OptionError("[" + path() + "] has no option '" + name + "'." +
                          utils::did_you_mean(name, names()),
                      _where);
  return *it->second;
}

OptionBase &
OptionSet::get(const std::string & name)
{
  return const_cast<OptionBase &>(static_cast<const OptionSet &>(*this).get(name));
}

std::vector<std::string>
OptionSet::names() const
{
  std::vector<std::string> out;
  out.reserve(_options.size());
  for (const auto & [k, v] : _options)
    out.push_back(k);
  return out;
}

SourceLocation
OptionSet::location_of(const std::string & option) const
{
  auto it = _options.find(option);
  if (it != _options.end() && it->second->user_specified())
    return it->second->location();
  return _where;
}

OptionError
OptionSet::error(const std::string & option, const std::string & message) const
{
  return OptionError("[" + path() + "] option '" + option + "': " + message, location_of(option));
}
} // namespace neml2
