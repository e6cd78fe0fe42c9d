#include "neml2/base/Registry.h"

namespace neml2
{
std::string
RegistryEntry::section() const
{
  return expected_options().section();
}

Registry &
Registry::get()
{
  static Registry registry;
  return registry;
}

void
Registry::add_entry(RegistryEntry entry)
{
  auto name = entry.type;
  auto [it, inserted] = _entries.emplace(name, std::move(entry));
  NEML2_ASSERT(inserted, "object type '", name, "' is registered twice");
  (void)it;
}

const RegistryEntry *
Registry::find(const std::string & type) const
{
  auto it = _entries.find(type);
  return it == _entries.end() ? nullptr : &it->second;
}

std::vector<std::string>
Registry::types() const
{
  std::vector<std::string> out;
  for (const auto & [k, v] : _entries)
    out.push_back(k);
  return out;
}

std::vector<std::string>
Registry::types_in(const std::string & section) const
{
  std::vector<std::string> out;
  for (const auto & [k, v] : _entries)
    if (v.section() == section)
      out.push_back(k);
  return out;
}
} // namespace neml2
