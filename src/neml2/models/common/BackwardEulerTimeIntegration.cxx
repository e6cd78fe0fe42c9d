#include "neml2/models/common/BackwardEulerTimeIntegration.h"
#include "neml2/models/common/rate_options.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(ScalarBackwardEulerTimeIntegration);
register_NEML2_object(VecBackwardEulerTimeIntegration);
register_NEML2_object(SR2BackwardEulerTimeIntegration);

template <class T>
OptionSet
BackwardEulerTimeIntegration<T>::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = std::string("The backward Euler residual of a ") + TensorTypeName<T>::value +
                  " variable, r = v - v_n - (t - t_n) dv/dt, where v_n and t_n are the values at "
                  "the previous step. The residual is named after the variable on the residual "
                  "axis (state/a gives residual/a).";
  options.add_required<VariableName>("variable", "The variable v being integrated.");
  add_rate_options(options, "The rate dv/dt.");
  return options;
}

template <class T>
BackwardEulerTimeIntegration<T>::BackwardEulerTimeIntegration(const OptionSet & options)
    : Model(options),
      _v(declare_input_variable<T>("variable")),
      _vn(declare_input_variable<T>(_v.name().old())),
      _v_dot(declare_input_variable<T>(rate_name(options))),
      _t(declare_input_variable<Scalar>("time")),
      _tn(declare_input_variable<Scalar>(_t.name().old())),
      _r(declare_output_variable<T>(_v.name().on_axis("residual")))
{
}

template <class T>
void
BackwardEulerTimeIntegration<T>::set_value(const Request & request)
{
  const auto dt = _t - _tn;
  if (request.wants_values())
    _r = _v - _vn - dt * _v_dot.value();

  if (request.wants_derivatives())
  {
    const auto I = identity_map<T>(_v.value().options());
    _r.d(_v) = I;
    _r.d(_vn) = -I;
    _r.d(_v_dot) = -dt * I;
    _r.d(_t) = -_v_dot.value();
    _r.d(_tn) = _v_dot.value();
  }

  // r is bilinear in (t, dv/dt) and (t_n, dv/dt).
  if (request.wants_second_derivatives())
  {
    const auto I = identity_map<T>(_v.value().options());
    _r.d(_v_dot, _t) = -I;
    _r.d(_t, _v_dot) = -I;
    _r.d(_v_dot, _tn) = I;
    _r.d(_tn, _v_dot) = I;
  }
}

template class BackwardEulerTimeIntegration<Scalar>;
template class BackwardEulerTimeIntegration<Vec>;
template class BackwardEulerTimeIntegration<SR2>;
} // namespace neml2
