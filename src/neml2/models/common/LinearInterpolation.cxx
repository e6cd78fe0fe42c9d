#include "neml2/models/common/LinearInterpolation.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/SR2.h"

#include <ATen/ops/gt.h>
#include <ATen/ops/le.h>
#include <type_traits>

namespace neml2
{
register_NEML2_object(ScalarLinearInterpolation);
register_NEML2_object(VecLinearInterpolation);
register_NEML2_object(SR2LinearInterpolation);

namespace
{
/// `t` with its table (its last batch dimension) as the last intermediate dimension. Tables given
/// as [Tensors] usually have dynamic batch dimensions only; inside the model the table is part of
/// the model, not of the workload.
template <class T>
T
as_table(const T & t)
{
  if (t.intmd_dim() > 0)
    return t;
  return t.with_layout(t.dynamic_dim() - 1, 1);
}

template <class T>
T
table_option(const Model & model, const OptionSet & options, const std::string & option)
{
  const auto t = options.get<TensorName<T>>(option).resolve(model.factory());
  if (t.batch_dim() == 0)
    throw options.error(option, "the table must have at least one batch dimension (the table "
                                "points); got a tensor of shape " +
                                    t.shape_str());
  return as_table(t);
}

/// 1 where a > b (or a <= b when `greater` is false), else 0, in the dtype of the operands.
Scalar
indicator(const Scalar & a, const Scalar & b, bool greater)
{
  auto o = detail::align_operands(greater ? ">" : "<=", a, b);
  const at::Tensor m = greater ? at::gt(o.a, o.b) : at::le(o.a, o.b);
  return Scalar(m.to(o.a.scalar_type()), o.dynamic_dim, o.intmd_dim);
}

VariableName
output_name(const OptionSet & options)
{
  if (options.user_specified("output"))
    return options.get<VariableName>("output");
  return VariableName("parameters", options.name());
}
} // namespace

template <class T>
OptionSet
LinearInterpolation<T>::expected_options()
{
  const std::string type = TensorTypeName<T>::value;
  auto options = Model::expected_options();
  options.doc() =
      "Piecewise-linear interpolation of a " + type +
      " table: y = Y_k + (x - X_k) (Y_{k+1} - Y_k) / (X_{k+1} - X_k) on the segment X_k < x <= "
      "X_{k+1}. The last batch dimension of the abscissa and the ordinate holds the table points "
      "(the abscissa increasing); other batch dimensions broadcast with the argument's. Beyond "
      "the table the first and last segments extend linearly.";
  options.add_required<VariableName>("argument", "The argument x (a Scalar variable).");
  options.add_required<TensorName<Scalar>>(
      "abscissa", "The abscissa values X of the table (a parameter named X).");
  options.add_required<TensorName<T>>("ordinate", "The ordinate " + type +
                                                      " values Y of the table (a parameter "
                                                      "named Y).");
  options.add<VariableName>("output", "The interpolated value y. Defaults to parameters/<the "
                                      "model's name>, so that other models can take it as a "
                                      "nonlinear parameter.");
  return options;
}

template <class T>
LinearInterpolation<T>::LinearInterpolation(const OptionSet & options)
    : Model(options),
      _X(declare_parameter<Scalar>("X", table_option<Scalar>(*this, options, "abscissa"))),
      _Y(declare_parameter<T>("Y", table_option<T>(*this, options, "ordinate"))),
      _x(declare_input_variable<Scalar>("argument")),
      _y(declare_output_variable<T>(output_name(options)))
{
  const auto n = _X.intmd_size(-1);
  if (n < 2)
    throw option_error("abscissa", utils::stringify("the table needs at least 2 points, got ", n));
  if (_Y.intmd_size(-1) != n)
    throw option_error("ordinate", utils::stringify("the table has ", _Y.intmd_size(-1),
                                                    " points, but the abscissa has ", n));
}

template <class T>
void
LinearInterpolation<T>::set_value(const Request & request)
{
  // (parameters may have been replaced since construction)
  const auto X = as_table(_X);
  const auto Y = as_table(_Y);
  const auto n = X.intmd_size(-1);
  const auto X0 = X.intmd_slice(-1, 0, n - 1);
  const auto X1 = X.intmd_slice(-1, 1, n);
  const auto Y0 = Y.intmd_slice(-1, 0, n - 1);
  const T slope = (Y.intmd_slice(-1, 1, n) - Y0) / (X1 - X0);

  // Exactly one segment is selected (for an increasing abscissa): the one with X_k < x <= X_k+1,
  // the first one below the table and the last one above it.
  const auto x = _x.value();
  const auto xu = x.intmd_unsqueeze(-1);
  const auto inside = indicator(xu, X0, true) * indicator(xu, X1, false);
  const auto below = indicator(xu, X.intmd_slice(-1, 0, 1), false).intmd_squeeze(-1);
  const auto above = indicator(xu, X.intmd_slice(-1, n - 1, n), true).intmd_squeeze(-1);
  auto pick = [&](const auto & v)
  {
    using V = std::decay_t<decltype(v)>;
    const V first = v.intmd_slice(-1, 0, 1).intmd_squeeze(-1);
    const V last = v.intmd_slice(-1, n - 2, n - 1).intmd_squeeze(-1);
    return V((inside * v).intmd_sum(-1) + below * first + above * last);
  };
  const auto s = pick(slope);

  if (request.wants_values())
    _y = pick(Y0) + s * (x - pick(X0));
  if (request.wants_derivatives())
    _y.d(_x) = s;
  // piecewise linear: the second derivative is zero
}

template class LinearInterpolation<Scalar>;
template class LinearInterpolation<Vec>;
template class LinearInterpolation<SR2>;
} // namespace neml2
