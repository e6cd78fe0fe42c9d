#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>
#include <ATen/TensorOperators.h>

#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/Tensor.h"
#include "neml2/tensors/Vec.h"
#include "neml2_testing/helpers.h"

using namespace neml2;

TEST(TensorBase, BatchLayout)
{
  auto t = Tensor(at::rand({5, 3, 2, 8}, default_tensor_options()), 2);
  EXPECT_EQ(t.batch_dim(), 2);
  EXPECT_EQ(t.dynamic_dim(), 2);
  EXPECT_EQ(t.intmd_dim(), 0);
  EXPECT_EQ(t.base_dim(), 2);
  EXPECT_EQ(t.batch_sizes().concrete(), TensorShape({5, 3}));
  EXPECT_EQ(t.base_sizes(), TensorShapeRef({2, 8}));
  EXPECT_EQ(t.base_numel(), 16);
  EXPECT_EQ(t.shape_str(), "(5,3;2,8)");

  auto u = Tensor(at::rand({5, 4, 6}, default_tensor_options()), 1, 1);
  EXPECT_EQ(u.intmd_sizes(), TensorShapeRef({4}));
  EXPECT_EQ(u.batch_sizes().concrete(), TensorShape({5, 4}));
  EXPECT_EQ(u.shape_str(), "(5|4;6)");
  EXPECT_EQ(Scalar::full(2.0).shape_str(), "(;)");
}

TEST(TensorBase, InvalidBatchLayoutIsAShapeError)
{
  auto msg = test::error_message<ShapeError>([] { Tensor(at::rand({2, 3}), 3); });
  test::expect_contains(msg, {"cannot mark 3 dynamic", "[2, 3]"});
  auto msg2 = test::error_message<ShapeError>([] { SR2(at::rand({4, 5})); });
  test::expect_contains(msg2, {"(4;5)", "base shape [6]"});
}

TEST(TensorBase, FactoriesUseFloat64ByDefault)
{
  EXPECT_EQ(Scalar::full(1.5).scalar_type(), kFloat64);
  EXPECT_EQ(SR2::zeros({5, 2}).sizes(), at::IntArrayRef({5, 2, 6}));
  EXPECT_EQ(SR2::zeros({5, 2}).dynamic_dim(), 2);
  EXPECT_EQ(SSR4::ones().sizes(), at::IntArrayRef({6, 6}));
  EXPECT_EQ(Vec::full({3}, 2.0, TensorOptions().dtype(kFloat32)).scalar_type(), kFloat32);
  EXPECT_EQ(Tensor::zeros({4}, {2, 2}).shape_str(), "(4;2,2)");
}

TEST(TensorBase, SR2FillUsesMandelScaling)
{
  auto s = SR2::fill(1, 2, 3, 4, 5, 6);
  const double r = std::sqrt(2.0);
  auto expected = at::tensor({1.0, 2.0, 3.0, 4 * r, 5 * r, 6 * r}, default_tensor_options());
  EXPECT_TRUE(at::allclose(s, expected));
  EXPECT_TRUE(at::allclose(SR2::fill(2.0), at::tensor({2.0, 2.0, 2.0, 0.0, 0.0, 0.0})));
}

TEST(TensorBase, ArithmeticKeepsTypesAndBroadcastsScalars)
{
  auto a = SR2(at::rand({4, 6}, default_tensor_options()));
  auto b = SR2(at::rand({4, 6}, default_tensor_options()));
  auto s = Scalar(at::rand({4}, default_tensor_options()));
  SR2 c = a + b;
  SR2 d = a * s;
  SR2 e = s * a - b / s;
  SR2 f = 2.0 * a + 1.0;
  EXPECT_TRUE(at::allclose(c, at::Tensor(a) + at::Tensor(b)));
  EXPECT_TRUE(at::allclose(d, at::Tensor(a) * at::Tensor(s).unsqueeze(-1)));
  EXPECT_TRUE(at::allclose(e, at::Tensor(a) * at::Tensor(s).unsqueeze(-1) -
                                  at::Tensor(b) / at::Tensor(s).unsqueeze(-1)));
  EXPECT_TRUE(at::allclose(f, at::Tensor(a) * 2.0 + 1.0));
  EXPECT_EQ(d.dynamic_dim(), 1);

  Scalar q = 1.0 / s - s * s;
  EXPECT_TRUE(at::allclose(q, 1.0 / at::Tensor(s) - at::Tensor(s) * at::Tensor(s)));
  Scalar r = 3.0 - s;
  EXPECT_TRUE(at::allclose(r, 3.0 - at::Tensor(s)));
  EXPECT_TRUE(at::allclose(-s, -at::Tensor(s)));
}

TEST(TensorBase, BatchBroadcastAlignsAtTheLastDynamicDimension)
{
  auto a = Scalar(at::rand({7}, default_tensor_options()));
  auto b = SR2(at::rand({3, 1, 6}, default_tensor_options()), 2);
  SR2 c = b * a;
  EXPECT_EQ(c.shape_str(), "(3,7;6)");
  // An unbatched operand broadcasts against anything.
  EXPECT_EQ((SR2::ones() * a).shape_str(), "(7;6)");
}

TEST(TensorBase, IntermediateDimensionsAlignWithIntermediateDimensions)
{
  // a: dynamic (5), intermediate (4); b: dynamic (5), no intermediate dims.
  auto a = Scalar(at::rand({5, 4}, default_tensor_options()), 1, 1);
  auto b = Scalar(at::rand({5}, default_tensor_options()), 1, 0);
  Scalar c = a * b;
  EXPECT_EQ(c.shape_str(), "(5|4;)");
  EXPECT_TRUE(at::allclose(c, at::Tensor(a) * at::Tensor(b).unsqueeze(1)));
}

TEST(TensorBase, MismatchedShapesNameBothShapes)
{
  auto a = Scalar(at::rand({5}, default_tensor_options()));
  auto b = Scalar(at::rand({3}, default_tensor_options()));
  auto msg = test::error_message<ShapeError>([&] { (void)(a + b); });
  test::expect_contains(msg, {"operator+", "(5;)", "(3;)", "do not broadcast"});

  auto t1 = Tensor(at::rand({2, 3}, default_tensor_options()), 1);
  auto t2 = Tensor(at::rand({2, 4}, default_tensor_options()), 1);
  auto msg2 = test::error_message<ShapeError>([&] { (void)(t1 * t2); });
  test::expect_contains(msg2, {"operator*", "base shapes differ", "(2;3)", "(2;4)"});
}

TEST(TensorBase, DynamicShapeOperations)
{
  auto a = SR2(at::rand({6}, default_tensor_options()));
  auto e = a.dynamic_expand({4, 3});
  EXPECT_EQ(e.shape_str(), "(4,3;6)");
  auto r = e.contiguous().dynamic_reshape({12});
  EXPECT_EQ(r.shape_str(), "(12;6)");
  auto i = r.dynamic_index({at::indexing::Slice(0, 5)});
  EXPECT_EQ(i.shape_str(), "(5;6)");
  auto j = r.batch_index({2});
  EXPECT_EQ(j.shape_str(), "(;6)");
  EXPECT_EQ(a.dynamic_unsqueeze(0).shape_str(), "(1;6)");
  auto msg = test::error_message<ShapeError>([&] { e.dynamic_expand({3}); });
  test::expect_contains(msg, {"cannot expand", "(4,3;6)"});
}

TEST(TensorBase, ItemIsForbiddenWhileNotBatched)
{
  EXPECT_DOUBLE_EQ(Scalar::full(2.5).item_double(), 2.5);
  auto msg = test::error_message<ShapeError>(
      [] { Scalar(at::rand({3}, default_tensor_options())).item_double(); });
  test::expect_contains(msg, {"unbatched", "(3;)"});
}
