// Linear isotropic elasticity, sigma = 3 K vol(eps) + 2 G dev(eps), with the moduli given by any
// two isotropic elastic constants (fixed values or variables).
#pragma once

#include <array>

#include "neml2/models/solid_mechanics/Elasticity.h"
#include "neml2/models/solid_mechanics/IsotropicElasticityConverter.h"

namespace neml2
{
class LinearIsotropicElasticity : public Elasticity
{
public:
  static OptionSet expected_options();
  explicit LinearIsotropicElasticity(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  /// The two constants, sorted in the order of ElasticConstant.
  std::array<ElasticConstant, 2> _types;
  std::array<const Scalar *, 2> _values;
  /// The input variables standing for constants given as variables (nullptr for fixed ones).
  std::array<const VariableBase *, 2> _variables;
};
} // namespace neml2
