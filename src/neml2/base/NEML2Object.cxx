#include "neml2/base/NEML2Object.h"

namespace neml2
{
OptionSet
NEML2Object::expected_options()
{
  return OptionSet();
}

NEML2Object::NEML2Object(const OptionSet & options) : _options(options), _factory(options.factory())
{
}
} // namespace neml2
