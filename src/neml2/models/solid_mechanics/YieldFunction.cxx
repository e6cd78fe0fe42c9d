#include "neml2/models/solid_mechanics/YieldFunction.h"
#include "neml2/tensors/derivatives.h"

#include <cmath>

namespace neml2
{
register_NEML2_object(YieldFunction);

OptionSet
YieldFunction::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Yield function of classical macroscale plasticity, f = sqrt(2/3) (s - s_y - "
                  "h), where s is the effective stress, s_y the yield stress and h the isotropic "
                  "hardening (zero unless isotropic_hardening names it).";
  options.add_required<TensorName<Scalar>>(
      "yield_stress", "The yield stress s_y (may be given as a variable: a nonlinear parameter).");
  options.add<VariableName>("effective_stress", VariableName("state", "internal", "s"),
                            "The effective stress s.");
  options.add<VariableName>("isotropic_hardening",
                            "The isotropic hardening h; leave unset for perfect plasticity.");
  options.add<VariableName>("yield_function", VariableName("state", "internal", "fp"),
                            "The yield function f.");
  return options;
}

YieldFunction::YieldFunction(const OptionSet & options)
    : Model(options),
      _s(declare_input_variable<Scalar>("effective_stress")),
      _h(options.get<VariableName>("isotropic_hardening").empty()
             ? nullptr
             : &declare_input_variable<Scalar>("isotropic_hardening")),
      _f(declare_output_variable<Scalar>("yield_function")),
      _sy(declare_parameter<Scalar>("sy", "yield_stress", /*allow_nonlinear=*/true))
{
}

void
YieldFunction::set_value(const Request & request)
{
  const double c = std::sqrt(2.0 / 3.0);
  if (request.wants_values())
    _f = _h ? Scalar(c * (_s - _sy - *_h)) : Scalar(c * (_s - _sy));

  if (request.wants_derivatives())
  {
    const auto I = identity_map<Scalar>(_s.value().options());
    _f.d(_s) = c * I;
    if (_h)
      _f.d(*_h) = -c * I;
    if (const auto * sy = nl_param("sy"))
      _f.d(*sy) = -c * I;
  }
  // second derivatives: f is linear in every input
}
} // namespace neml2
