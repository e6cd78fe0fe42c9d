#include "neml2/models/Request.h"

namespace neml2
{
std::string
Request::key() const
{
  std::string k;
  auto add = [&k](const char * part)
  {
    if (!k.empty())
      k += '+';
    k += part;
  };
  if (wants_values())
    add("value");
  if (wants_derivatives())
    add("d1");
  if (wants_second_derivatives())
    add("d2");
  return k;
}
} // namespace neml2
