// Input-file wide settings, read from the [Settings] section.
#pragma once

#include "neml2/base/OptionSet.h"

namespace neml2
{
class Settings
{
public:
  static OptionSet expected_options();

  /// Defaults (what an input file without [Settings] gets).
  Settings();
  explicit Settings(const OptionSet & options);

  /// Run every model eagerly, never through the JIT.
  bool disable_jit() const { return _disable_jit; }

  const OptionSet & options() const { return _options; }

private:
  OptionSet _options;
  bool _disable_jit;
};
} // namespace neml2
