#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/ComposedModel.h"
#include "neml2/models/DependencyResolver.h"
#include "neml2/tensors/Scalar.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
model_from(const std::string & text, const std::string & name)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("composed.i", text)));
  return keep.back()->get_object<Model>("Models", name);
}
} // namespace

TEST(DependencyResolver, OrdersByDependencyThenInsertion)
{
  DependencyResolver r;
  r.add_node("c", {"y"}, {"z"});
  r.add_node("a", {"x"}, {"w"});
  r.add_node("b", {"w"}, {"y"});
  r.resolve();
  EXPECT_EQ(r.order(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.external_inputs(), (std::vector<std::string>{"x"}));
  EXPECT_EQ(r.unconsumed_outputs(), (std::vector<std::string>{"z"}));
  EXPECT_EQ(r.provider("y"), "b");
}

TEST(DependencyResolver, CyclesAreNamed)
{
  DependencyResolver r;
  r.add_node("p", {"b"}, {"a"});
  r.add_node("q", {"a"}, {"b"});
  auto msg = error_message<ModelError>([&] { r.resolve(); });
  expect_contains(
      msg, {"dependency cycle: p -> q -> p", "'p' needs 'b' from 'q'", "'q' needs 'a' from 'p'"});
}

TEST(DependencyResolver, TwoProvidersAreAnError)
{
  DependencyResolver r;
  r.add_node("p", {}, {"a"});
  r.add_node("q", {}, {"a"});
  expect_contains(error_message<ModelError>([&] { r.resolve(); }),
                  {"'a' is provided by both 'p' and 'q'"});
}

TEST(ComposedModel, ChainedSubModels)
{
  // y = a1*x + b1 ; z = a2*y + b2 (with y on the state axis as z's input)
  auto & m = model_from(
      "[Models]\n"
      " [second]\n type = TestAffine\n x = 'state/y'\n y = 'state/z'\n a = 3\n b = 1\n []\n"
      " [first]\n type = TestAffine\n a = 2\n b = 0.5\n []\n"
      " [both]\n type = ComposedModel\n models = 'second first'\n []\n[]\n",
      "both");
  EXPECT_EQ(m.input_names(), (std::vector<VariableName>{"state/x"}));
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"state/z"}));
  EXPECT_EQ(m.registered_models().size(), 2u);
  auto out = m.value({{"state/x", Scalar::full(1.0)}});
  EXPECT_DOUBLE_EQ(out.at("state/z").item<double>(), 3 * (2 * 1.0 + 0.5) + 1);
}

TEST(ComposedModel, AdditionalOutputs)
{
  auto & m = model_from("[Models]\n"
                        " [second]\n type = TestAffine\n x = 'state/y'\n y = 'state/z'\n []\n"
                        " [first]\n type = TestAffine\n []\n"
                        " [both]\n type = ComposedModel\n models = 'first second'\n"
                        " additional_outputs = 'state/y'\n []\n[]\n",
                        "both");
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"state/z", "state/y"}));
  auto out = m.value({{"state/x", Scalar::full(1.0)}});
  EXPECT_DOUBLE_EQ(out.at("state/y").item<double>(), 3.0);
}

TEST(ComposedModel, CyclesAreReportedWithFileLineAndObject)
{
  auto msg = error_message<ModelError>(
      []
      {
        reload_input(test::test_path("unit/base/inputs/errors/cycle.i"))
            .get_object<Model>("Models", "eq");
      });
  expect_contains(msg, {"cycle.i:14:14", "[Models/eq]", "dependency cycle: eq1 -> eq2 -> eq1",
                        "'eq1' needs 'state/a' from 'eq2'", "'eq2' needs 'state/b' from 'eq1'"});
}

TEST(ComposedModel, BadAdditionalOutput)
{
  auto msg = error_message<OptionError>(
      []
      {
        model_from("[Models]\n [first]\n type = TestAffine\n []\n"
                   " [both]\n type = ComposedModel\n models = 'first'\n"
                   " additional_outputs = 'state/q'\n []\n[]\n",
                   "both");
      });
  expect_contains(msg, {"composed.i:8:23", "[Models/both] option 'additional_outputs'",
                        "'state/q' is not an output"});
}
