#include "neml2/drivers/solid_mechanics/LDISolidMechanicsDriver.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/tensors/WR2.h"

namespace neml2
{
register_NEML2_object(LDISolidMechanicsDriver);

OptionSet
LDISolidMechanicsDriver::expected_options()
{
  auto options = SolidMechanicsDriver::expected_options();
  options.doc() = "Drive a large-deformation, incremental model with the deformation rate (or the "
                  "Cauchy stress rate) and the vorticity of every step.";
  options.add<VariableName>("deformation_rate", VariableName("forces", "deformation_rate"),
                            "The deformation rate (STRAIN control).");
  options.add<TensorName<SR2>>("prescribed_deformation_rate",
                               "The deformation rate of every step.");
  options.add<VariableName>("cauchy_stress_rate", VariableName("forces", "cauchy_stress_rate"),
                            "The Cauchy stress rate (STRESS control).");
  options.add<TensorName<SR2>>("prescribed_cauchy_stress_rate",
                               "The Cauchy stress rate of every step.");
  options.add<VariableName>("vorticity", VariableName("forces", "vorticity"), "The vorticity.");
  options.add<TensorName<WR2>>("prescribed_vorticity", "The vorticity of every step.");
  options.add<bool>("cp_warmup", false,
                    "At step 1, start the elastic strain from D (t - t_n) cp_warmup_elastic_scale "
                    "(helps crystal-plasticity models converge).");
  options.add<double>("cp_warmup_elastic_scale", 1.0, "The scale of the warm-up elastic strain.");
  options.add<VariableName>("cp_warmup_elastic_strain", VariableName("state", "elastic_strain"),
                            "The variable the warm-up sets.");
  return options;
}

LDISolidMechanicsDriver::LDISolidMechanicsDriver(const OptionSet & options)
    : SolidMechanicsDriver(options),
      _vorticity(options.get<VariableName>("vorticity")),
      _cp_warmup(options.get<bool>("cp_warmup")),
      _cp_warmup_scale(options.get<double>("cp_warmup_elastic_scale")),
      _cp_warmup_strain(options.get<VariableName>("cp_warmup_elastic_strain"))
{
  const char * used = _control == "STRAIN"   ? "prescribed_deformation_rate"
                      : _control == "STRESS" ? "prescribed_cauchy_stress_rate"
                                             : nullptr;
  for (const auto * o : {"prescribed_deformation_rate", "prescribed_cauchy_stress_rate"})
  {
    if (used && std::string(o) == used && !options.user_specified(o))
      throw option_error(o, "is required with control = " + _control);
    if ((!used || std::string(o) != used) && options.user_specified(o))
      throw option_error(o, "is not used with control = " + _control);
  }
  if (used)
  {
    _driving_force =
        options.get<VariableName>(_control == "STRAIN" ? "deformation_rate" : "cauchy_stress_rate");
    _driving_force_option = used;
    _driving_force_history = options.get<TensorName<SR2>>(used).resolve(factory());
  }
  if (options.user_specified("prescribed_vorticity"))
    _vorticity_history = options.get<TensorName<WR2>>("prescribed_vorticity").resolve(factory());
  if (_cp_warmup && _control != "STRAIN")
    throw option_error("cp_warmup", "needs control = STRAIN");
}

void
LDISolidMechanicsDriver::diagnose(std::vector<std::string> & problems) const
{
  SolidMechanicsDriver::diagnose(problems);
  if (_vorticity_history.defined())
    check_history(_vorticity_history, "prescribed_vorticity", problems);
  if (_cp_warmup && !_model.has_input(_cp_warmup_strain))
    problems.push_back("[" + path() + "] cp_warmup: model '" + _model.name() + "' has no input '" +
                       _cp_warmup_strain.str() + "'");
}

void
LDISolidMechanicsDriver::update_forces()
{
  SolidMechanicsDriver::update_forces();
  if (_vorticity_history.defined())
    _in[_vorticity] = at_step(_vorticity_history, _step);
}

void
LDISolidMechanicsDriver::after_predictor()
{
  if (_cp_warmup && _step == 1)
  {
    const auto D = at_step(_driving_force_history, _step);
    const auto dt = at_step(_time, _step) - at_step(_time, _step - 1);
    _in[_cp_warmup_strain] = D * dt * _cp_warmup_scale;
  }
}
} // namespace neml2
