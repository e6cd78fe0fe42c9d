#include "neml2/models/common/ForwardEulerTimeIntegration.h"
#include "neml2/models/common/rate_options.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
register_NEML2_object(ScalarForwardEulerTimeIntegration);
register_NEML2_object(VecForwardEulerTimeIntegration);
register_NEML2_object(SR2ForwardEulerTimeIntegration);

template <class T>
OptionSet
ForwardEulerTimeIntegration<T>::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = std::string("Forward Euler update of a ") + TensorTypeName<T>::value +
                  " variable, v = v_n + (t - t_n) dv/dt, where v_n and t_n are the values at the "
                  "previous step.";
  options.add_required<VariableName>("variable", "The variable v being integrated (the output).");
  add_rate_options(options, "The rate dv/dt.");
  return options;
}

template <class T>
ForwardEulerTimeIntegration<T>::ForwardEulerTimeIntegration(const OptionSet & options)
    : Model(options),
      _v(declare_output_variable<T>("variable")),
      _vn(declare_input_variable<T>(_v.name().old())),
      _v_dot(declare_input_variable<T>(rate_name(options))),
      _t(declare_input_variable<Scalar>("time")),
      _tn(declare_input_variable<Scalar>(_t.name().old()))
{
}

template <class T>
void
ForwardEulerTimeIntegration<T>::set_value(const Request & request)
{
  const auto dt = _t - _tn;
  if (request.wants_values())
    _v = _vn.value() + dt * _v_dot.value();

  if (request.wants_derivatives())
  {
    const auto I = identity_map<T>(_vn.value().options());
    _v.d(_vn) = I;
    _v.d(_v_dot) = dt * I;
    _v.d(_t) = _v_dot.value();
    _v.d(_tn) = -_v_dot.value();
  }

  // v is bilinear in (t, dv/dt) and (t_n, dv/dt).
  if (request.wants_second_derivatives())
  {
    const auto I = identity_map<T>(_vn.value().options());
    _v.d(_v_dot, _t) = I;
    _v.d(_t, _v_dot) = I;
    _v.d(_v_dot, _tn) = -I;
    _v.d(_tn, _v_dot) = -I;
  }
}

template class ForwardEulerTimeIntegration<Scalar>;
template class ForwardEulerTimeIntegration<Vec>;
template class ForwardEulerTimeIntegration<SR2>;
} // namespace neml2
