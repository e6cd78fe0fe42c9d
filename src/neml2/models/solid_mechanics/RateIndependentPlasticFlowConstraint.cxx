#include "neml2/models/solid_mechanics/RateIndependentPlasticFlowConstraint.h"
#include "neml2/tensors/functions/math.h"

#include <limits>

namespace neml2
{
register_NEML2_object(RateIndependentPlasticFlowConstraint);

OptionSet
RateIndependentPlasticFlowConstraint::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "The consistency conditions of rate-independent plasticity as the residual of "
                  "the Fischer-Burmeister complementarity function, r = gamma_rate - f - "
                  "sqrt(gamma_rate^2 + f^2), zero exactly where gamma_rate >= 0, f <= 0 and "
                  "gamma_rate f = 0. The residual is named after the flow rate on the residual "
                  "axis.";
  options.add<VariableName>("yield_function", VariableName("state", "internal", "fp"),
                            "The yield function f.");
  options.add<VariableName>("flow_rate", VariableName("state", "internal", "gamma_rate"),
                            "The flow rate gamma_rate.");
  return options;
}

RateIndependentPlasticFlowConstraint::RateIndependentPlasticFlowConstraint(
    const OptionSet & options)
    : Model(options),
      _fp(declare_input_variable<Scalar>("yield_function")),
      _gamma_dot(declare_input_variable<Scalar>("flow_rate")),
      _r(declare_output_variable<Scalar>(_gamma_dot.name().on_axis("residual")))
{
}

void
RateIndependentPlasticFlowConstraint::set_value(const Request & request)
{
  const Scalar g = _gamma_dot.value();
  const Scalar f = _fp.value();
  if (request.wants_values())
    _r = g - f - sqrt(g * g + f * f);

  if (!request.wants_derivatives() && !request.wants_second_derivatives())
    return;
  // The machine epsilon under the square root keeps the derivatives finite at the origin.
  const double eps = g.scalar_type() == kFloat64 ? std::numeric_limits<double>::epsilon()
                                                 : std::numeric_limits<float>::epsilon();
  const auto R = sqrt(g * g + f * f + eps);
  if (request.wants_derivatives())
  {
    _r.d(_gamma_dot) = 1.0 - g / R;
    _r.d(_fp) = -1.0 - f / R;
  }
  if (request.wants_second_derivatives())
  {
    const auto R3 = R * R * R;
    const auto mixed = g * f / R3;
    _r.d(_gamma_dot, _gamma_dot) = -(f * f + eps) / R3;
    _r.d(_gamma_dot, _fp) = mixed;
    _r.d(_fp, _gamma_dot) = mixed;
    _r.d(_fp, _fp) = -(g * g + eps) / R3;
  }
}
} // namespace neml2
