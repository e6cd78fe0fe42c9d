#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/tensor.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
sqrt_model(const std::string & solver = "Newton")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text(
      "implicit.i",
      "[Solvers] [newton] type = " + solver +
          " max_its = 25 [] []\n"
          "[Models]\n"
          " [residual] type = TestSquareResidual []\n"
          " [model] type = ImplicitUpdate implicit_model = residual solver = newton []\n"
          "[]\n")));
  return keep.back()->get_object<Model>("Models", "model");
}
} // namespace

TEST(ImplicitUpdate, SolvesEveryEntryAndDifferentiatesBySensitivity)
{
  auto & m = sqrt_model();
  EXPECT_EQ(m.input_names(), (std::vector<VariableName>{"state/x", "forces/c"}));
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"state/x"}));
  const auto c = Scalar(at::tensor({4.0, 9.0, 2.0}, at::kDouble));
  const auto [y, dy] = m.value_and_dvalue({{"state/x", Scalar::full(1.0)}, {"forces/c", c}});
  EXPECT_TRUE(at::allclose(y.at("state/x"), at::sqrt(at::Tensor(c))));
  // x = sqrt(c): dx/dc = 1 / (2 sqrt(c)); the initial guess does not matter
  EXPECT_TRUE(at::allclose(dy.at("state/x").at("forces/c"), 0.5 / at::sqrt(at::Tensor(c))));
  EXPECT_FALSE(dy.at("state/x").count("state/x"));
}

TEST(ImplicitUpdate, ReportsWhichEntriesFailToConverge)
{
  for (const auto * solver : {"Newton", "NewtonWithLineSearch"})
  {
    auto & m = sqrt_model(solver);
    // x^2 = c has no real solution for the entries with c < 0 (indices 1 and 3); whether Newton
    // stalls or meets a singular Jacobian on the way, those two entries must be named.
    const auto c = Scalar(at::tensor({4.0, -1.0, 9.0, -2.0, 1.0}, at::kDouble));
    auto msg = error_message<ConvergenceError>(
        [&] {
          m.value({{"state/x", Scalar::full(1.0)}, {"forces/c", c}});
        });
    expect_contains(msg, {"model 'model' (ImplicitUpdate, solver 'newton')",
                          "for 2 of 5 batch entries", " 1: ", ", 3: "});
  }
}

TEST(ImplicitUpdate, ChecksTheImplicitModel)
{
  auto msg = error_message<Error>(
      []
      {
        Factory f(hit::parse_text(
            "bad.i", "[Solvers] [newton] type = Newton [] []\n"
                     "[Models] [rate] type = ScalarVariableRate variable = 'state/a' []\n"
                     " [model] type = ImplicitUpdate implicit_model = rate"
                     " solver = newton [] []\n"));
        f.get_object<Model>("Models", "model");
      });
  expect_contains(
      msg, {"[Models/model] option 'implicit_model'", "'state/a_rate'", "is not a residual"});
}
