#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SR2.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
model_from(const std::string & text, const std::string & name = "m")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("lc.i", text)));
  return keep.back()->get_object<Model>("Models", name);
}
} // namespace

TEST(LinearCombination, CoefficientsAreBuffersOrParametersNamedByPosition)
{
  auto & buffers = model_from("[Models] [m] type = ScalarLinearCombination "
                              "from_var = 'state/a state/b' to_var = 'state/c' "
                              "coefficients = '2 3' [] []");
  EXPECT_TRUE(buffers.named_parameters().empty());
  EXPECT_EQ(buffers.named_buffers().size(), 2u);

  // the hard way of the composition tutorial: set the coefficients by hand
  auto & params = model_from("[Models] [m] type = SR2LinearCombination "
                             "from_var = 'forces/a state/b' to_var = 'state/b_rate' "
                             "coefficients = '1 1' coefficient_as_parameter = true [] []");
  EXPECT_EQ(params.named_parameters().size(), 2u);
  params.set_parameter("c_0", Scalar::full(2.0));
  params.set_parameter("c_1", Scalar::full(-1.0));
  const auto a = SR2::fill(1, 2, 3, 4, 5, 6);
  const auto b = SR2::fill(0.5);
  const auto out = params.value({{"forces/a", a}, {"state/b", b}});
  EXPECT_TRUE(at::allclose(out.at("state/b_rate"), 2.0 * a - b));
}

TEST(LinearCombination, WrongNumberOfCoefficients)
{
  const auto msg = error_message(
      []
      {
        model_from("[Models] [m] type = ScalarLinearCombination from_var = 'state/a state/b' "
                   "to_var = 'state/c' coefficients = '1 2 3' [] []");
      });
  expect_contains(
      msg, {"lc.i:1:", "[Models/m] option 'coefficients'", "expected 1 or 2 coefficients, got 3"});
  const auto msg2 = error_message(
      []
      {
        model_from("[Models] [m] type = ScalarLinearCombination from_var = 'state/a state/b' "
                   "to_var = 'state/c' coefficient_as_parameter = 'true true false' [] []");
      });
  expect_contains(msg2, {"option 'coefficient_as_parameter'", "expected 1 or 2 entries, got 3"});
}

TEST(LinearCombination, ANonlinearCoefficientMustBeAScalar)
{
  // the coefficient names an input the model already reads, as an SR2
  const auto msg = error_message(
      []
      {
        model_from("[Models] [m] type = SR2LinearCombination from_var = 'state/A' "
                   "to_var = 'state/B' coefficients = 'state/A' coefficient_as_parameter = true "
                   "[] []");
      });
  expect_contains(msg, {"option 'coefficients'", "'state/A' is an input of type SR2",
                        "parameter 'c_0' is a Scalar"});
}

TEST(LinearCombination, ParameterModelsJoinACompositionUnlessTurnedOff)
{
  const std::string models = "[Models]\n"
                             " [k] type = ScalarConstantParameter value = 4 []\n"
                             " [sum] type = ScalarLinearCombination from_var = 'state/a' "
                             "to_var = 'state/b' coefficients = 'k' coefficient_as_parameter = "
                             "true []\n";
  auto & automatic = model_from(models + " [m] type = ComposedModel models = 'sum' []\n[]\n");
  EXPECT_EQ(automatic.input_names(), (std::vector<VariableName>{"state/a"}));
  const auto out = automatic.value({{"state/a", Scalar::full(1.5)}});
  EXPECT_DOUBLE_EQ(Tensor(out.at("state/b")).item<double>(), 6.0);

  auto & manual = model_from(models + " [m] type = ComposedModel models = 'sum' "
                                      "automatic_nonlinear_parameter = false []\n[]\n");
  EXPECT_EQ(manual.input_names(), (std::vector<VariableName>{"state/a", "parameters/k"}));
}
