#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/rand.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/Scalar.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
elasticity(const std::string & body)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(
      hit::parse_text("elasticity.i", "[Models]\n [model]\n  type = LinearIsotropicElasticity\n" +
                                          body + " []\n[]\n")));
  return keep.back()->get_object<Model>("Models", "model");
}
} // namespace

TEST(LinearIsotropicElasticity, AgreesWithTheIsotropicStiffness)
{
  auto & m = elasticity("  coefficients = '200 0.25'\n"
                        "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n");
  const auto Ee = SR2(at::rand({5, 6}, default_tensor_options()));
  const auto C = SSR4::isotropic_E_nu(Scalar::full(200.0), Scalar::full(0.25));
  const auto S = m.value({{"state/internal/Ee", Ee}}).at("state/S");
  EXPECT_TRUE(at::allclose(S, C * Ee));
}

TEST(LinearIsotropicElasticity, ParametersAreNamedAfterTheConstants)
{
  auto & fixed = elasticity("  coefficients = '0.3 100'\n"
                            "  coefficient_types = 'POISSONS_RATIO YOUNGS_MODULUS'\n");
  EXPECT_EQ(fixed.named_parameters().size(), 2u);
  EXPECT_TRUE(fixed.named_parameters().count("E"));
  EXPECT_TRUE(fixed.named_parameters().count("nu"));

  // A constant given as a variable is an input, not a parameter.
  auto & nl = elasticity("  coefficients = 'state/G 80'\n"
                         "  coefficient_types = 'SHEAR_MODULUS BULK_MODULUS'\n"
                         "  coefficient_as_parameter = 'true false'\n");
  EXPECT_TRUE(nl.has_input("state/G"));
  EXPECT_TRUE(nl.named_parameters().empty());
  EXPECT_TRUE(nl.named_buffers().count("K"));
}

TEST(LinearIsotropicElasticity, RateAndComplianceFormsRenameTheVariables)
{
  auto & m = elasticity("  coefficients = '100 0.3'\n"
                        "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n"
                        "  compliance = true\n  rate_form = true\n");
  EXPECT_EQ(m.input_names(), (std::vector<VariableName>{"state/S_rate"}));
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"state/internal/Ee_rate"}));
}

TEST(LinearIsotropicElasticity, WrongNumberOfCoefficients)
{
  auto msg = error_message<Error>(
      [&]
      {
        elasticity("  coefficients = '100'\n"
                   "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n");
      });
  expect_contains(msg, {"coefficients", "expected 2 coefficients, got 1"});
}

TEST(LinearIsotropicElasticity, RepeatedConstant)
{
  auto msg = error_message<Error>(
      [&]
      {
        elasticity("  coefficients = '100 200'\n"
                   "  coefficient_types = 'YOUNGS_MODULUS YOUNGS_MODULUS'\n");
      });
  expect_contains(msg, {"coefficient_types", "both YOUNGS_MODULUS", "two distinct"});
}

TEST(LinearIsotropicElasticity, UnknownConstant)
{
  auto msg = error_message<Error>(
      [&]
      {
        elasticity("  coefficients = '100 0.3'\n"
                   "  coefficient_types = 'YOUNG_MODULUS POISSONS_RATIO'\n");
      });
  expect_contains(
      msg, {"elasticity.i:5", "'YOUNG_MODULUS' is not one of the valid values", "YOUNGS_MODULUS"});
}
