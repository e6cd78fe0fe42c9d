#include <gtest/gtest.h>

#include <ATen/ops/equal.h>
#include <ATen/ops/full.h>
#include <ATen/ops/rand.h>
#include <ATen/TensorOperators.h>
#include <thread>

#include "neml2/base/HITParser.h"
#include "neml2/jit/TraceCache.h"
#include "neml2/jit/utils.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::expect_contains;

namespace
{
const std::string seed_input = std::string(NEML2_SOURCE_DIR) + "/examples/jit/input.i";

/// A fresh copy of the seed model (its own trace cache), optionally with extra HIT.
Model &
seed_model(const std::string & extra = "")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_file_with_overrides(seed_input, extra)));
  return keep.back()->get_object<Model>("Models", "eq");
}

/// Seed inputs with batch shape `shape` and reproducible random values.
ValueMap
seed_inputs(TensorShapeRef shape, int seed = 0)
{
  at::manual_seed(seed);
  ValueMap in;
  for (const auto * name : {"state/a", "state/b", "state/c", "old_state/a", "old_state/b",
                            "old_state/c", "old_forces/t"})
    in[name] = Tensor(at::rand(shape, default_tensor_options()), shape.size());
  in["forces/t"] = Tensor(at::rand(shape, default_tensor_options()).add(1.0), shape.size());
  return in;
}

/// (a - a_n) / (t - t_n) etc. computed by hand.
ValueMap
expected(const ValueMap & in)
{
  const at::Tensor dt = in.at("forces/t") - in.at("old_forces/t");
  Size dyn = 0;
  for (const auto & [n, t] : in)
    dyn = std::max(dyn, t.dynamic_dim());
  ValueMap out;
  for (const auto * v : {"a", "b", "c"})
    out[std::string("state/") + v + "_rate"] =
        Tensor((in.at(std::string("state/") + v) - in.at(std::string("old_state/") + v)) / dt, dyn);
  return out;
}

std::size_t
count(const std::string & text, const std::string & what)
{
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
    ++n;
  return n;
}

void
expect_equal(const ValueMap & a, const ValueMap & b)
{
  ASSERT_EQ(a.size(), b.size());
  for (const auto & [k, v] : a)
  {
    ASSERT_TRUE(b.count(k)) << k;
    EXPECT_EQ(v.sizes(), b.at(k).sizes()) << k;
    EXPECT_EQ(v.dynamic_dim(), b.at(k).dynamic_dim()) << k;
    EXPECT_TRUE(at::equal(v, b.at(k))) << k;
  }
}
} // namespace

TEST(JIT, OptimizedSeedGraphSharesTheTimeIncrement)
{
  auto & model = seed_model();
  const auto in = seed_inputs({1});
  for (int i = 0; i < 10; ++i)
    model.value(in);
  const auto optimized = utils::last_executed_optimized_graph()->toString(false);
  EXPECT_EQ(count(optimized, "aten::sub("), 4u) << optimized;
  EXPECT_EQ(count(optimized, "aten::div("), 3u) << optimized;
  // The one t - t_n is the one shared by the three divisions.
  EXPECT_EQ(count(optimized, "aten::sub(%eq::forces/t, %eq::old_forces/t"), 1u) << optimized;
  EXPECT_EQ(model.optimized_graph(), optimized);

  const auto traced = model.traced_graph();
  EXPECT_EQ(count(traced, "aten::sub("), 6u) << traced;
  EXPECT_EQ(count(traced, "aten::sub(%eq::forces/t, %eq::old_forces/t"), 3u) << traced;
  EXPECT_EQ(count(traced, "aten::div("), 3u) << traced;
}

TEST(JIT, FirstEvaluationRunsTheProfilingGraph)
{
  auto & model = seed_model();
  model.value(seed_inputs({1}));
  const auto g = utils::last_executed_optimized_graph()->toString(false);
  expect_contains(g, {"prim::profile", "%eq::state/a"});
}

TEST(JIT, ResultsEqualEagerAndHandComputed)
{
  auto & jit = seed_model();
  auto & eager = seed_model("Models/eq/jit := false");
  ASSERT_TRUE(jit.jit_enabled());
  ASSERT_FALSE(eager.jit_enabled());
  for (const auto & shape : {TensorShape{1}, TensorShape{1000}, TensorShape{10, 7}, TensorShape{}})
    for (int call = 0; call < 3; ++call)
    {
      const auto in = seed_inputs(shape, call);
      const auto a = jit.value(in);
      const auto b = eager.value(in);
      expect_equal(a, b);
      expect_equal(a, expected(in));
    }
}

TEST(JIT, TracedAtOneBatchSizeServesOthersWithoutRetracing)
{
  auto & model = seed_model();
  model.value(seed_inputs({1}));
  EXPECT_EQ(model.trace_cache().num_traces(), 1u);
  const auto before = jit::statistics().traces;
  for (const auto & shape : {TensorShape{1000}, TensorShape{10, 7}, TensorShape{3, 2, 5}})
  {
    const auto in = seed_inputs(shape, 3);
    const auto out = model.value(in);
    expect_equal(out, expected(in));
    EXPECT_EQ(out.at("state/a_rate").sizes(), at::IntArrayRef(shape));
  }
  EXPECT_EQ(model.trace_cache().num_traces(), 1u);
  EXPECT_EQ(jit::statistics().traces, before);
}

TEST(JIT, MixedBatchShapesAreExact)
{
  // t_n unbatched, t with a different batch shape than the states: no flattening, still exact.
  auto & model = seed_model();
  auto in = seed_inputs({4, 3});
  in["old_forces/t"] = Scalar::full(0.0);
  in["forces/t"] = Tensor(at::rand({3}, default_tensor_options()).add(1.0), 1);
  expect_equal(model.value(in), expected(in));
  expect_equal(model.value(in), expected(in));
  in["state/a"] = Tensor(at::rand({4, 3}, default_tensor_options()), 2);
  expect_equal(model.value(in), expected(in));
}

TEST(JIT, SameTensorForTwoInputsIsTracedCorrectly)
{
  // The tracer identifies inputs by tensor object; giving one tensor twice must not merge them.
  auto & model = seed_model();
  auto x = Scalar::full(2.0);
  ValueMap in = {{"state/a", x},
                 {"old_state/a", x},
                 {"state/b", x},
                 {"old_state/b", Scalar::full(1.0)},
                 {"state/c", x},
                 {"old_state/c", Scalar::full(0.0)},
                 {"forces/t", Scalar::full(0.5)},
                 {"old_forces/t", Scalar::full(0.0)}};
  model.value(in);
  auto other = in;
  other["state/a"] = Scalar::full(4.0);
  const auto out = model.value(other);
  EXPECT_DOUBLE_EQ(out.at("state/a_rate").item<double>(), 4.0);
  EXPECT_DOUBLE_EQ(out.at("state/b_rate").item<double>(), 2.0);
}

TEST(JIT, DisableJitSettingAndJitOptionRunEagerly)
{
  auto & by_settings = seed_model("Settings/disable_jit = true");
  auto & by_option = seed_model("Models/eq/jit := false");
  auto & by_submodel = seed_model("Models/eq2/jit = false");
  EXPECT_FALSE(by_settings.jit_enabled());
  EXPECT_FALSE(by_option.jit_enabled());
  EXPECT_FALSE(by_submodel.jit_enabled());
  const auto in = seed_inputs({5});
  const auto before = jit::statistics().traces;
  for (auto * m : {&by_settings, &by_option})
  {
    expect_equal(m->value(in), expected(in));
    EXPECT_EQ(m->trace_cache().num_traces(), 0u);
    // Nothing below an eager model is traced either.
    for (const auto & sub : m->registered_models())
      EXPECT_EQ(sub->trace_cache().num_traces(), 0u);
  }
  EXPECT_EQ(jit::statistics().traces, before);
}

TEST(JIT, ComposedModelFallsBackToTracingEachSubModel)
{
  // eq2 does not allow JIT: eq is not traced as a whole, eq1 and eq3 are traced on their own.
  auto & model = seed_model("Models/eq2/jit = false");
  const auto in = seed_inputs({6});
  expect_equal(model.value(in), expected(in));
  EXPECT_EQ(model.trace_cache().num_traces(), 0u);
  for (const auto & sub : model.registered_models())
    EXPECT_EQ(sub->trace_cache().num_traces(), sub->name() == "eq2" ? 0u : 1u) << sub->name();
}

TEST(JIT, ParametersAndBuffersAreGraphInputs)
{
  Factory f(
      hit::parse_text("p.i", "[Models]\n [m]\n type = TestAffine\n a = 2\n b = 1\n []\n[]\n"));
  auto & m = f.get_object<Model>("Models", "m");
  auto x = Scalar::full({3}, 1.5);
  EXPECT_TRUE(at::equal(m.value({{"state/x", x}}).at("state/y"), at::full({3}, 4.0, at::kDouble)));
  expect_contains(m.traced_graph(), {"%m::state/x", "%m::a", "%m::b"});
  // New parameter and buffer values are seen without retracing.
  m.get_parameter("a") = Scalar::full(-1.0);
  m.get_buffer("b") = Scalar::full({3}, 10.0);
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(
        at::equal(m.value({{"state/x", x}}).at("state/y"), at::full({3}, 8.5, at::kDouble)));
  // a batched buffer changes the key (its dynamic dimension), so it is traced once more.
  EXPECT_EQ(m.trace_cache().num_traces(), 2u);
}

TEST(JIT, UntraceableModelFallsBackWithOneWarning)
{
  test::WarningCapture warnings;
  Factory f(hit::parse_text("u.i", "[Models]\n [u]\n type = TestUntraceable\n []\n[]\n"));
  auto & m = f.get_object<Model>("Models", "u");
  for (int i = 0; i < 3; ++i)
  {
    auto y = m.value({{"state/x", Scalar::full({2}, 2.0)}}).at("state/y");
    EXPECT_TRUE(at::equal(y, at::full({2}, 6.0, at::kDouble)));
  }
  ASSERT_EQ(warnings.messages().size(), 1u);
  expect_contains(warnings.messages()[0], {"model 'u' (TestUntraceable) cannot be traced",
                                           "evaluated eagerly", "item_double"});
  EXPECT_EQ(m.trace_cache().num_traces(), 0u);
}

TEST(JIT, ModelsThatBakeBatchSizesAreTracedPerShape)
{
  test::WarningCapture warnings;
  Factory f(hit::parse_text("l.i", "[Models]\n [l]\n type = TestLeakySize\n []\n[]\n"));
  auto & m = f.get_object<Model>("Models", "l");
  for (const auto & shape : {TensorShape{1}, TensorShape{5}, TensorShape{10, 7}, TensorShape{5}})
  {
    auto x = Tensor(at::rand(shape, default_tensor_options()), static_cast<Size>(shape.size()));
    auto y = m.value({{"state/x", x}}).at("state/y");
    EXPECT_TRUE(at::equal(y, at::Tensor(x) * 2.0));
    EXPECT_EQ(y.sizes(), x.sizes());
  }
  EXPECT_EQ(m.trace_cache().num_traces(), 3u); // (1), (5), (70): the second (5) reuses its trace
  ASSERT_EQ(warnings.messages().size(), 1u);
  expect_contains(warnings.messages()[0], {"model 'l' (TestLeakySize) bakes batch sizes"});
}

TEST(JIT, NoGraphYetIsAnError)
{
  std::thread t(
      []
      {
        auto msg = test::error_message<Error>([] { utils::last_executed_optimized_graph(); });
        expect_contains(msg, {"no traced graph has been executed on this thread"});
      });
  t.join();
}
