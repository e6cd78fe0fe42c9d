// neml2-diagnose INPUT [OVERRIDE ...]: check an input file and list every problem found, not only
// the first: unknown sections, types and options, bad values, objects that cannot be built, and
// what each object's own diagnostics report.
#include "neml2/base/Factory.h"
#include "neml2/base/HITParser.h"
#include "neml2/misc/error.h"

#include <c10/util/Exception.h>
#include <algorithm>
#include <iostream>
#include <string>

int
main(int argc, char ** argv)
{
  if (argc < 2 || std::string(argv[1]) == "-h" || std::string(argv[1]) == "--help")
  {
    (argc < 2 ? std::cerr : std::cout)
        << "usage: neml2-diagnose INPUT [OVERRIDE ...]\n"
           "List every problem of the input file INPUT. Exit status: 0 when none is found.\n";
    return argc < 2 ? 2 : 0;
  }
  std::string overrides;
  for (int i = 2; i < argc; ++i)
    overrides += std::string(argv[i]) + "\n";

  std::vector<std::string> problems;
  try
  {
    neml2::Factory factory(neml2::hit::parse_file_with_overrides(argv[1], overrides), &problems);
    for (const auto & section : neml2::Factory::known_sections())
      for (const auto & name : factory.object_names(section))
        try
        {
          factory.get_object<neml2::NEML2Object>(section, name);
        }
        catch (const neml2::Error & e)
        {
          problems.push_back(e.what());
        }
        catch (const c10::Error & e)
        {
          problems.push_back("[" + section + "/" + name + "] " + e.what_without_backtrace());
        }
    for (const auto & obj : factory.built_objects())
      obj->diagnose(problems);
  }
  catch (const neml2::Error & e)
  {
    // the text itself could not be read: nothing further can be checked
    problems.push_back(e.what());
  }

  // An object that failed is reported again by every object that needs it: keep the first.
  std::vector<std::string> unique;
  for (const auto & p : problems)
    if (std::find(unique.begin(), unique.end(), p) == unique.end())
      unique.push_back(p);
  for (const auto & p : unique)
    std::cout << p << "\n\n";
  std::cout << (unique.empty() ? std::string("no problems found")
                               : std::to_string(unique.size()) +
                                     (unique.size() == 1 ? " problem" : " problems") + " found")
            << std::endl;
  return unique.empty() ? 0 : 1;
}
