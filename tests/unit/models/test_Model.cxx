#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/rand.h>
#include <ATen/TensorOperators.h>

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
Factory &
factory(const std::string & text)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("model_test.i", text)));
  return *keep.back();
}

Model &
rate_model()
{
  return factory("[Models]\n [r]\n type = ScalarVariableRate\n variable = 'state/a'\n []\n[]\n")
      .get_object<Model>("Models", "r");
}

ValueMap
rate_inputs(const TraceableTensorShape & shape)
{
  return {{"state/a", Scalar::full(shape, 3.0)},
          {"old_state/a", Scalar::full(shape, 1.0)},
          {"forces/t", Scalar::full(shape, 0.5)},
          {"old_forces/t", Scalar::full(shape, 0.25)}};
}
} // namespace

TEST(Model, VariableRateValues)
{
  auto & m = rate_model();
  EXPECT_EQ(m.input_names(),
            (std::vector<VariableName>{"state/a", "old_state/a", "forces/t", "old_forces/t"}));
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"state/a_rate"}));
  auto out = m.value(rate_inputs({4}));
  EXPECT_TRUE(at::allclose(out.at("state/a_rate"), at::full({4}, 8.0, default_tensor_options())));
  EXPECT_EQ(out.at("state/a_rate").dynamic_dim(), 1);
}

TEST(Model, SR2VariableRateWithCustomNames)
{
  auto & m = factory("[Models]\n [r]\n type = SR2VariableRate\n variable = 'forces/E'\n"
                     " time = 'forces/time'\n rate = 'forces/Edot'\n []\n[]\n")
                 .get_object<Model>("Models", "r");
  auto E = SR2(at::rand({3, 6}, default_tensor_options()));
  auto En = SR2(at::rand({3, 6}, default_tensor_options()));
  auto out = m.value({{"forces/E", E},
                      {"old_forces/E", En},
                      {"forces/time", Scalar::full(2.0)},
                      {"old_forces/time", Scalar::full(1.5)}});
  EXPECT_TRUE(at::allclose(out.at("forces/Edot"), (at::Tensor(E) - at::Tensor(En)) / 0.5));
}

TEST(Model, MissingInputsAreNamed)
{
  auto & m = rate_model();
  auto in = rate_inputs({2});
  in.erase("old_forces/t");
  in.erase("state/a");
  auto msg = error_message<ModelError>([&] { m.value(in); });
  expect_contains(msg, {"model 'r' is missing inputs state/a [Scalar], old_forces/t [Scalar]",
                        "Inputs given: forces/t, old_state/a"});
}

TEST(Model, UnknownInputsAreRejectedWithASuggestion)
{
  auto & m = rate_model();
  auto in = rate_inputs({2});
  in.emplace("state/A", Scalar::full(1.0));
  auto msg = error_message<ModelError>([&] { m.value(in); });
  expect_contains(msg, {"model 'r' has no input variable 'state/A'", "Did you mean 'state/a'?"});
}

TEST(Model, WronglyShapedInputsNameTheVariableAndShapes)
{
  auto & m = rate_model();
  auto in = rate_inputs({2});
  in["state/a"] = SR2::zeros({2});
  auto msg = error_message<ShapeError>([&] { m.value(in); });
  expect_contains(msg, {"variable 'state/a' is a Scalar with base shape []", "(2;6)"});

  auto in2 = rate_inputs({2});
  in2["forces/t"] = Scalar::full({3}, 1.0);
  auto msg2 = error_message<ShapeError>([&] { m.value(in2); });
  expect_contains(
      msg2, {"batch shapes of inputs", "'state/a' (2;)", "'forces/t' (3;)", "do not broadcast"});
}

TEST(Model, WronglyTypedInputsAreRejected)
{
  auto & m = rate_model();
  auto in = rate_inputs({2});
  in["state/a"] = Tensor(at::ones({2}, TensorOptions().dtype(kInt64)), 1);
  auto msg = error_message<TypeError>([&] { m.value(in); });
  expect_contains(msg, {"input 'state/a' has dtype Long", "floating-point"});
}

TEST(Model, ParametersAndBuffers)
{
  auto & m = factory("[Models]\n [m]\n type = TestAffine\n a = 3\n b = 0.5\n []\n[]\n")
                 .get_object<Model>("Models", "m");
  EXPECT_EQ(m.named_parameters().size(), 1u);
  EXPECT_EQ(m.named_buffers().size(), 1u);
  auto out = m.value({{"state/x", Scalar::full(2.0)}});
  EXPECT_DOUBLE_EQ(out.at("state/y").item<double>(), 6.5);
  auto & a = m.get_parameter("a");
  a = Scalar::full(-1.0);
  EXPECT_DOUBLE_EQ(Tensor(a).item<double>(), -1.0);
  EXPECT_DOUBLE_EQ(m.value({{"state/x", Scalar::full(2.0)}}).at("state/y").item<double>(), -1.5);
  expect_contains(error_message<ModelError>([&] { m.get_parameter("A"); }),
                  {"model 'm' has no parameter 'A'", "Did you mean 'a'?"});
  expect_contains(error_message<ShapeError>([&] { m.set_parameter("a", SR2::zeros()); }),
                  {"'m.a' is a Scalar", "(;6)"});
}

TEST(Model, SummaryListsEverything)
{
  auto & m = factory("[Models]\n [m]\n type = TestAffine\n []\n [c]\n type = ComposedModel\n"
                     " models = 'm'\n []\n[]\n")
                 .get_object<Model>("Models", "c");
  std::ostringstream os;
  os << m;
  expect_contains(os.str(), {"Name:       c", "Type:       ComposedModel", "Dtype:      Double",
                             "Device:     cpu", "Inputs:     state/x [Scalar]",
                             "Outputs:    state/y [Scalar]", "Parameters: m.a [Scalar]",
                             "Buffers:    m.b [Scalar]", "Sub-models: m [TestAffine]"});
}
