#include "neml2/models/testing/SampleRateModel.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(SampleRateModel);
register_NEML2_object(ADSampleRateModel);

OptionSet
SampleRateModel::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Test model: with a = state/foo, b = state/bar, B = state/baz and T = "
                  "forces/temperature, state/foo_rate = (a^2 + b) T + tr B, state/bar_rate = p b + "
                  "q a + r T + tr B and state/baz_rate = (a + b) (T - 3) B, with the parameters "
                  "p = a = -0.01, q = b = -0.5, r = c = -0.9. Analytic first derivatives.";
  return options;
}

SampleRateModel::SampleRateModel(const OptionSet & options)
    : Model(options),
      _foo(declare_input_variable<Scalar>(VariableName("state", "foo"))),
      _bar(declare_input_variable<Scalar>(VariableName("state", "bar"))),
      _baz(declare_input_variable<SR2>(VariableName("state", "baz"))),
      _T(declare_input_variable<Scalar>(VariableName("forces", "temperature"))),
      _foo_rate(declare_output_variable<Scalar>(VariableName("state", "foo_rate"))),
      _bar_rate(declare_output_variable<Scalar>(VariableName("state", "bar_rate"))),
      _baz_rate(declare_output_variable<SR2>(VariableName("state", "baz_rate"))),
      _p(declare_parameter<Scalar>("a", Scalar::full(-0.01, creation_options()))),
      _q(declare_parameter<Scalar>("b", Scalar::full(-0.5, creation_options()))),
      _r(declare_parameter<Scalar>("c", Scalar::full(-0.9, creation_options())))
{
}

void
SampleRateModel::set_rates()
{
  const Scalar a = _foo, b = _bar, T = _T;
  const SR2 B = _baz;
  _foo_rate = (a * a + b) * T + B.tr();
  _bar_rate = _p * b + _q * a + _r * T + B.tr();
  _baz_rate = (a + b) * (T - 3.0) * B;
}

void
SampleRateModel::set_value(const Request & request)
{
  if (request.wants_values())
    set_rates();

  if (request.wants_derivatives())
  {
    const Scalar a = _foo, b = _bar, T = _T;
    const SR2 B = _baz;
    const auto I = SR2::identity(B.options());

    _foo_rate.d(_foo) = 2.0 * a * T;
    _foo_rate.d(_bar) = T;
    _foo_rate.d(_baz) = I;
    _foo_rate.d(_T) = a * a + b;

    _bar_rate.d(_foo) = _q;
    _bar_rate.d(_bar) = _p;
    _bar_rate.d(_baz) = I;
    _bar_rate.d(_T) = _r;

    _baz_rate.d(_foo) = (T - 3.0) * B;
    _baz_rate.d(_bar) = (T - 3.0) * B;
    _baz_rate.d(_baz) = (a + b) * (T - 3.0) * identity_map<SR2>(B.options());
    _baz_rate.d(_T) = (a + b) * B;
  }
}

OptionSet
ADSampleRateModel::expected_options()
{
  auto options = SampleRateModel::expected_options();
  options.doc() = "Test model: the values of SampleRateModel, with every first and second "
                  "derivative by automatic differentiation.";
  return options;
}

ADSampleRateModel::ADSampleRateModel(const OptionSet & options) : SampleRateModel(options)
{
  const std::vector<const VariableBase *> xs = {&_foo, &_bar, &_baz, &_T};
  for (const VariableBase * y : output_variables())
    for (const auto * x1 : xs)
    {
      request_AD(*y, *x1);
      for (const auto * x2 : xs)
        request_AD(*y, *x1, *x2);
    }
}

void
ADSampleRateModel::set_value(const Request & request)
{
  if (request.wants_values())
    set_rates();
}
} // namespace neml2
