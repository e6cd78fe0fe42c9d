#include "neml2/models/solid_mechanics/MixedControlSetup.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/functions/math.h"

#include <ATen/ops/diag_embed.h>

namespace neml2
{
register_NEML2_object(MixedControlSetup);

OptionSet
MixedControlSetup::expected_options()
{
  auto options = Model::expected_options();
  options.doc() =
      "Set up mixed stress/strain control. Per Mandel component, where the control signal is "
      "above the threshold the prescribed fixed_values go to above_variable (by default the "
      "stress) and the mixed_state to below_variable (by default the strain); elsewhere the "
      "other way round. With the default names, a signal of 1 prescribes the stress component "
      "and makes the strain component the unknown, a signal of 0 the reverse.";
  options.add<VariableName>("control", VariableName("forces", "control"),
                            "The control signal: components above the threshold take "
                            "above_variable from fixed_values, the others below_variable.");
  options.add<TensorName<SR2>>("threshold", TensorName<SR2>("0.5"),
                               "The threshold on the control signal (a buffer): a number for "
                               "every component, or an SR2 per component.");
  options.add<VariableName>("fixed_values", VariableName("forces", "fixed_values"),
                            "The prescribed values: per component, a stress or a strain as the "
                            "control signal says.");
  options.add<VariableName>("mixed_state", VariableName("state", "mixed_state"),
                            "The unknown values conjugate to the prescribed ones.");
  options.add<VariableName>("above_variable", VariableName("state", "S"),
                            "The variable prescribed where the signal is above the threshold "
                            "(fixed_values there, mixed_state elsewhere).");
  options.add<VariableName>("below_variable", VariableName("forces", "E"),
                            "The variable prescribed where the signal is at or below the "
                            "threshold (fixed_values there, mixed_state elsewhere).");
  return options;
}

MixedControlSetup::MixedControlSetup(const OptionSet & options)
    : Model(options),
      _threshold(declare_buffer<SR2>("threshold", "threshold")),
      _control(declare_input_variable<SR2>("control")),
      _fixed_values(declare_input_variable<SR2>("fixed_values")),
      _mixed_state(declare_input_variable<SR2>("mixed_state")),
      _above(declare_output_variable<SR2>("above_variable")),
      _below(declare_output_variable<SR2>("below_variable"))
{
}

void
MixedControlSetup::set_value(const Request & request)
{
  // Componentwise choice by a comparison, no branch on values, so the model stays traceable. The
  // signal is a step function: there is no derivative with respect to it.
  const Tensor above = SR2(_control - _threshold) > 0.0;

  if (request.wants_values())
  {
    _above = where(above, _fixed_values.value(), _mixed_state.value());
    _below = where(above, _mixed_state.value(), _fixed_values.value());
  }

  if (request.wants_derivatives())
  {
    // diag(1 where the condition holds, 0 elsewhere)
    const auto selector = [&](bool where_above)
    {
      const auto ones = SR2::ones_like(_control.value());
      const auto zeros = SR2::zeros_like(_control.value());
      const auto m = where_above ? where(above, ones, zeros) : where(above, zeros, ones);
      return SSR4(at::diag_embed(m), m.dynamic_dim(), m.intmd_dim());
    };
    const auto on_above = selector(true), on_below = selector(false);
    _above.d(_fixed_values) = on_above;
    _above.d(_mixed_state) = on_below;
    _below.d(_fixed_values) = on_below;
    _below.d(_mixed_state) = on_above;
  }
  // second derivatives: zero (linear in fixed_values and mixed_state)
}
} // namespace neml2
