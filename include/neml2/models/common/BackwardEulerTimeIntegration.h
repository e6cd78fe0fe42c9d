// The backward Euler residual of a variable and its rate: r = v - v_n - (t - t_n) dv/dt. Its root
// in v is the implicitly integrated variable.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class BackwardEulerTimeIntegration : public Model
{
public:
  static OptionSet expected_options();
  explicit BackwardEulerTimeIntegration(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<T> & _v;
  const Variable<T> & _vn;
  const Variable<T> & _v_dot;
  const Variable<Scalar> & _t;
  const Variable<Scalar> & _tn;
  Variable<T> & _r;
};

using ScalarBackwardEulerTimeIntegration = BackwardEulerTimeIntegration<Scalar>;
using VecBackwardEulerTimeIntegration = BackwardEulerTimeIntegration<Vec>;
using SR2BackwardEulerTimeIntegration = BackwardEulerTimeIntegration<SR2>;
} // namespace neml2
