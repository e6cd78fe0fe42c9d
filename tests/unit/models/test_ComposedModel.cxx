#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/rand.h>
#include <torch/csrc/jit/ir/ir.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/ComposedModel.h"
#include "neml2/models/DependencyResolver.h"
#include "neml2/jit/utils.h"
#include "neml2/tensors/SR2.h"
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

namespace
{
/// Elasticity -> Mandel stress -> von Mises -> yield function with linear hardening -> Perzyna.
Model &
viscoplastic_rate(bool jit)
{
  return model_from(std::string("[Models]\n"
                                " [elasticity] type = LinearIsotropicElasticity\n"
                                "  coefficients = '1000 0.3'\n"
                                "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO' []\n"
                                " [mandel] type = IsotropicMandelStress []\n"
                                " [vonmises] type = SR2Invariant invariant_type = VONMISES\n"
                                "  tensor = 'state/internal/M' invariant = 'state/internal/s' []\n"
                                " [hardening] type = LinearIsotropicHardening"
                                " hardening_modulus = 50 []\n"
                                " [yield] type = YieldFunction yield_stress = 2\n"
                                "  isotropic_hardening = 'state/internal/k' []\n"
                                " [rate] type = PerzynaPlasticFlowRate reference_stress = 20"
                                " exponent = 3 []\n"
                                " [model] type = ComposedModel\n"
                                "  models = 'elasticity mandel vonmises hardening yield rate' []\n"
                                "[]\n") +
                        (jit ? "" : "[Settings] disable_jit = true []\n"),
                    "model");
}

std::size_t
count_nodes(const torch::jit::Graph & g)
{
  std::size_t n = 0;
  for (auto it = g.nodes().begin(); it != g.nodes().end(); ++it)
    ++n;
  return n;
}
} // namespace

TEST(ComposedModel, FilteredDerivativesAreTheRequestedBlocksOnly)
{
  for (const bool jit : {true, false})
  {
    auto & m = viscoplastic_rate(jit);
    at::manual_seed(2);
    const ValueMap in = {
        {"state/internal/Ee", SR2(at::rand({4, 6}, default_tensor_options()).mul(0.01))},
        {"state/internal/ep", Scalar(at::rand({4}, default_tensor_options()).mul(0.01))}};
    const VariableName y("state/internal/gamma_rate"), Ee("state/internal/Ee"),
        ep("state/internal/ep");

    for (int i = 0; i < 3;
         ++i) // past the profiling runs, so the graphs below are the optimized ones
      m.evaluate(in, Request::all());
    const auto full = m.evaluate(in, Request::all());
    const std::size_t full_nodes = jit ? count_nodes(*utils::last_executed_optimized_graph()) : 0;
    EXPECT_EQ(full.derivatives.at(y).size(), 2u);

    const auto request = Request::all().with_respect_to({Ee});
    for (int i = 0; i < 3; ++i)
      m.evaluate(in, request);
    const auto part = m.evaluate(in, request);
    ASSERT_EQ(part.derivatives.at(y).size(), 1u) << "jit " << jit;
    EXPECT_TRUE(at::allclose(part.derivatives.at(y).at(Ee), full.derivatives.at(y).at(Ee)));
    ASSERT_EQ(part.second_derivatives.at(y).size(), 1u);
    ASSERT_EQ(part.second_derivatives.at(y).at(Ee).size(), 1u);
    EXPECT_TRUE(at::allclose(part.second_derivatives.at(y).at(Ee).at(Ee),
                             full.second_derivatives.at(y).at(Ee).at(Ee)));
    EXPECT_TRUE(at::allclose(part.values.at(y), full.values.at(y)));
    if (jit)
    {
      // the blocks with respect to ep are no outputs, so the optimizer removed their computation
      const auto part_nodes = count_nodes(*utils::last_executed_optimized_graph());
      EXPECT_LT(part_nodes, full_nodes);
    }
  }
}
