// neml2-syntax [--json | --markdown]: print the catalogue of every registered object type.
#include "neml2/base/Syntax.h"

#include <iostream>
#include <string>

int
main(int argc, char ** argv)
{
  const std::string mode = argc > 1 ? argv[1] : "";
  if (argc > 2 || (argc == 2 && mode != "--json" && mode != "--markdown" && mode != "--text"))
  {
    std::cerr << "usage: neml2-syntax [--text | --json | --markdown]\n";
    return 2;
  }
  if (mode == "--json")
    neml2::print_syntax_json(std::cout);
  else if (mode == "--markdown")
    neml2::print_syntax_markdown(std::cout);
  else
    neml2::print_syntax_text(std::cout);
  return 0;
}
