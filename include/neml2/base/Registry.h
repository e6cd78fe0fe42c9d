// The catalogue of object types: each registered type name maps to its expected options and a
// builder. Registration is one macro in the type's source file.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "neml2/base/OptionSet.h"

namespace neml2
{
class NEML2Object;

struct RegistryEntry
{
  std::string type;
  std::function<OptionSet()> expected_options;
  std::function<std::shared_ptr<NEML2Object>(const OptionSet &)> build;
  /// Section the type belongs to (from its expected options).
  std::string section() const;
};

class Registry
{
public:
  static Registry & get();

  /// Register T under `type`; returns a dummy value for static initialisation.
  template <class T>
  static char add(const std::string & type)
  {
    get().add_entry(RegistryEntry{type,
                                  [type]()
                                  {
                                    auto opts = T::expected_options();
                                    opts.type() = type;
                                    return opts;
                                  },
                                  [](const OptionSet & options) -> std::shared_ptr<NEML2Object>
                                  { return std::make_shared<T>(options); }});
    return 0;
  }

  /// The entry for `type`, or nullptr.
  const RegistryEntry * find(const std::string & type) const;
  /// All registered type names, sorted.
  std::vector<std::string> types() const;
  /// Registered type names belonging to `section`, sorted.
  std::vector<std::string> types_in(const std::string & section) const;
  const std::map<std::string, RegistryEntry> & entries() const { return _entries; }

private:
  void add_entry(RegistryEntry entry);
  std::map<std::string, RegistryEntry> _entries;
};
} // namespace neml2

#define NEML2_CONCAT_IMPL(a, b) a##b
#define NEML2_CONCAT(a, b) NEML2_CONCAT_IMPL(a, b)

/// Register an object type under its class name (one line in the type's source file).
#define register_NEML2_object(T)                                                                   \
  [[maybe_unused]] static const char NEML2_CONCAT(neml2_registered_, __COUNTER__) =                \
      ::neml2::Registry::add<T>(#T)

/// Register an object type under another name (e.g. a variant of a templated class).
#define register_NEML2_object_alias(T, alias)                                                      \
  [[maybe_unused]] static const char NEML2_CONCAT(neml2_registered_, __COUNTER__) =                \
      ::neml2::Registry::add<T>(alias)
