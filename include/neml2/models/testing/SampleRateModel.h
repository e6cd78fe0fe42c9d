// Test-only models (used by NEML2's own test inputs): rates of three variables that depend on each
// other and on temperature, nonlinearly. SampleRateModel gives analytic first derivatives;
// ADSampleRateModel computes the same values and leaves first and second derivatives to
// automatic differentiation.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
/**
 * With a = state/foo, b = state/bar, B = state/baz (SR2), T = forces/temperature and the fixed
 * parameters p = -0.01, q = -0.5, r = -0.9 (named a, b, c):
 *   state/foo_rate = (a^2 + b) T + tr B
 *   state/bar_rate = p b + q a + r T + tr B
 *   state/baz_rate = (a + b) (T - 3) B
 */
class SampleRateModel : public Model
{
public:
  static OptionSet expected_options();
  explicit SampleRateModel(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

  const Variable<Scalar> & _foo;
  const Variable<Scalar> & _bar;
  const Variable<SR2> & _baz;
  const Variable<Scalar> & _T;
  Variable<Scalar> & _foo_rate;
  Variable<Scalar> & _bar_rate;
  Variable<SR2> & _baz_rate;
  const Scalar & _p;
  const Scalar & _q;
  const Scalar & _r;

  /// The three rates (values only).
  void set_rates();
};

/// SampleRateModel with every first and second derivative by automatic differentiation.
class ADSampleRateModel : public SampleRateModel
{
public:
  static OptionSet expected_options();
  explicit ADSampleRateModel(const OptionSet & options);

protected:
  void set_value(const Request & request) override;
};
} // namespace neml2
