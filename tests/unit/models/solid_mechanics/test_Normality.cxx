#include <gtest/gtest.h>

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
normality(const std::string & from, const std::string & to)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(
      hit::parse_text("normality.i", "[Models]\n"
                                     " [hardening]\n  type = VoceIsotropicHardening\n"
                                     "  saturated_hardening = 100\n  saturation_rate = 2\n []\n"
                                     " [model]\n  type = Normality\n  model = 'hardening'\n"
                                     "  function = 'state/internal/k'\n  from = '" +
                                         from + "'\n  to = '" + to + "'\n []\n[]\n")));
  return keep.back()->get_object<Model>("Models", "model");
}
} // namespace

TEST(Normality, TakesTheInputsOfTheFunction)
{
  auto & m = normality("state/internal/ep", "state/internal/Nep");
  EXPECT_EQ(m.input_names(), (std::vector<VariableName>{"state/internal/ep"}));
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"state/internal/Nep"}));
  // dk/dep = R d exp(-d ep)
  const auto out = m.value({{"state/internal/ep", Scalar::full(0.0)}});
  EXPECT_NEAR(Scalar(out.at("state/internal/Nep")).item_double(), 200.0, 1e-12);
}

TEST(Normality, ArgumentsAndTargetsPairUp)
{
  auto msg = error_message<Error>(
      [&] { normality("state/internal/ep", "state/internal/Nep state/internal/other"); });
  expect_contains(msg, {"'to'", "1 arguments in 'from' but 2 variables in 'to'"});
}

TEST(Normality, ArgumentsAreInputsOfTheFunction)
{
  auto msg = error_message<Error>([&] { normality("state/internal/e", "state/internal/N"); });
  expect_contains(msg, {"'state/internal/e' is not an input of model 'hardening'"});
}

TEST(Normality, SecondDerivativesAreRefused)
{
  auto & m = normality("state/internal/ep", "state/internal/Nep");
  auto msg = error_message<ModelError>(
      [&] {
        m.d2value({{"state/internal/ep", Scalar::full(0.1)}});
      });
  expect_contains(msg, {"model 'model' (Normality) does not provide second derivatives"});
}
