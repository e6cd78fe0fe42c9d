#include "neml2/models/Request.h"

namespace neml2
{
Request
Request::with_values() const
{
  Request r(*this);
  r._what |= kValues;
  return r;
}

Request
Request::with_respect_to(std::set<VariableName> inputs) const
{
  Request r(*this);
  r._filtered = true;
  r._wrt = std::move(inputs);
  return r;
}

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
  if (_filtered)
  {
    k += '[';
    bool first = true;
    for (const auto & x : _wrt)
    {
      k += (first ? "" : ",") + x.str();
      first = false;
    }
    k += ']';
  }
  return k;
}
} // namespace neml2
