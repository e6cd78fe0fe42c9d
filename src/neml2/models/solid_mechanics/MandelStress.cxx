#include "neml2/models/solid_mechanics/MandelStress.h"

namespace neml2
{
OptionSet
MandelStress::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Map the Cauchy stress to the Mandel stress.";
  options.add<VariableName>("cauchy_stress", VariableName("state", "S"), "The Cauchy stress.");
  options.add<VariableName>("mandel_stress", VariableName("state", "internal", "M"),
                            "The Mandel stress.");
  return options;
}

MandelStress::MandelStress(const OptionSet & options)
    : Model(options),
      _S(declare_input_variable<SR2>("cauchy_stress")),
      _M(declare_output_variable<SR2>("mandel_stress"))
{
}
} // namespace neml2
