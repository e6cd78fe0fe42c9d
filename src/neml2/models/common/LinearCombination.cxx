#include "neml2/models/common/LinearCombination.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/derivatives.h"

#include <map>

namespace neml2
{
register_NEML2_object(ScalarLinearCombination);
register_NEML2_object(VecLinearCombination);
register_NEML2_object(SR2LinearCombination);

template <class T>
OptionSet
LinearCombination<T>::expected_options()
{
  const std::string type = TensorTypeName<T>::value;
  auto options = Model::expected_options();
  options.doc() = "A linear combination of " + type +
                  " variables, u = sum_i c_i v_i, where the v_i are the variables and the c_i "
                  "their coefficients.";
  options.add_required<std::vector<VariableName>>("from_var",
                                                  "The " + type + " variables v_i to be summed.");
  options.add_required<VariableName>("to_var", "The sum u.");
  options.add<std::vector<TensorName<Scalar>>>(
      "coefficients", {TensorName<Scalar>("1")},
      "The coefficients c_i, one per variable; a single coefficient applies to every variable. "
      "Each is a number or a [Tensors] name, or (for a coefficient declared as a parameter) a "
      "variable name or the name of a model whose single output gives the coefficient.");
  options.add<std::vector<bool>>(
      "coefficient_as_parameter", {false},
      "Whether each coefficient is a (trainable) parameter named c_0, c_1, ... instead of a "
      "buffer; "
      "one entry per coefficient, or a single entry for all of them. Only parameters may be given "
      "by variables or by other models (nonlinear parameters).");
  return options;
}

template <class T>
LinearCombination<T>::LinearCombination(const OptionSet & options)
    : Model(options), _to(declare_output_variable<T>("to_var"))
{
  for (const auto & v : options.get<std::vector<VariableName>>("from_var"))
    _from.push_back(&declare_input_variable<T>(v));
  const auto n = _from.size();
  if (n == 0)
    throw option_error("from_var", "at least one variable is needed");

  const auto & coefs = options.get<std::vector<TensorName<Scalar>>>("coefficients");
  if (coefs.size() != 1 && coefs.size() != n)
    throw option_error("coefficients",
                       utils::stringify("expected 1 or ", n, " coefficients, got ", coefs.size()));
  const auto & as_param = options.get<std::vector<bool>>("coefficient_as_parameter");
  if (as_param.size() != 1 && as_param.size() != n)
    throw option_error("coefficient_as_parameter",
                       utils::stringify("expected 1 or ", n, " entries, got ", as_param.size()));

  for (std::size_t i = 0; i < n; ++i)
  {
    const auto name = "c_" + std::to_string(i);
    const auto & coef = coefs.size() == 1 ? coefs[0] : coefs[i];
    if (as_param.size() == 1 ? as_param[0] : as_param[i])
    {
      _coefs.push_back(&declare_parameter<Scalar>(name, coef, "coefficients",
                                                  /*allow_nonlinear=*/true));
      _coef_vars.push_back(nl_param(name));
    }
    else
    {
      _coefs.push_back(&declare_buffer<Scalar>(name, coef.resolve(factory())));
      _coef_vars.push_back(nullptr);
    }
  }
}

namespace
{
/// Derivative blocks summed per input (a variable may appear both as a v_i and as a c_j).
template <class Key>
void
accumulate(std::map<Key, Tensor> & blocks, const Key & key, const Tensor & value)
{
  auto & b = blocks[key];
  b = b.defined() ? Tensor(b + value) : value;
}
} // namespace

template <class T>
void
LinearCombination<T>::set_value(const Request & request)
{
  const auto n = _from.size();
  if (request.wants_values())
  {
    T u = (*_coefs[0]) * _from[0]->value();
    for (std::size_t i = 1; i < n; ++i)
      u = u + (*_coefs[i]) * _from[i]->value();
    _to = u;
  }

  if (request.wants_derivatives())
  {
    const auto I = identity_map<T>(_from[0]->value().options());
    std::map<const VariableBase *, Tensor> d;
    for (std::size_t i = 0; i < n; ++i)
    {
      accumulate<const VariableBase *>(d, _from[i], (*_coefs[i]) * I);
      if (_coef_vars[i])
        accumulate<const VariableBase *>(d, _coef_vars[i], _from[i]->value());
    }
    for (const auto & [x, v] : d)
      _to.d(*x) = v;
  }

  // u is bilinear in (c_i, v_i) where c_i is a variable; linear otherwise.
  if (request.wants_second_derivatives())
  {
    const auto I = identity_map<T>(_from[0]->value().options());
    using Pair = std::pair<const VariableBase *, const VariableBase *>;
    std::map<Pair, Tensor> d2;
    for (std::size_t i = 0; i < n; ++i)
      if (_coef_vars[i])
      {
        accumulate<Pair>(d2, {_from[i], _coef_vars[i]}, I);
        accumulate<Pair>(d2, {_coef_vars[i], _from[i]}, I);
      }
    for (const auto & [xx, v] : d2)
      _to.d(*xx.first, *xx.second) = v;
  }
}

template class LinearCombination<Scalar>;
template class LinearCombination<Vec>;
template class LinearCombination<SR2>;
} // namespace neml2
