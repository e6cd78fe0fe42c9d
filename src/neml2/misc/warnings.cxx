#include "neml2/misc/warnings.h"

#include <iostream>
#include <mutex>

namespace neml2
{
namespace
{
std::mutex &
handler_mutex()
{
  static std::mutex m;
  return m;
}

WarningHandler &
handler()
{
  static WarningHandler h;
  return h;
}
} // namespace

void
warn(const std::string & message)
{
  std::lock_guard<std::mutex> lock(handler_mutex());
  if (handler())
    handler()(message);
  else
    std::cerr << "neml2 warning: " << message << std::endl;
}

WarningHandler
set_warning_handler(WarningHandler h)
{
  std::lock_guard<std::mutex> lock(handler_mutex());
  auto old = std::move(handler());
  handler() = std::move(h);
  return old;
}
} // namespace neml2
