#include "neml2/models/solid_mechanics/LinearIsotropicElasticity.h"
#include "neml2/base/MultiEnumSelection.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/Scalar.h"

#include <algorithm>
#include <numeric>

namespace neml2
{
register_NEML2_object(LinearIsotropicElasticity);

namespace
{
/// alpha X + beta Y, where an undefined coefficient is zero (undefined when both are).
template <class T>
T
combine(const Scalar & alpha, const T & X, const Scalar & beta, const T & Y)
{
  if (alpha.defined() && beta.defined())
    return alpha * X + beta * Y;
  if (alpha.defined())
    return alpha * X;
  if (beta.defined())
    return beta * Y;
  return T();
}

template <class T>
void
assign_nonzero(VariableBase::Slot slot, const T & value)
{
  if (value.defined())
    slot = value;
}
} // namespace

OptionSet
LinearIsotropicElasticity::expected_options()
{
  auto options = Elasticity::expected_options();
  options.doc() =
      "Linear isotropic elasticity, sigma = 3 K vol(eps) + 2 G dev(eps), where K is the bulk "
      "modulus and G the shear modulus, computed from any two isotropic elastic constants. With "
      "compliance, eps = vol(sigma) / (3 K) + dev(sigma) / (2 G).";
  options.add_required<std::vector<TensorName<Scalar>>>(
      "coefficients",
      "The two elastic constants, each a number, a [Tensors] name, or (when it is a parameter) a "
      "variable name or the name of a model whose single output it is; derivatives with respect "
      "to constants given as variables are computed.");
  options
      .add<MultiEnumSelection>("coefficient_types", MultiEnumSelection(elastic_constant_names()),
                               "What each of the coefficients is, in the same order. Any two "
                               "distinct constants determine the moduli.")
      .set_required(true);
  options.add<std::vector<bool>>("coefficient_as_parameter", {true},
                                 "Whether each coefficient is a (trainable) parameter or a buffer; "
                                 "one value applies to both.");
  return options;
}

LinearIsotropicElasticity::LinearIsotropicElasticity(const OptionSet & options)
    : Elasticity(options)
{
  const auto & coefs = options.get<std::vector<TensorName<Scalar>>>("coefficients");
  const auto & types = options.get<MultiEnumSelection>("coefficient_types");
  auto as_param = options.get<std::vector<bool>>("coefficient_as_parameter");
  if (coefs.size() != 2)
    throw option_error("coefficients",
                       "expected 2 coefficients, got " + std::to_string(coefs.size()));
  if (types.size() != 2)
    throw option_error("coefficient_types",
                       "expected 2 coefficient types, got " + std::to_string(types.size()));
  if (as_param.size() == 1)
    as_param.resize(2, as_param[0]);
  if (as_param.size() != 2)
    throw option_error("coefficient_as_parameter",
                       "expected 1 or 2 values, got " + std::to_string(as_param.size()));
  const auto idx = types.indices();
  if (idx[0] == idx[1])
    throw option_error("coefficient_types", "the two coefficients are both " + types[0] +
                                                "; two distinct elastic constants are needed");

  // Sort the pair in the order of ElasticConstant; conversions rely on it.
  const std::size_t first = idx[0] < idx[1] ? 0 : 1;
  for (std::size_t k = 0; k < 2; ++k)
  {
    const std::size_t i = k == 0 ? first : 1 - first;
    _types[k] = static_cast<ElasticConstant>(idx[i]);
    const auto pname = parameter_name(_types[k]);
    _values[k] = as_param[i] ? &declare_parameter<Scalar>(pname, coefs[i], "coefficients",
                                                          /*allow_nonlinear=*/true)
                             : &declare_buffer<Scalar>(pname, coefs[i].resolve(factory()));
    _variables[k] = nl_param(pname);
  }
}

void
LinearIsotropicElasticity::set_value(const Request & request)
{
  const bool d1 = request.wants_derivatives();
  const bool d2 = request.wants_second_derivatives();

  // The moduli with derivatives with respect to the constants given as variables.
  std::array<ScalarJet, 2> c;
  for (std::size_t k = 0; k < 2; ++k)
    c[k] =
        _variables[k] && (d1 || d2) ? ScalarJet::variable(*_values[k], k) : ScalarJet(*_values[k]);
  const auto [K, G] = bulk_and_shear_moduli(_types[0], c[0], _types[1], c[1]);
  // sigma = a vol(eps) + b dev(eps), or the inverse relation.
  const auto a = _compliance ? 1.0 / (3.0 * K) : 3.0 * K;
  const auto b = _compliance ? 1.0 / (2.0 * G) : 2.0 * G;

  const SR2 from = _from.value();
  if (request.wants_values())
    _to = a.value() * from.vol() + b.value() * from.dev();

  const auto opts = from.options();
  if (d1)
  {
    _to.d(_from) = a.value() * SSR4::identity_vol(opts) + b.value() * SSR4::identity_dev(opts);
    for (std::size_t i = 0; i < 2; ++i)
      if (_variables[i])
        assign_nonzero(_to.d(*_variables[i]), combine(a.d(i), from.vol(), b.d(i), from.dev()));
  }

  if (d2)
    for (std::size_t i = 0; i < 2; ++i)
    {
      if (!_variables[i])
        continue;
      const auto mixed =
          combine(a.d(i), SSR4::identity_vol(opts), b.d(i), SSR4::identity_dev(opts));
      assign_nonzero(_to.d(_from, *_variables[i]), mixed);
      assign_nonzero(_to.d(*_variables[i], _from), mixed);
      for (std::size_t j = 0; j < 2; ++j)
        if (_variables[j])
          assign_nonzero(_to.d(*_variables[i], *_variables[j]),
                         combine(a.d2(i, j), from.vol(), b.d2(i, j), from.dev()));
    }
}
} // namespace neml2
