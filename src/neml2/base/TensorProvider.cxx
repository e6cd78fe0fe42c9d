#include "neml2/base/TensorProvider.h"

namespace neml2
{
OptionSet
TensorProvider::expected_options()
{
  auto options = NEML2Object::expected_options();
  options.section() = "Tensors";
  return options;
}

TensorProvider::TensorProvider(const OptionSet & options) : NEML2Object(options) {}
} // namespace neml2
