// Load the composed model of input.i and print its summary.
#include "neml2/models/Model.h"

using namespace neml2;

int
main()
{
  auto & model = load_model("input.i", "eq");
  std::cout << model << std::endl;
}
