// A program outside the neml2 tree: load a model from an input file and evaluate it.
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

#include <iostream>

int
main(int argc, char ** argv)
{
  if (argc != 2)
    return 2;
  auto & model = neml2::load_model(argv[1], "rate");
  auto out = model.value({{neml2::VariableName("state", "x"), neml2::Scalar::full(2.0)},
                          {neml2::VariableName("old_state", "x"), neml2::Scalar::full(1.5)},
                          {neml2::VariableName("forces", "t"), neml2::Scalar::full(0.2)},
                          {neml2::VariableName("old_forces", "t"), neml2::Scalar::full(0.1)}});
  std::cout << "rate = " << out.at(neml2::VariableName("state", "x_rate")).item<double>()
            << std::endl;
  return 0;
}
