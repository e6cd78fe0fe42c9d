// The rate of a variable by backward difference: (v - v_n) / (t - t_n).
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class VariableRate : public Model
{
public:
  static OptionSet expected_options();
  explicit VariableRate(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<T> & _v;
  const Variable<T> & _vn;
  const Variable<Scalar> & _t;
  const Variable<Scalar> & _tn;
  Variable<T> & _dv_dt;
};

using ScalarVariableRate = VariableRate<Scalar>;
using VecVariableRate = VariableRate<Vec>;
using SR2VariableRate = VariableRate<SR2>;
} // namespace neml2
