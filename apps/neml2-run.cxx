// neml2-run INPUT DRIVER [HIT overrides...]: run a driver of an input file.
#include "neml2/base/Factory.h"
#include "neml2/drivers/Driver.h"
#include "neml2/misc/error.h"

#include <c10/util/Exception.h>
#include <iostream>
#include <string>

namespace
{
void
usage(std::ostream & os)
{
  os << "usage: neml2-run INPUT DRIVER [OVERRIDE ...]\n"
        "\n"
        "Run the driver named DRIVER in the [Drivers] section of the input file INPUT.\n"
        "Each OVERRIDE is HIT text appended after the file, e.g. Models/model/E:=1e5.\n"
        "Exit status: 0 when the driver succeeds, 1 when it fails, 2 on an input error.\n";
}
} // namespace

int
main(int argc, char ** argv)
{
  if (argc >= 2 && (std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help"))
  {
    usage(std::cout);
    return 0;
  }
  if (argc < 3)
  {
    usage(std::cerr);
    return 2;
  }
  const std::string file = argv[1], driver = argv[2];
  std::string overrides;
  for (int i = 3; i < argc; ++i)
    overrides += std::string(argv[i]) + "\n";

  try
  {
    auto & factory = neml2::load_input(file, overrides);
    if (!factory.has_object("Drivers", driver))
    {
      const auto names = factory.object_names("Drivers");
      std::cerr << file << ": error: no driver named '" << driver << "' in [Drivers]."
                << neml2::utils::did_you_mean(driver, names)
                << (names.empty() ? " The input file has no drivers."
                                  : " Drivers: " + neml2::utils::join(names, ", ") + ".")
                << std::endl;
      return 2;
    }
    const bool ok = factory.get_object<neml2::Driver>("Drivers", driver).run();
    return ok ? 0 : 1;
  }
  catch (const neml2::Error & e)
  {
    std::cerr << e.what() << std::endl;
    return 2;
  }
  catch (const c10::Error & e)
  {
    std::cerr << "error (libtorch): " << e.what_without_backtrace() << std::endl;
    return 2;
  }
}
