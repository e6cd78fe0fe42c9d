#include "neml2/models/solid_mechanics/PerzynaPlasticFlowRate.h"
#include "neml2/tensors/functions/math.h"

namespace neml2
{
register_NEML2_object(PerzynaPlasticFlowRate);

OptionSet
PerzynaPlasticFlowRate::expected_options()
{
  auto options = PlasticFlowRate::expected_options();
  options.doc() = "Perzyna's viscous approximation of the yield surface, gamma_rate = (<f> / "
                  "eta)^n, where <f> is the positive part of the yield function, eta the "
                  "reference stress and n the exponent.";
  options.add_required<TensorName<Scalar>>(
      "reference_stress",
      "The reference stress eta (may be given as a variable: a nonlinear parameter).");
  options.add_required<TensorName<Scalar>>(
      "exponent", "The power-law exponent n (may be given as a variable: a nonlinear parameter).");
  return options;
}

PerzynaPlasticFlowRate::PerzynaPlasticFlowRate(const OptionSet & options)
    : PlasticFlowRate(options),
      _eta(declare_parameter<Scalar>("eta", "reference_stress", /*allow_nonlinear=*/true)),
      _n(declare_parameter<Scalar>("n", "exponent", /*allow_nonlinear=*/true))
{
}

void
PerzynaPlasticFlowRate::set_value(const Request & request)
{
  const Scalar f = _f.value();
  const auto yielding = f > 0.0;
  const auto zero = Scalar::zeros(f.options());
  // Where f <= 0 the rate and its derivatives are zero. There eta stands in for f, so that no
  // branch computes 0^n or log(0), whose infinities would turn into NaN in autograd.
  const Scalar fs = where(yielding, f, _eta);
  auto elastic_zero = [&](const Scalar & x) { return where(yielding, x, zero); };
  const auto r = fs / _eta;
  const auto g = pow(r, _n);

  if (request.wants_values())
    _gamma_dot = elastic_zero(g);

  const auto * eta = nl_param("eta");
  const auto * n = nl_param("n");
  if (request.wants_derivatives())
  {
    _gamma_dot.d(_f) = elastic_zero(_n * g / fs);
    if (eta)
      _gamma_dot.d(*eta) = elastic_zero(-_n * g / _eta);
    if (n)
      _gamma_dot.d(*n) = elastic_zero(g * log(r));
  }

  if (request.wants_second_derivatives())
  {
    const auto lr = log(r);
    _gamma_dot.d(_f, _f) = elastic_zero(_n * (_n - 1.0) * g / (fs * fs));
    if (eta)
    {
      const auto d2 = elastic_zero(-_n * _n * g / (fs * _eta));
      _gamma_dot.d(_f, *eta) = d2;
      _gamma_dot.d(*eta, _f) = d2;
      _gamma_dot.d(*eta, *eta) = elastic_zero(_n * (_n + 1.0) * g / (_eta * _eta));
    }
    if (n)
    {
      const auto d2 = elastic_zero(g * (1.0 + _n * lr) / fs);
      _gamma_dot.d(_f, *n) = d2;
      _gamma_dot.d(*n, _f) = d2;
      _gamma_dot.d(*n, *n) = elastic_zero(g * lr * lr);
    }
    if (eta && n)
    {
      const auto d2 = elastic_zero(-g * (1.0 + _n * lr) / _eta);
      _gamma_dot.d(*eta, *n) = d2;
      _gamma_dot.d(*n, *eta) = d2;
    }
  }
}
} // namespace neml2
