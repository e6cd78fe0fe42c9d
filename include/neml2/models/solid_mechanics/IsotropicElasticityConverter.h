// Isotropic linear elasticity is fixed by any two elastic constants: conversions of any such pair
// to the bulk and shear moduli, with first and second derivatives with respect to the pair.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "neml2/tensors/Scalar.h"

namespace neml2
{
/// The isotropic elastic constants. A pair is always handled sorted in this order.
enum class ElasticConstant : int
{
  LAME_LAMBDA,
  BULK_MODULUS,
  SHEAR_MODULUS,
  YOUNGS_MODULUS,
  POISSONS_RATIO,
  P_WAVE_MODULUS
};

/// How each constant is spelled in input files (LAME_LAMBDA, BULK_MODULUS, ...), in enum order.
const std::vector<std::string> & elastic_constant_names();
/// The short name a model gives the parameter holding each constant: lambda, K, G, E, nu, M.
std::string parameter_name(ElasticConstant c);

/// A Scalar with its first and second derivatives with respect to two independent variables x_0
/// and x_1. An undefined derivative stands for zero, so derivatives cost nothing unless a variable
/// is seeded with ScalarJet::variable.
class ScalarJet
{
public:
  ScalarJet() = default;
  /// A quantity independent of x_0 and x_1.
  explicit ScalarJet(Scalar value) : _v(std::move(value)) {}
  /// The variable x_i itself.
  static ScalarJet variable(const Scalar & value, std::size_t i);

  const Scalar & value() const { return _v; }
  /// d/dx_i (undefined when zero).
  const Scalar & d(std::size_t i) const { return _d[i]; }
  /// d2/(dx_i dx_j) (undefined when zero).
  const Scalar & d2(std::size_t i, std::size_t j) const { return _d2[i][j]; }

  /// f(this) given f, f' and f'' evaluated at value().
  ScalarJet apply(const Scalar & f, const Scalar & df, const Scalar & d2f) const;

  friend ScalarJet operator+(const ScalarJet & a, const ScalarJet & b);
  friend ScalarJet operator*(const ScalarJet & a, const ScalarJet & b);
  friend ScalarJet operator*(const ScalarJet & a, double b);

private:
  Scalar _v;
  std::array<Scalar, 2> _d;
  std::array<std::array<Scalar, 2>, 2> _d2;
};

ScalarJet operator-(const ScalarJet & a);
ScalarJet operator-(const ScalarJet & a, const ScalarJet & b);
ScalarJet operator+(const ScalarJet & a, double b);
ScalarJet operator+(double a, const ScalarJet & b);
ScalarJet operator-(const ScalarJet & a, double b);
ScalarJet operator-(double a, const ScalarJet & b);
ScalarJet operator*(double a, const ScalarJet & b);
ScalarJet operator/(const ScalarJet & a, double b);
ScalarJet operator/(const ScalarJet & a, const ScalarJet & b);
ScalarJet operator/(double a, const ScalarJet & b);
ScalarJet sqrt(const ScalarJet & a);

/// The bulk modulus K and the shear modulus G from the constants `a` and `b` (of types ta < tb in
/// the order of ElasticConstant), any two distinct constants. Where a pair determines the moduli
/// only through a square root (E with lambda or M), the physical root is taken.
std::pair<ScalarJet, ScalarJet> bulk_and_shear_moduli(ElasticConstant ta, const ScalarJet & a,
                                                      ElasticConstant tb, const ScalarJet & b);
} // namespace neml2
