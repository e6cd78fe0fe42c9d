#include "neml2/models/solid_mechanics/IsotropicHardening.h"

namespace neml2
{
OptionSet
IsotropicHardening::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Map the equivalent plastic strain to the isotropic hardening.";
  options.add<VariableName>("equivalent_plastic_strain", VariableName("state", "internal", "ep"),
                            "The equivalent plastic strain.");
  options.add<VariableName>("isotropic_hardening", VariableName("state", "internal", "k"),
                            "The isotropic hardening.");
  return options;
}

IsotropicHardening::IsotropicHardening(const OptionSet & options)
    : Model(options),
      _ep(declare_input_variable<Scalar>("equivalent_plastic_strain")),
      _h(declare_output_variable<Scalar>("isotropic_hardening"))
{
}
} // namespace neml2
