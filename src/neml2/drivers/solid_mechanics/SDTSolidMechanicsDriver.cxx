#include "neml2/drivers/solid_mechanics/SDTSolidMechanicsDriver.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"

namespace neml2
{
register_NEML2_object(SDTSolidMechanicsDriver);

OptionSet
SDTSolidMechanicsDriver::expected_options()
{
  auto options = SolidMechanicsDriver::expected_options();
  options.doc() = "Drive a small-deformation model with the total strain (or stress) of every "
                  "step.";
  options.add<VariableName>("strain", VariableName("forces", "E"), "The strain (STRAIN control).");
  options.add<TensorName<SR2>>("prescribed_strain",
                               "The strain of every step (first batch dimension: the step).");
  options.add<VariableName>("stress", VariableName("forces", "S"), "The stress (STRESS control).");
  options.add<TensorName<SR2>>("prescribed_stress",
                               "The stress of every step (first batch dimension: the step).");
  return options;
}

SDTSolidMechanicsDriver::SDTSolidMechanicsDriver(const OptionSet & options)
    : SolidMechanicsDriver(options)
{
  const char * used = _control == "STRAIN"   ? "prescribed_strain"
                      : _control == "STRESS" ? "prescribed_stress"
                                             : nullptr;
  for (const auto * o : {"prescribed_strain", "prescribed_stress"})
  {
    if (used && std::string(o) == used && !options.user_specified(o))
      throw option_error(o, "is required with control = " + _control);
    if ((!used || std::string(o) != used) && options.user_specified(o))
      throw option_error(o, "is not used with control = " + _control);
  }
  if (used)
  {
    _driving_force = options.get<VariableName>(_control == "STRAIN" ? "strain" : "stress");
    _driving_force_option = used;
    _driving_force_history = options.get<TensorName<SR2>>(used).resolve(factory());
  }
}
} // namespace neml2
