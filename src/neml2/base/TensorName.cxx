#include "neml2/base/TensorName.h"
#include "neml2/base/Factory.h"
#include "neml2/base/TensorProvider.h"

#include <cerrno>
#include <cstdlib>

namespace neml2::detail
{
bool
parse_number(const std::string & text, double & value)
{
  if (text.empty())
    return false;
  errno = 0;
  char * end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return *end == '\0' && errno != ERANGE;
}

TensorOptions
creation_options(Factory * factory)
{
  return factory ? factory->settings().tensor_options() : default_tensor_options();
}

Tensor
resolve_tensor_object(Factory * factory, const std::string & name, const SourceLocation & where,
                      const std::string & wanted_type)
{
  if (name.empty())
    throw OptionError("an empty tensor name where a " + wanted_type + " was expected", where);
  if (!factory)
    throw OptionError("'" + name +
                          "' is neither a number nor usable as a [Tensors] name here (the "
                          "object was not built from an input file)",
                      where);
  return factory->get_object<TensorProvider>("Tensors", name, where).tensor();
}

void
tensor_type_mismatch(const std::string & name, const SourceLocation & where,
                     const std::string & wanted_type, const Tensor & got)
{
  throw TypeError("[Tensors/" + name + "] has shape " + got.shape_str() + ", which is not a " +
                      wanted_type,
                  where);
}
} // namespace neml2::detail
