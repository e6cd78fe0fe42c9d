#include "neml2/drivers/Driver.h"
#include "neml2/base/Factory.h"
#include "neml2/misc/error.h"
#include "neml2/misc/string_utils.h"

namespace neml2
{
OptionSet
Driver::expected_options()
{
  auto options = NEML2Object::expected_options();
  options.section() = "Drivers";
  options.add<bool>("verbose", false, "Print progress and details while running.");
  return options;
}

Driver::Driver(const OptionSet & options)
    : NEML2Object(options), _verbose(options.get<bool>("verbose"))
{
}

void
Driver::require_no_problems() const
{
  std::vector<std::string> problems;
  diagnose(problems);
  if (!problems.empty())
    throw Error(utils::join(problems, "\n"));
}

Driver &
load_driver(const std::string & file, const std::string & name, const std::string & overrides)
{
  return load_input(file, overrides).get_object<Driver>("Drivers", name);
}
} // namespace neml2
