// Non-fatal messages to the user (e.g. a model that falls back to eager evaluation). They go to
// standard error unless a handler is installed (tests capture them this way).
#pragma once

#include <functional>
#include <string>

namespace neml2
{
using WarningHandler = std::function<void(const std::string &)>;

/// Report a warning through the current handler.
void warn(const std::string & message);

/// Install a handler; returns the previous one. An empty handler restores the default.
WarningHandler set_warning_handler(WarningHandler handler);
} // namespace neml2
