#include "neml2/models/common/VariableRate.h"
#include "neml2/models/common/rate_options.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(ScalarVariableRate);
register_NEML2_object(VecVariableRate);
register_NEML2_object(SR2VariableRate);
// the names of older input files
register_NEML2_object_alias(ScalarVariableRate, "ScalarStateRate");
register_NEML2_object_alias(VecVariableRate, "VecStateRate");
register_NEML2_object_alias(SR2VariableRate, "SR2StateRate");
register_NEML2_object_alias(ScalarVariableRate, "ScalarForceRate");
register_NEML2_object_alias(VecVariableRate, "VecForceRate");
register_NEML2_object_alias(SR2VariableRate, "SR2ForceRate");

template <class T>
OptionSet
VariableRate<T>::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = std::string("The rate of a ") + TensorTypeName<T>::value +
                  " variable by backward difference, (v - v_n) / (t - t_n), where v_n and t_n "
                  "are the values at the previous step.";
  options.add_required<VariableName>("variable", "The variable v whose rate is taken.");
  add_rate_options(options, "Name of the rate.");
  return options;
}

template <class T>
VariableRate<T>::VariableRate(const OptionSet & options)
    : Model(options),
      _v(declare_input_variable<T>("variable")),
      _vn(declare_input_variable<T>(options.get<VariableName>("variable").old())),
      _t(declare_input_variable<Scalar>("time")),
      _tn(declare_input_variable<Scalar>(options.get<VariableName>("time").old())),
      _dv_dt(declare_output_variable<T>(rate_name(options)))
{
}

template <class T>
void
VariableRate<T>::set_value(const Request & request)
{
  const auto dv = _v - _vn;
  const auto dt = _t - _tn;
  if (request.wants_values())
    _dv_dt = dv / dt;

  if (request.wants_derivatives())
  {
    const auto I = identity_map<T>(dv.options());
    _dv_dt.d(_v) = I / dt;
    _dv_dt.d(_vn) = -I / dt;
    _dv_dt.d(_t) = -dv / (dt * dt);
    _dv_dt.d(_tn) = dv / (dt * dt);
  }

  if (request.wants_second_derivatives())
  {
    const auto I = identity_map<T>(dv.options());
    const auto dt2 = dt * dt;
    _dv_dt.d(_v, _t) = -I / dt2;
    _dv_dt.d(_v, _tn) = I / dt2;
    _dv_dt.d(_vn, _t) = I / dt2;
    _dv_dt.d(_vn, _tn) = -I / dt2;
    _dv_dt.d(_t, _v) = -I / dt2;
    _dv_dt.d(_tn, _v) = I / dt2;
    _dv_dt.d(_t, _vn) = I / dt2;
    _dv_dt.d(_tn, _vn) = -I / dt2;
    _dv_dt.d(_t, _t) = 2.0 * dv / (dt2 * dt);
    _dv_dt.d(_t, _tn) = -2.0 * dv / (dt2 * dt);
    _dv_dt.d(_tn, _t) = -2.0 * dv / (dt2 * dt);
    _dv_dt.d(_tn, _tn) = 2.0 * dv / (dt2 * dt);
  }
}

template class VariableRate<Scalar>;
template class VariableRate<Vec>;
template class VariableRate<SR2>;
} // namespace neml2
