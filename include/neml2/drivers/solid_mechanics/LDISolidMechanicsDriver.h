// Large deformation, incremental formulation: the deformation rate (or Cauchy stress rate) and the
// vorticity of every step are prescribed.
#pragma once

#include "neml2/drivers/solid_mechanics/SolidMechanicsDriver.h"

namespace neml2
{
class LDISolidMechanicsDriver : public SolidMechanicsDriver
{
public:
  static OptionSet expected_options();
  explicit LDISolidMechanicsDriver(const OptionSet & options);

  void diagnose(std::vector<std::string> & problems) const override;

protected:
  void update_forces() override;
  void after_predictor() override;

private:
  const VariableName _vorticity;
  Tensor _vorticity_history;
  const bool _cp_warmup;
  const double _cp_warmup_scale;
  const VariableName _cp_warmup_strain;
};
} // namespace neml2
