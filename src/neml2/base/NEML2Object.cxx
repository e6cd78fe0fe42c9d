#include "neml2/base/NEML2Object.h"
#include "neml2/base/Factory.h"

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
TensorOptions
NEML2Object::creation_options() const
{
  return _factory ? _factory->settings().tensor_options() : default_tensor_options();
}

TensorOptions
NEML2Object::integer_creation_options() const
{
  return _factory ? _factory->settings().integer_tensor_options()
                  : default_tensor_options().dtype(kInt64);
}
} // namespace neml2
