#include "neml2/base/Settings.h"

namespace neml2
{
OptionSet
Settings::expected_options()
{
  OptionSet options;
  options.section() = "Settings";
  options.name() = "Settings";
  options.doc() = "Settings that apply to every object of the input file.";
  options.add<bool>("disable_jit", false,
                    "Evaluate every model eagerly instead of tracing it into a TorchScript graph. "
                    "Results are identical; use it to debug or to measure the JIT's effect.");
  return options;
}

Settings::Settings() : Settings(expected_options()) {}

Settings::Settings(const OptionSet & options)
    : _options(options), _disable_jit(options.get<bool>("disable_jit"))
{
}
} // namespace neml2
