// Explicit (forward Euler) update of a variable from its rate: v = v_n + (t - t_n) dv/dt.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class ForwardEulerTimeIntegration : public Model
{
public:
  static OptionSet expected_options();
  explicit ForwardEulerTimeIntegration(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  Variable<T> & _v;
  const Variable<T> & _vn;
  const Variable<T> & _v_dot;
  const Variable<Scalar> & _t;
  const Variable<Scalar> & _tn;
};

using ScalarForwardEulerTimeIntegration = ForwardEulerTimeIntegration<Scalar>;
using VecForwardEulerTimeIntegration = ForwardEulerTimeIntegration<Vec>;
using SR2ForwardEulerTimeIntegration = ForwardEulerTimeIntegration<SR2>;
} // namespace neml2
