// The common part of the solid-mechanics drivers: strain, stress or mixed control, and an optional
// prescribed temperature.
#pragma once

#include "neml2/drivers/TransientDriver.h"
#include "neml2/tensors/SR2.h"

namespace neml2
{
class SolidMechanicsDriver : public TransientDriver
{
public:
  static OptionSet expected_options();
  explicit SolidMechanicsDriver(const OptionSet & options);

  void diagnose(std::vector<std::string> & problems) const override;

protected:
  void update_forces() override;

  /// The control: STRAIN, STRESS or MIXED.
  const std::string _control;
  /// The driving force of the control and its history (set by the derived driver).
  VariableName _driving_force;
  Tensor _driving_force_history;
  std::string _driving_force_option;

private:
  const VariableName _temperature;
  Tensor _temperature_history;
  const VariableName _mixed_signal;
  Tensor _mixed_signal_history;
};
} // namespace neml2
