#include "neml2/drivers/solid_mechanics/SolidMechanicsDriver.h"
#include "neml2/base/EnumSelection.h"
#include "neml2/base/TensorName.h"

namespace neml2
{
OptionSet
SolidMechanicsDriver::expected_options()
{
  auto options = TransientDriver::expected_options();
  options.add<EnumSelection>("control", EnumSelection({"STRAIN", "STRESS", "MIXED"}, "STRAIN"),
                             "What is prescribed: the strain, the stress, or some components of "
                             "each (MIXED).");
  options.add<VariableName>("temperature", VariableName("forces", "T"), "The temperature.");
  options.add<TensorName<Scalar>>("prescribed_temperature",
                                  "The temperature of every step (first batch dimension: the "
                                  "step); none by default.");
  options.add<VariableName>("mixed_driving_force", VariableName("forces", "fixed_values"),
                            "MIXED control: the prescribed components.");
  options.add<TensorName<SR2>>("prescribed_mixed_driving_force",
                               "MIXED control: the prescribed components of every step: strains "
                               "where the control signal is 0, stresses where it is 1.");
  options.add<VariableName>("mixed_control_signal", VariableName("forces", "control"),
                            "MIXED control: the control signal.");
  options.add<TensorName<SR2>>("prescribed_mixed_control_signal",
                               "MIXED control: 0 (strain) or 1 (stress) for every component and "
                               "step.");
  return options;
}

SolidMechanicsDriver::SolidMechanicsDriver(const OptionSet & options)
    : TransientDriver(options),
      _control(options.get<EnumSelection>("control").selected()),
      _temperature(options.get<VariableName>("temperature")),
      _mixed_signal(options.get<VariableName>("mixed_control_signal"))
{
  if (options.user_specified("prescribed_temperature"))
    _temperature_history =
        options.get<TensorName<Scalar>>("prescribed_temperature").resolve(factory());
  if (_control == "MIXED")
  {
    for (const auto * o : {"prescribed_mixed_driving_force", "prescribed_mixed_control_signal"})
      if (!options.user_specified(o))
        throw option_error(o, "is required with control = MIXED");
    _driving_force = options.get<VariableName>("mixed_driving_force");
    _driving_force_option = "prescribed_mixed_driving_force";
    _driving_force_history =
        options.get<TensorName<SR2>>("prescribed_mixed_driving_force").resolve(factory());
    _mixed_signal_history =
        options.get<TensorName<SR2>>("prescribed_mixed_control_signal").resolve(factory());
  }
  else
    for (const auto * o : {"prescribed_mixed_driving_force", "prescribed_mixed_control_signal"})
      if (options.user_specified(o))
        throw option_error(o, "is only used with control = MIXED");
}

void
SolidMechanicsDriver::diagnose(std::vector<std::string> & problems) const
{
  TransientDriver::diagnose(problems);
  if (_driving_force_history.defined())
    check_history(_driving_force_history, _driving_force_option, problems);
  if (_temperature_history.defined())
    check_history(_temperature_history, "prescribed_temperature", problems);
  if (_mixed_signal_history.defined())
    check_history(_mixed_signal_history, "prescribed_mixed_control_signal", problems);
}

void
SolidMechanicsDriver::update_forces()
{
  TransientDriver::update_forces();
  _in[_driving_force] = at_step(_driving_force_history, _step);
  if (_temperature_history.defined())
    _in[_temperature] = at_step(_temperature_history, _step);
  if (_mixed_signal_history.defined())
    _in[_mixed_signal] = at_step(_mixed_signal_history, _step);
}
} // namespace neml2
