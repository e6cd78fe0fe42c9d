#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/linspace.h>
#include <ATen/ops/pow.h>
#include <cmath>

#include "neml2/base/Factory.h"
#include "neml2/base/HITParser.h"
#include "neml2/base/TensorProvider.h"
#include "neml2/tensors/tensors.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
std::unique_ptr<Factory>
factory_from(const std::string & text)
{
  return std::make_unique<Factory>(hit::parse_text("tensors.i", text));
}

Tensor
tensor(Factory & f, const std::string & name)
{
  return f.get_object<TensorProvider>("Tensors", name).tensor();
}

std::unique_ptr<Factory>
shared_input(const std::string & relative)
{
  return std::make_unique<Factory>(hit::parse_file(
      test::shared_path("acceptance/neml2-seed-era/tests/unit/user_tensors/" + relative)));
}
} // namespace

TEST(UserTensors, AcceptanceFillSR2)
{
  auto f = shared_input("test_FillSR2.i");
  const double s2 = std::sqrt(2.0);
  EXPECT_EQ(tensor(*f, "1").shape_str(), "(;6)");
  EXPECT_TRUE(
      at::allclose(tensor(*f, "1"), at::tensor({1.0, 1.0, 1.0, 0.0, 0.0, 0.0}, at::kDouble)));
  EXPECT_TRUE(
      at::allclose(tensor(*f, "3"), at::tensor({1.0, 2.0, 3.0, 0.0, 0.0, 0.0}, at::kDouble)));
  EXPECT_TRUE(at::allclose(tensor(*f, "6"),
                           at::tensor({1.0, 2.0, 3.0, 4 * s2, 5 * s2, 6 * s2}, at::kDouble)));
}

TEST(UserTensors, AcceptanceLinspaceAndLogspace)
{
  // (type suffix, base shape, start value, end value) for every tensor of the two inputs
  struct Row
  {
    const char * name;
    std::vector<int64_t> base;
    double start, end;
  };
  const std::vector<Row> rows = {
      {"a", {}, 1.3, 100.5},           {"b", {3}, 1.3, 555},        {"c", {3}, 1.3, 2},
      {"d", {3, 3}, 1.3, 121},         {"e", {6}, 1.3, 11},         {"f", {3, 3, 3}, 1.3, 1.4},
      {"g", {6, 3}, 1.3, 999},         {"h", {3, 3, 3, 3}, 1.3, 2}, {"k", {6, 6}, 1.3, 1211},
      {"l", {3, 3, 3, 3, 3}, 1.3, 55}, {"m", {6, 6, 3}, 1.3, 13}};
  for (const bool log : {false, true})
  {
    auto f =
        shared_input(log ? "test_LogspacePrimitiveTensor.i" : "test_LinspacePrimitiveTensor.i");
    for (const auto & r : rows)
    {
      const auto t = tensor(*f, r.name);
      std::vector<int64_t> shape = {100, 2, 1};
      shape.insert(shape.end(), r.base.begin(), r.base.end());
      EXPECT_EQ(t.sizes(), at::IntArrayRef(shape)) << r.name;
      EXPECT_EQ(t.dynamic_dim(), 3) << r.name;
      // every component follows start + (end - start) k / 99 along the new first dimension
      auto x = at::linspace(r.start, r.end, 100, at::kDouble);
      if (log)
        x = at::pow(10.0, x);
      for (std::size_t i = 0; i < shape.size() - 1; ++i)
        x = x.unsqueeze(-1);
      EXPECT_TRUE(at::allclose(t, x.expand(shape), 1e-12, 0, /*equal_nan=*/true)) << r.name;
    }
    // the SFR4 / WFR4 spellings are the (6,3,3) and (3,3,3) types
    EXPECT_EQ(tensor(*f, "i").base_sizes(), at::IntArrayRef({6, 3, 3}));
    EXPECT_EQ(tensor(*f, "j").base_sizes(), at::IntArrayRef({3, 3, 3}));
  }
}

TEST(UserTensors, ComponentsAreRawStorage)
{
  auto f = factory_from("[Tensors]\n"
                        " [one] type = SR2 values = '1 2 3 4 5 6' []\n"
                        " [copied] type = Vec values = '1 2 3' batch_shape = (2,4) []\n"
                        " [each] type = Scalar values = '1 2 3 4 5 6' batch_shape = (2,3) []\n"
                        " [intmd] type = Scalar values = '1 2 3 4 5 6' batch_shape = (2,3)"
                        " intermediate_dimension = 1 []\n"
                        " [general] type = Tensor values = '1 2 3 4' base_shape = (2,2) []\n"
                        "[]\n");
  EXPECT_TRUE(
      at::allclose(tensor(*f, "one"), at::tensor({1.0, 2.0, 3.0, 4.0, 5.0, 6.0}, at::kDouble)));
  EXPECT_EQ(tensor(*f, "copied").shape_str(), "(2,4;3)");
  EXPECT_EQ(tensor(*f, "each").shape_str(), "(2,3;)");
  EXPECT_DOUBLE_EQ(tensor(*f, "each").index({1, 2}).item<double>(), 6.0);
  EXPECT_EQ(tensor(*f, "intmd").shape_str(), "(2|3;)");
  EXPECT_EQ(tensor(*f, "general").shape_str(), "(;2,2)");
}

TEST(UserTensors, FilledAndIdentity)
{
  auto f = factory_from("[Tensors]\n"
                        " [full] type = FullSSR4 value = 2.5 batch_shape = (3) []\n"
                        " [zeros] type = ZerosR2 []\n"
                        " [ones] type = OnesTensor base_shape = (2,5) batch_shape = (4) []\n"
                        " [empty] type = EmptyVec batch_shape = (7) []\n"
                        " [eye] type = IdentityTensor n = 4 batch_shape = (2) []\n"
                        "[]\n");
  EXPECT_EQ(tensor(*f, "full").shape_str(), "(3;6,6)");
  EXPECT_DOUBLE_EQ(tensor(*f, "full").sum().item<double>(), 2.5 * 3 * 36);
  EXPECT_EQ(tensor(*f, "zeros").shape_str(), "(;3,3)");
  EXPECT_EQ(tensor(*f, "ones").shape_str(), "(4;2,5)");
  EXPECT_DOUBLE_EQ(tensor(*f, "ones").sum().item<double>(), 40);
  EXPECT_EQ(tensor(*f, "empty").shape_str(), "(7;3)");
  EXPECT_EQ(tensor(*f, "eye").shape_str(), "(2;4,4)");
  EXPECT_DOUBLE_EQ(tensor(*f, "eye").sum().item<double>(), 8);
}

TEST(UserTensors, LinspaceOptions)
{
  auto f = factory_from("[Tensors]\n"
                        " [a] type = FullScalar value = 0 batch_shape = (5) []\n"
                        " [lin] type = LinspaceScalar start = a end = 1 nstep = 3 dim = 1 []\n"
                        " [mid] type = LinspaceScalar start = 0 end = 1 nstep = 3"
                        " group = intermediate []\n"
                        " [log] type = LogspaceScalar start = 0 end = 2 nstep = 3 base = 2 []\n"
                        "[]\n");
  EXPECT_EQ(tensor(*f, "lin").shape_str(), "(5,3;)");
  EXPECT_TRUE(at::allclose(tensor(*f, "lin").index({0}), at::tensor({0.0, 0.5, 1.0}, at::kDouble)));
  EXPECT_EQ(tensor(*f, "mid").shape_str(), "(|3;)");
  EXPECT_TRUE(at::allclose(tensor(*f, "log"), at::tensor({1.0, 2.0, 4.0}, at::kDouble)));
  auto bad = error_message<OptionError>(
      []
      {
        factory_from("[Tensors] [x] type = LinspaceSR2 start = 0 end = 1 nstep = 0 [] []\n")
            ->get_object<TensorProvider>("Tensors", "x");
      });
  expect_contains(bad, {"tensors.i:1:60", "[Tensors/x] option 'nstep'", "at least 1 point"});
}

TEST(UserTensors, Fills)
{
  auto f = factory_from("[Tensors]\n"
                        " [s] type = FullScalar value = 2 batch_shape = (3) []\n"
                        " [r2] type = FillR2 values = '1 2 3 4 5 6' []\n"
                        " [r2s] type = FillR2 values = 's' []\n"
                        " [w] type = FillWR2 values = '1 2 3' []\n"
                        " [rot] type = FillRot values = '0 0 0.5' method = standard []\n"
                        " [m] type = FillMillerIndex values = '1 1 0 -1 1 1' []\n"
                        "[]\n");
  // 6 values: symmetric, 11 22 33 23 13 12, no Mandel scaling
  EXPECT_TRUE(at::allclose(
      tensor(*f, "r2"),
      at::tensor({1.0, 6.0, 5.0, 6.0, 2.0, 4.0, 5.0, 4.0, 3.0}, at::kDouble).reshape({3, 3})));
  EXPECT_EQ(tensor(*f, "r2s").shape_str(), "(3;3,3)");
  EXPECT_EQ(tensor(*f, "w").shape_str(), "(;3)");
  // Rodrigues vector tan(theta/2) = 0.5 -> modified parameters tan(theta/4)
  const double theta = 2 * std::atan(0.5);
  EXPECT_NEAR(tensor(*f, "rot").index({2}).item<double>(), std::tan(theta / 4), 1e-14);
  EXPECT_EQ(tensor(*f, "m").shape_str(), "(2;3)");
  EXPECT_EQ(tensor(*f, "m").scalar_type(), kInt64);
  auto bad = error_message<OptionError>(
      []
      {
        factory_from("[Tensors] [x] type = FillSR2 values = '1 2' [] []\n")
            ->get_object<TensorProvider>("Tensors", "x");
      });
  expect_contains(bad, {"[Tensors/x] option 'values'", "expected 1, 3 or 6 values", "got 2"});
}

TEST(UserTensors, Orientation)
{
  auto f =
      factory_from("[Tensors]\n"
                   " [e] type = Orientation values = '0 0 0 90 0 0' angle_convention = bunge []\n"
                   " [r] type = Orientation input_type = random quantity = 50 random_seed = 3 []\n"
                   " [q] type = Orientation values = '10 20 30' quantity = 4 []\n"
                   "[]\n");
  const auto e = Rot(tensor(*f, "e"));
  EXPECT_EQ(e.shape_str(), "(2;3)");
  // (0,0,0) is the identity; phi1 = 90 degrees a rotation about z
  EXPECT_TRUE(at::allclose(e.index({0}), at::zeros({3}, at::kDouble), 0, 1e-12));
  EXPECT_NEAR(std::abs(e.index({1, 2}).item<double>()), std::tan(M_PI / 8), 1e-12);
  const auto r = Rot(tensor(*f, "r"));
  EXPECT_EQ(r.shape_str(), "(50;3)");
  EXPECT_TRUE((r.norm() <= 1.0 + 1e-12).all().item<bool>());
  EXPECT_EQ(tensor(*f, "q").shape_str(), "(4;3)");
  auto bad = error_message<OptionError>(
      []
      {
        factory_from("[Tensors] [x] type = Orientation values = '1 2' [] []\n")
            ->get_object<TensorProvider>("Tensors", "x");
      });
  expect_contains(bad, {"[Tensors/x] option 'values'", "three Euler angles"});
  auto conv = error_message<OptionError>(
      [] { factory_from("[Tensors] [x] type = Orientation angle_convention = Bunge [] []\n"); });
  expect_contains(conv, {"'Bunge' is not one of the valid values (kocks, roe, bunge)",
                         "Did you mean 'bunge'?"});
}

TEST(UserTensors, SettingsChooseDtype)
{
  auto f = factory_from(
      "[Settings] default_floating_point_type = Float32 []\n"
      "[Tensors] [a] type = FullScalar value = 1 [] [b] type = SR2 values = '1 2 3 4 5 6' [] []\n");
  EXPECT_EQ(tensor(*f, "a").scalar_type(), kFloat32);
  EXPECT_EQ(tensor(*f, "b").scalar_type(), kFloat32);
  auto bad =
      error_message<OptionError>([] { factory_from("[Settings] default_device = gpu []\n"); });
  expect_contains(bad,
                  {"tensors.i:1:29", "[Settings] option 'default_device'", "expected a device"});
}
