#include "neml2/models/solid_mechanics/IsotropicElasticityConverter.h"
#include "neml2/misc/error.h"
#include "neml2/tensors/functions/math.h"

namespace neml2
{
const std::vector<std::string> &
elastic_constant_names()
{
  static const std::vector<std::string> names = {"LAME_LAMBDA",    "BULK_MODULUS",
                                                 "SHEAR_MODULUS",  "YOUNGS_MODULUS",
                                                 "POISSONS_RATIO", "P_WAVE_MODULUS"};
  return names;
}

std::string
parameter_name(ElasticConstant c)
{
  static const char * names[] = {"lambda", "K", "G", "E", "nu", "M"};
  return names[static_cast<int>(c)];
}

namespace
{
// Sums and products in which an undefined Scalar is zero.
Scalar
add(const Scalar & a, const Scalar & b)
{
  if (!a.defined())
    return b;
  if (!b.defined())
    return a;
  return a + b;
}

Scalar
mul(const Scalar & a, const Scalar & b)
{
  if (!a.defined() || !b.defined())
    return Scalar();
  return a * b;
}
} // namespace

ScalarJet
ScalarJet::variable(const Scalar & value, std::size_t i)
{
  ScalarJet x(value);
  x._d[i] = Scalar::ones(value.options());
  return x;
}

ScalarJet
ScalarJet::apply(const Scalar & f, const Scalar & df, const Scalar & d2f) const
{
  ScalarJet y(f);
  for (std::size_t i = 0; i < 2; ++i)
  {
    y._d[i] = mul(_d[i], df);
    for (std::size_t j = 0; j < 2; ++j)
      y._d2[i][j] = add(mul(_d2[i][j], df), mul(mul(_d[i], _d[j]), d2f));
  }
  return y;
}

ScalarJet
operator+(const ScalarJet & a, const ScalarJet & b)
{
  ScalarJet y(a._v + b._v);
  for (std::size_t i = 0; i < 2; ++i)
  {
    y._d[i] = add(a._d[i], b._d[i]);
    for (std::size_t j = 0; j < 2; ++j)
      y._d2[i][j] = add(a._d2[i][j], b._d2[i][j]);
  }
  return y;
}

ScalarJet
operator*(const ScalarJet & a, const ScalarJet & b)
{
  ScalarJet y(a._v * b._v);
  for (std::size_t i = 0; i < 2; ++i)
  {
    y._d[i] = add(mul(a._d[i], b._v), mul(a._v, b._d[i]));
    for (std::size_t j = 0; j < 2; ++j)
      y._d2[i][j] = add(add(mul(a._d2[i][j], b._v), mul(a._v, b._d2[i][j])),
                        add(mul(a._d[i], b._d[j]), mul(a._d[j], b._d[i])));
  }
  return y;
}

ScalarJet
operator*(const ScalarJet & a, double b)
{
  ScalarJet y(a._v * b);
  for (std::size_t i = 0; i < 2; ++i)
  {
    y._d[i] = a._d[i].defined() ? Scalar(a._d[i] * b) : Scalar();
    for (std::size_t j = 0; j < 2; ++j)
      y._d2[i][j] = a._d2[i][j].defined() ? Scalar(a._d2[i][j] * b) : Scalar();
  }
  return y;
}

ScalarJet
operator*(double a, const ScalarJet & b)
{
  return b * a;
}

ScalarJet
operator-(const ScalarJet & a)
{
  return a * -1.0;
}

ScalarJet
operator-(const ScalarJet & a, const ScalarJet & b)
{
  return a + (-b);
}

ScalarJet
operator+(const ScalarJet & a, double b)
{
  return a + ScalarJet(Scalar::full(b, a.value().options()));
}

ScalarJet
operator+(double a, const ScalarJet & b)
{
  return b + a;
}

ScalarJet
operator-(const ScalarJet & a, double b)
{
  return a + (-b);
}

ScalarJet
operator-(double a, const ScalarJet & b)
{
  return (-b) + a;
}

ScalarJet
operator/(const ScalarJet & a, double b)
{
  return a * (1.0 / b);
}

ScalarJet
operator/(double a, const ScalarJet & b)
{
  const auto inv = 1.0 / b.value();
  const auto inv2 = inv * inv;
  return b.apply(inv, -inv2, 2.0 * inv2 * inv) * a;
}

ScalarJet
operator/(const ScalarJet & a, const ScalarJet & b)
{
  return a * (1.0 / b);
}

ScalarJet
sqrt(const ScalarJet & a)
{
  const auto r = neml2::sqrt(a.value());
  return a.apply(r, 0.5 / r, -0.25 / (r * a.value()));
}

std::pair<ScalarJet, ScalarJet>
bulk_and_shear_moduli(ElasticConstant ta, const ScalarJet & a, ElasticConstant tb,
                      const ScalarJet & b)
{
  using C = ElasticConstant;
  NEML2_ASSERT(static_cast<int>(ta) < static_cast<int>(tb),
               "elastic constants must be given sorted and distinct");
  // Formulas: the standard conversion table of isotropic elastic constants.
  if (ta == C::LAME_LAMBDA)
  {
    const auto & l = a;
    switch (tb)
    {
    case C::BULK_MODULUS:
      return {b, 1.5 * (b - l)};
    case C::SHEAR_MODULUS:
      return {l + 2.0 / 3.0 * b, b};
    case C::YOUNGS_MODULUS:
    {
      const auto R = sqrt(b * b + 9.0 * l * l + 2.0 * b * l);
      return {(b + 3.0 * l + R) / 6.0, (b - 3.0 * l + R) / 4.0};
    }
    case C::POISSONS_RATIO:
      return {l * (1.0 + b) / (3.0 * b), l * (1.0 - 2.0 * b) / (2.0 * b)};
    case C::P_WAVE_MODULUS:
      return {(b + 2.0 * l) / 3.0, (b - l) / 2.0};
    default:
      break;
    }
  }
  else if (ta == C::BULK_MODULUS)
  {
    const auto & K = a;
    switch (tb)
    {
    case C::SHEAR_MODULUS:
      return {K, b};
    case C::YOUNGS_MODULUS:
      return {K, 3.0 * K * b / (9.0 * K - b)};
    case C::POISSONS_RATIO:
      return {K, 3.0 * K * (1.0 - 2.0 * b) / (2.0 * (1.0 + b))};
    case C::P_WAVE_MODULUS:
      return {K, 0.75 * (b - K)};
    default:
      break;
    }
  }
  else if (ta == C::SHEAR_MODULUS)
  {
    const auto & G = a;
    switch (tb)
    {
    case C::YOUNGS_MODULUS:
      return {b * G / (3.0 * (3.0 * G - b)), G};
    case C::POISSONS_RATIO:
      return {2.0 * G * (1.0 + b) / (3.0 * (1.0 - 2.0 * b)), G};
    case C::P_WAVE_MODULUS:
      return {b - 4.0 / 3.0 * G, G};
    default:
      break;
    }
  }
  else if (ta == C::YOUNGS_MODULUS)
  {
    const auto & E = a;
    switch (tb)
    {
    case C::POISSONS_RATIO:
      return {E / (3.0 * (1.0 - 2.0 * b)), E / (2.0 * (1.0 + b))};
    case C::P_WAVE_MODULUS:
    {
      const auto S = sqrt(E * E + 9.0 * b * b - 10.0 * E * b);
      return {(3.0 * b - E + S) / 6.0, (3.0 * b + E - S) / 8.0};
    }
    default:
      break;
    }
  }
  else if (ta == C::POISSONS_RATIO && tb == C::P_WAVE_MODULUS)
  {
    const auto & nu = a;
    return {b * (1.0 + nu) / (3.0 * (1.0 - nu)), b * (1.0 - 2.0 * nu) / (2.0 * (1.0 - nu))};
  }
  NEML2_ASSERT(false, "no conversion from elastic constants ",
               elastic_constant_names()[static_cast<int>(ta)], " and ",
               elastic_constant_names()[static_cast<int>(tb)]);
  return {};
}
} // namespace neml2
