// Creation of every tensor type, the batch layout bookkeeping of TensorBase (shape operations per
// dimension group and their errors), batch broadcasting in binary operations, linspace/logspace
// and concatenation/stacking.
#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/equal.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>
#include <cmath>
#include <sstream>
#include <type_traits>

#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/tensors.h"
#include "neml2_testing/helpers.h"
#include "neml2_testing/tensors.h"

using namespace neml2;
using at::indexing::None;
using at::indexing::Slice;
using test::close;
using test::close_same_shape;

namespace
{
const auto f64 = TensorOptions().dtype(kFloat64);
const auto f32 = TensorOptions().dtype(kFloat32);

/// The batched test tensor of most shape tests: dynamic (2,3), intermediate (4), base (5,6).
Tensor
layout_tensor()
{
  return Tensor(test::iota({2, 3, 4, 5, 6}), 2, 1);
}
} // namespace

// ---------------------------------------------------------------------------------------------
// Factories of every primitive type
// ---------------------------------------------------------------------------------------------

template <class T>
class PrimitiveFactories : public ::testing::Test
{
};
using PrimitiveTypes = ::testing::Types<Scalar, Vec, Rot, WR2, R2, SR2, R3, SFR3, R4, SFFR4, WFFR4,
                                        SSR4, SWR4, WSR4, WWR4, Quaternion, MillerIndex>;
TYPED_TEST_SUITE(PrimitiveFactories, PrimitiveTypes);

TYPED_TEST(PrimitiveFactories, ShapesValuesAndOptions)
{
  using T = TypeParam;
  at::manual_seed(11);
  const std::vector<TensorShape> shapes = {{}, {4}, {5, 3}};
  for (const auto & s : shapes)
  {
    SCOPED_TRACE(::testing::Message() << "dynamic shape " << TensorShapeRef(s));
    const auto expected = test::cat_shape(s, T::const_base_sizes());
    const auto check = [&](const T & t, const char * what)
    {
      EXPECT_EQ(t.sizes(), TensorShapeRef(expected)) << what;
      EXPECT_EQ(t.dynamic_dim(), static_cast<Size>(s.size())) << what;
      EXPECT_EQ(t.intmd_dim(), 0) << what;
      EXPECT_EQ(t.base_dim(), T::const_base_dim) << what;
      EXPECT_EQ(t.base_sizes(), T::const_base_sizes()) << what;
      EXPECT_EQ(t.base_numel(), T::const_base_numel) << what;
      EXPECT_EQ(t.dynamic_sizes().concrete(), s) << what;
      EXPECT_EQ(t.batched(), !s.empty()) << what;
      if constexpr (!std::is_same_v<T, MillerIndex>)
      {
        EXPECT_EQ(t.scalar_type(), kFloat64) << what;
      }
    };
    const TraceableTensorShape ts(s);

    const auto z = T::zeros(ts);
    check(z, "zeros");
    EXPECT_TRUE(close(z, at::zeros(expected, f64), 0, 0));
    const auto o = T::ones(ts);
    check(o, "ones");
    EXPECT_TRUE(close(o, at::ones(expected, f64), 0, 0));
    const auto f = T::full(ts, 2.5);
    check(f, "full");
    EXPECT_TRUE(close(f, at::ones(expected, f64) * 2.5, 0, 0));
    check(T::empty(ts), "empty");
    const auto r = T::rand(ts);
    check(r, "rand");
    const at::Tensor R = r;
    EXPECT_TRUE(R.ge(0).all().item<bool>() && R.lt(1).all().item<bool>());
    if (R.numel() > 1)
    {
      EXPECT_GT(R.std().item<double>(), 0.0);
    }

    // options are honoured
    EXPECT_EQ(T::zeros(ts, f32).scalar_type(), kFloat32);
    EXPECT_EQ(T::ones(ts, f32).scalar_type(), kFloat32);
    EXPECT_EQ(T::full(ts, 1.5, f32).scalar_type(), kFloat32);
    EXPECT_EQ(T::empty(ts, f32).scalar_type(), kFloat32);
    EXPECT_EQ(T::rand(ts, f32).scalar_type(), kFloat32);

    // the _like factories keep type, layout and options
    check(T::zeros_like(r), "zeros_like");
    EXPECT_TRUE(close(T::zeros_like(r), at::zeros(expected, f64), 0, 0));
    check(T::ones_like(r), "ones_like");
    EXPECT_TRUE(close(T::ones_like(r), at::ones(expected, f64), 0, 0));
    check(T::full_like(r, -1.0), "full_like");
    EXPECT_TRUE(close(T::full_like(r, -1.0), -at::ones(expected, f64), 0, 0));
    check(T::empty_like(r), "empty_like");
    check(T::rand_like(r), "rand_like");
    EXPECT_EQ(T::zeros_like(T::rand(ts, f32)).scalar_type(), kFloat32);
  }

  // unbatched overloads
  EXPECT_EQ(T::zeros().sizes(), T::const_base_sizes());
  EXPECT_EQ(T::ones().dynamic_dim(), 0);
  EXPECT_TRUE(close(T::full(3.0), at::ones(T::const_base_sizes(), f64) * 3.0, 0, 0));
  EXPECT_EQ(T::empty().sizes(), T::const_base_sizes());
  EXPECT_EQ(T::full(3.0, f32).scalar_type(), kFloat32);
  EXPECT_EQ(T::zeros(f32).scalar_type(), kFloat32);
}

TEST(GeneralTensor, FactoriesTakeABaseShape)
{
  const auto z = Tensor::zeros({4, 2}, {3, 5});
  EXPECT_EQ(z.shape_str(), "(4,2;3,5)");
  EXPECT_TRUE(close(z, at::zeros({4, 2, 3, 5}, f64), 0, 0));
  EXPECT_EQ(Tensor::zeros({3, 5}).shape_str(), "(;3,5)");
  EXPECT_TRUE(close(Tensor::ones({7}, {2}), at::ones({7, 2}, f64), 0, 0));
  EXPECT_TRUE(close(Tensor::full({2}, {2, 2}, 4.0), at::ones({2, 2, 2}, f64) * 4, 0, 0));
  EXPECT_TRUE(close(Tensor::full({2}, -1.0), -at::ones({2}, f64), 0, 0));
  EXPECT_EQ(Tensor::empty({3}, {2}).shape_str(), "(3;2)");
  EXPECT_EQ(Tensor::ones({2}, f32).scalar_type(), kFloat32);
  EXPECT_EQ(Tensor::zeros({3}, {2}, f32).scalar_type(), kFloat32);
  EXPECT_EQ(Tensor::empty({}, {2}).dynamic_dim(), 0);
}

TEST(TraceableShapes, OutsideATrace)
{
  const TraceableTensorShape s{5, 3};
  EXPECT_EQ(s.concrete(), TensorShape({5, 3}));
  EXPECT_EQ(s.numel(), 15);
  EXPECT_FALSE(s.any_traced());
  EXPECT_FALSE(s[0].traced());
  EXPECT_EQ(s.append({2}).concrete(), TensorShape({5, 3, 2}));
  EXPECT_EQ(s, TraceableTensorShape(TensorShape{5, 3}));
  EXPECT_NE(s, TraceableTensorShape({5}));
  EXPECT_NE(s, TraceableTensorShape({5, 4}));
  std::ostringstream os;
  os << s;
  EXPECT_EQ(os.str(), "(5,3)");
  const auto t = s[1].as_tensor(f64);
  EXPECT_EQ(t.dim(), 0);
  EXPECT_EQ(t.item<double>(), 3.0);
  EXPECT_EQ(TraceableTensorShape().numel(), 1);
}

// ---------------------------------------------------------------------------------------------
// Component fills
// ---------------------------------------------------------------------------------------------

TEST(Fill, VecFromNumbersAndScalars)
{
  at::manual_seed(1);
  const auto v = Vec::fill(1, 2, 3);
  EXPECT_TRUE(close_same_shape(v, at::tensor({1.0, 2.0, 3.0}, f64), 0, 0));
  EXPECT_EQ(v.dynamic_dim(), 0);
  EXPECT_EQ(v.scalar_type(), kFloat64);
  EXPECT_EQ(Vec::fill(1, 2, 3, f32).scalar_type(), kFloat32);
  EXPECT_TRUE(close_same_shape(Rot::fill(0.1, 0.2, 0.3), at::tensor({0.1, 0.2, 0.3}, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(WR2::fill(-1, 0, 1), at::tensor({-1.0, 0.0, 1.0}, f64), 0, 0));

  // components are Scalars of their own (broadcast) batch shapes
  const auto a = Scalar(at::rand({4}, f64));
  const auto b = Scalar::full(2.0);
  const auto c = Scalar(at::rand({5, 1}, f64));
  const auto w = Vec::fill(a, b, c);
  EXPECT_EQ(w.shape_str(), "(5,4;3)");
  EXPECT_TRUE(close_same_shape(w(0), at::Tensor(a).expand({5, 4}), 0, 0));
  EXPECT_TRUE(close_same_shape(w(1), at::full({5, 4}, 2.0, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(w(2), at::Tensor(c).expand({5, 4}), 0, 0));
  EXPECT_TRUE(close(v(1), at::tensor(2.0, f64), 0, 0));
  EXPECT_TRUE(close(v(-1), at::tensor(3.0, f64), 0, 0));
}

TEST(Fill, R2FromOneThreeNineValuesAndScalars)
{
  at::manual_seed(2);
  EXPECT_TRUE(close_same_shape(R2::fill(2.0), at::eye(3, f64) * 2, 0, 0));
  EXPECT_TRUE(
      close_same_shape(R2::fill(1, 2, 3), test::matrix3({1, 0, 0, 0, 2, 0, 0, 0, 3}), 0, 0));
  const auto A = R2::fill({1, 2, 3, 4, 5, 6, 7, 8, 9});
  EXPECT_TRUE(close_same_shape(A, test::matrix3({1, 2, 3, 4, 5, 6, 7, 8, 9}), 0, 0));
  EXPECT_TRUE(close(A(0, 1), at::tensor(2.0, f64), 0, 0));
  EXPECT_TRUE(close(A(2, 0), at::tensor(7.0, f64), 0, 0));
  EXPECT_EQ(A(1, 2).shape_str(), "(;)");
  EXPECT_EQ(R2::fill(1.0, f32).scalar_type(), kFloat32);
  EXPECT_EQ(R2::fill(1, 2, 3, f32).scalar_type(), kFloat32);
  EXPECT_EQ(R2::fill({1, 2, 3, 4, 5, 6, 7, 8, 9}, f32).scalar_type(), kFloat32);

  std::vector<Scalar> comps;
  for (int i = 0; i < 9; ++i)
    comps.push_back(Scalar(at::rand({3}, f64)));
  comps[4] = Scalar::full(-1.0); // an unbatched component broadcasts
  const auto B = R2::fill(comps);
  EXPECT_EQ(B.shape_str(), "(3;3,3)");
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      EXPECT_TRUE(close(B(i, j), comps[3 * i + j], 0, 0)) << i << j;

  auto msg = test::error_message<ShapeError>([] { R2::fill(std::vector<double>{1, 2}); });
  test::expect_contains(msg, {"R2::fill needs 9 components, got 2"});
  auto msg2 = test::error_message<ShapeError>(
      [&] { R2::fill(std::vector<Scalar>(comps.begin(), comps.begin() + 4)); });
  test::expect_contains(msg2, {"R2::fill needs 9 components, got 4"});
}

TEST(Fill, SR2FromOneThreeSixValuesAndScalars)
{
  at::manual_seed(3);
  const double r2 = std::sqrt(2.0);
  EXPECT_TRUE(close_same_shape(SR2::fill(2.0), at::tensor({2.0, 2.0, 2.0, 0.0, 0.0, 0.0}), 0, 0));
  EXPECT_TRUE(
      close_same_shape(SR2::fill(1, 2, 3), at::tensor({1.0, 2.0, 3.0, 0.0, 0.0, 0.0}), 0, 0));
  const auto s = SR2::fill(1, 2, 3, 4, 5, 6);
  EXPECT_TRUE(close_same_shape(s, at::tensor({1.0, 2.0, 3.0, 4 * r2, 5 * r2, 6 * r2}), 1e-15, 0));
  // the full matrix: 11 22 33 23 13 12
  EXPECT_TRUE(close_same_shape(R2(s), test::matrix3({1, 6, 5, 6, 2, 4, 5, 4, 3}), 1e-15, 1e-15));
  // components are unscaled and symmetric
  EXPECT_TRUE(close(s(0, 1), at::tensor(6.0, f64), 1e-15, 0));
  EXPECT_TRUE(close(s(1, 0), at::tensor(6.0, f64), 1e-15, 0));
  EXPECT_TRUE(close(s(1, 2), at::tensor(4.0, f64), 1e-15, 0));
  EXPECT_TRUE(close(s(2, 0), at::tensor(5.0, f64), 1e-15, 0));
  EXPECT_TRUE(close(s(2, 2), at::tensor(3.0, f64), 0, 0));
  EXPECT_EQ(SR2::fill(1.0, f32).scalar_type(), kFloat32);
  EXPECT_EQ(SR2::fill(1, 2, 3, f32).scalar_type(), kFloat32);
  EXPECT_EQ(SR2::fill(1, 2, 3, 4, 5, 6, f32).scalar_type(), kFloat32);
  EXPECT_TRUE(close_same_shape(SR2::identity(), at::tensor({1.0, 1.0, 1.0, 0.0, 0.0, 0.0}), 0, 0));

  std::vector<Scalar> c;
  for (int i = 0; i < 6; ++i)
    c.push_back(Scalar(at::rand({2, 1}, f64)));
  c[5] = Scalar(at::rand({4}, f64));
  const auto iso = SR2::fill({c[0]});
  EXPECT_EQ(iso.shape_str(), "(2,1;6)");
  EXPECT_TRUE(
      close(R2(iso), at::eye(3, f64) * at::Tensor(c[0]).unsqueeze(-1).unsqueeze(-1), 1e-15, 0));
  const auto diag = SR2::fill({c[0], c[1], c[2]});
  EXPECT_TRUE(close(diag(1, 1), c[1], 0, 0));
  EXPECT_TRUE(close(diag(0, 2), at::zeros({2, 1}, f64), 0, 0));
  const auto full = SR2::fill(c);
  EXPECT_EQ(full.shape_str(), "(2,4;6)");
  const int ij[6][2] = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
  for (int m = 0; m < 6; ++m)
  {
    EXPECT_TRUE(close(full(ij[m][0], ij[m][1]), c[m], 1e-14, 0)) << m;
    EXPECT_TRUE(close(full(ij[m][1], ij[m][0]), c[m], 1e-14, 0)) << m;
  }

  auto msg = test::error_message<ShapeError>([&] { SR2::fill({c[0], c[1]}); });
  test::expect_contains(msg, {"SR2::fill needs 1, 3 or 6 components, got 2"});
  auto msg2 = test::error_message<ShapeError>([&] { (void)s(3, 0); });
  test::expect_contains(msg2, {"SR2 index (3, 0) out of range"});
}

TEST(Fill, QuaternionAndMillerIndex)
{
  const auto q = Quaternion::fill(1, 2, 3, 4);
  EXPECT_TRUE(close_same_shape(q, at::tensor({1.0, 2.0, 3.0, 4.0}), 0, 0));
  EXPECT_TRUE(close(q(0), at::tensor(1.0), 0, 0));
  EXPECT_TRUE(close(q(3), at::tensor(4.0), 0, 0));
  EXPECT_EQ(q.scalar_type(), kFloat64);
  EXPECT_EQ(Quaternion::fill(1, 0, 0, 0, f32).scalar_type(), kFloat32);

  const auto m = MillerIndex::fill(1, -1, 2);
  EXPECT_EQ(m.scalar_type(), kInt64);
  EXPECT_EQ(MillerIndex::default_options().dtype(), caffe2::TypeMeta::Make<int64_t>());
  EXPECT_TRUE(at::equal(m, at::tensor({1, -1, 2}, at::kLong)));
  EXPECT_EQ(m.shape_str(), "(;3)");
  // real-valued components
  const Vec v(m);
  EXPECT_EQ(v.scalar_type(), kFloat64);
  EXPECT_TRUE(close_same_shape(v, at::tensor({1.0, -1.0, 2.0}), 0, 0));
  // batched Miller indices keep their layout when converted
  const auto mb = MillerIndex(at::tensor({1, 0, 0, 1, 1, 1}, at::kLong).reshape({2, 3}));
  EXPECT_EQ(Vec(mb).shape_str(), "(2;3)");
}

// ---------------------------------------------------------------------------------------------
// Identity tensors
// ---------------------------------------------------------------------------------------------

TEST(Identities, Values)
{
  EXPECT_TRUE(close_same_shape(R2::identity(), at::eye(3, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(WWR4::identity(), at::eye(3, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(Rot::identity(), at::zeros({3}, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(Rot::identity().euler_rodrigues(), at::eye(3, f64), 0, 0));

  const auto i6 = at::tensor({1.0, 1.0, 1.0, 0.0, 0.0, 0.0});
  const auto ii = i6.unsqueeze(-1) * i6.unsqueeze(-2);
  EXPECT_TRUE(close_same_shape(SSR4::identity(), ii, 0, 0));
  EXPECT_TRUE(close_same_shape(SSR4::identity_sym(), at::eye(6, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(SSR4::identity_vol(), ii / 3, 1e-15, 0));
  EXPECT_TRUE(close_same_shape(SSR4::identity_dev(), at::eye(6, f64) - ii / 3, 1e-15, 1e-15));
  EXPECT_TRUE(close_same_shape(SSR4::identity_C1(), i6.diag(), 0, 0));
  EXPECT_TRUE(close_same_shape(SSR4::identity_C2(), ii - i6.diag(), 0, 0));
  EXPECT_TRUE(close_same_shape(SSR4::identity_C3(), (1 - i6).diag(), 0, 0));

  // R4 identity: delta_ik delta_jl
  const auto I4 = R4::identity();
  EXPECT_EQ(I4.shape_str(), "(;3,3,3,3)");
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k)
        for (int l = 0; l < 3; ++l)
          EXPECT_EQ(I4.index({i, j, k, l}).item<double>(), (i == k && j == l) ? 1.0 : 0.0);

  // Levi-Civita
  const auto e = R3::levi_civita();
  EXPECT_EQ(e.index({0, 1, 2}).item<double>(), 1.0);
  EXPECT_EQ(e.index({1, 2, 0}).item<double>(), 1.0);
  EXPECT_EQ(e.index({2, 0, 1}).item<double>(), 1.0);
  EXPECT_EQ(e.index({0, 2, 1}).item<double>(), -1.0);
  EXPECT_EQ(e.index({2, 1, 0}).item<double>(), -1.0);
  EXPECT_EQ(e.index({0, 0, 1}).item<double>(), 0.0);
  EXPECT_EQ(e.abs().sum().item<double>(), 6.0);
}

TEST(Identities, HonourOptions)
{
  EXPECT_EQ(R2::identity(f32).scalar_type(), kFloat32);
  EXPECT_EQ(SR2::identity(f32).scalar_type(), kFloat32);
  EXPECT_EQ(Rot::identity(f32).scalar_type(), kFloat32);
  EXPECT_EQ(R4::identity(f32).scalar_type(), kFloat32);
  EXPECT_EQ(WWR4::identity(f32).scalar_type(), kFloat32);
  EXPECT_EQ(R3::levi_civita(f32).scalar_type(), kFloat32);
  for (const auto & I : {SSR4::identity(f32), SSR4::identity_sym(f32), SSR4::identity_vol(f32),
                         SSR4::identity_dev(f32), SSR4::identity_C1(f32), SSR4::identity_C2(f32),
                         SSR4::identity_C3(f32)})
    EXPECT_EQ(I.scalar_type(), kFloat32);
  // float32 flows through conversions that use constant maps
  const auto s = SR2::fill(1, 2, 3, 4, 5, 6, f32);
  EXPECT_EQ(R2(s).scalar_type(), kFloat32);
  EXPECT_EQ(SR2(R2(s)).scalar_type(), kFloat32);
  EXPECT_EQ(R4(SSR4::identity_sym(f32)).scalar_type(), kFloat32);
  EXPECT_EQ(Rot::fill(0.1, 0.2, 0.3, f32).euler_rodrigues().scalar_type(), kFloat32);
  EXPECT_TRUE(close(R2(s), test::matrix3({1, 6, 5, 6, 2, 4, 5, 4, 3}), 1e-6, 1e-6));
}

TEST(Identities, Float64IsTheDefault)
{
  EXPECT_EQ(default_tensor_options().dtype(), caffe2::TypeMeta::Make<double>());
  EXPECT_EQ(Scalar::full(1.0).scalar_type(), kFloat64);
  EXPECT_EQ(SR2::fill(1, 2, 3).scalar_type(), kFloat64);
  EXPECT_EQ(R2::identity().scalar_type(), kFloat64);
  EXPECT_EQ(SSR4::identity_dev().scalar_type(), kFloat64);
  EXPECT_EQ(Rot::identity().scalar_type(), kFloat64);
  EXPECT_EQ(Quaternion::fill(1, 0, 0, 0).scalar_type(), kFloat64);
  EXPECT_EQ(Tensor::zeros({2}).scalar_type(), kFloat64);
  EXPECT_EQ(Scalar(1.0, default_tensor_options()).scalar_type(), kFloat64);
}

// ---------------------------------------------------------------------------------------------
// Wrapping at::Tensor
// ---------------------------------------------------------------------------------------------

TEST(Wrapping, BatchDimensionCounts)
{
  at::manual_seed(4);
  const auto raw = at::rand({5, 3, 6}, f64);
  const SR2 a(raw, 1, 1);
  EXPECT_EQ(a.shape_str(), "(5|3;6)");
  EXPECT_EQ(a.dynamic_sizes().concrete(), TensorShape({5}));
  EXPECT_EQ(a.intmd_sizes(), TensorShapeRef({3}));
  EXPECT_EQ(a.data_ptr(), raw.data_ptr()); // no copy

  const SR2 b(raw);
  EXPECT_EQ(b.shape_str(), "(5,3;6)");
  EXPECT_EQ(SR2(raw, 0, 2).shape_str(), "(|5,3;6)");
  EXPECT_EQ(SR2(raw, 2).shape_str(), "(5,3;6)");
  EXPECT_EQ(Tensor(raw, 1, 1).shape_str(), "(5|3;6)");
  EXPECT_EQ(Tensor(raw, 0).shape_str(), "(;5,3,6)");
  EXPECT_EQ(Scalar(at::rand({4}, f64)).shape_str(), "(4;)");
  EXPECT_EQ(Scalar(at::rand({4}, f64), 0, 1).shape_str(), "(|4;)");

  // typed <-> general keeps the layout
  const Tensor g = a;
  EXPECT_EQ(g.shape_str(), "(5|3;6)");
  EXPECT_EQ(SR2(g).shape_str(), "(5|3;6)");
  EXPECT_EQ(Vec(Rot(at::rand({2, 4, 3}, f64), 1, 1)).shape_str(), "(2|4;3)");
  EXPECT_EQ(a.with_layout(0, 2).shape_str(), "(|5,3;6)");
}

TEST(Wrapping, Errors)
{
  const auto raw = at::rand({5, 3, 6}, f64);
  auto msg = test::error_message<ShapeError>([&] { SR2(raw, 2, 1); });
  test::expect_contains(msg, {"(5,3|6;)", "does not have the base shape [6]"});
  auto msg2 = test::error_message<ShapeError>([&] { Tensor(raw, 2, 2); });
  test::expect_contains(msg2, {"cannot mark 2 dynamic and 2 intermediate", "[5, 3, 6]"});
  auto msg3 = test::error_message<ShapeError>([&] { Tensor(raw, -1); });
  test::expect_contains(msg3, {"cannot mark -1 dynamic"});
  auto msg4 = test::error_message<ShapeError>([] { Tensor(at::Tensor(), 0); });
  test::expect_contains(msg4, {"cannot wrap an undefined tensor"});
  auto msg5 = test::error_message<ShapeError>([&] { Scalar(at::rand({2, 3}, f64), 1); });
  test::expect_contains(msg5, {"(2;3)", "base shape []"});
  auto msg6 = test::error_message<ShapeError>([&] { R2(Tensor(raw, 1)); });
  test::expect_contains(msg6, {"(5;3,6)", "base shape [3, 3]"});
}

// ---------------------------------------------------------------------------------------------
// Shape operations per group
// ---------------------------------------------------------------------------------------------

TEST(ShapeOps, Sizes)
{
  const auto x = layout_tensor();
  EXPECT_EQ(x.shape_str(), "(2,3|4;5,6)");
  EXPECT_TRUE(x.batched());
  EXPECT_EQ(x.batch_dim(), 3);
  EXPECT_EQ(x.dynamic_dim(), 2);
  EXPECT_EQ(x.intmd_dim(), 1);
  EXPECT_EQ(x.base_dim(), 2);
  EXPECT_EQ(x.batch_sizes().concrete(), TensorShape({2, 3, 4}));
  EXPECT_EQ(x.dynamic_sizes().concrete(), TensorShape({2, 3}));
  EXPECT_FALSE(x.dynamic_sizes().any_traced());
  EXPECT_EQ(x.dynamic_size(0).concrete(), 2);
  EXPECT_EQ(x.dynamic_size(-1).concrete(), 3);
  EXPECT_EQ(x.intmd_sizes(), TensorShapeRef({4}));
  EXPECT_EQ(x.intmd_size(0), 4);
  EXPECT_EQ(x.intmd_size(-1), 4);
  EXPECT_EQ(x.base_sizes(), TensorShapeRef({5, 6}));
  EXPECT_EQ(x.base_size(0), 5);
  EXPECT_EQ(x.base_size(-1), 6);
  EXPECT_EQ(x.base_numel(), 30);
  EXPECT_FALSE(Scalar::full(1.0).batched());

  auto msg = test::error_message<ShapeError>([&] { x.dynamic_size(2); });
  test::expect_contains(msg, {"dynamic dimension 2 out of range", "(2,3|4;5,6)"});
  auto msg2 = test::error_message<ShapeError>([&] { x.dynamic_size(-3); });
  test::expect_contains(msg2, {"dynamic dimension -3 out of range"});
  auto msg3 = test::error_message<ShapeError>([&] { x.intmd_size(1); });
  test::expect_contains(msg3, {"intermediate dimension 1 is out of range", "(2,3|4;5,6)",
                               "(1 intermediate dimensions)"});
  auto msg4 = test::error_message<ShapeError>([&] { x.base_size(-3); });
  test::expect_contains(msg4, {"base dimension -3 out of range", "(2,3|4;5,6)"});
}

TEST(ShapeOps, Index)
{
  const auto x = layout_tensor();
  const at::Tensor X = x;
  auto a = x.dynamic_index({1});
  EXPECT_EQ(a.shape_str(), "(3|4;5,6)");
  EXPECT_TRUE(close_same_shape(a, X.index({1}), 0, 0));
  auto b = x.dynamic_index({Slice(), 2});
  EXPECT_EQ(b.shape_str(), "(2|4;5,6)");
  EXPECT_TRUE(close_same_shape(b, X.index({Slice(), 2}), 0, 0));
  EXPECT_EQ(x.dynamic_index({None}).shape_str(), "(1,2,3|4;5,6)");
  EXPECT_EQ(x.dynamic_index({Slice(0, 1)}).shape_str(), "(1,3|4;5,6)");

  auto c = x.intmd_index({2});
  EXPECT_EQ(c.shape_str(), "(2,3;5,6)");
  EXPECT_TRUE(close_same_shape(c, X.index({Slice(), Slice(), 2}), 0, 0));
  EXPECT_EQ(x.intmd_index({Slice(1, 3)}).shape_str(), "(2,3|2;5,6)");
  EXPECT_EQ(x.intmd_index({None}).shape_str(), "(2,3|1,4;5,6)");

  auto d = x.base_index({Slice(), 1});
  static_assert(std::is_same_v<decltype(d), Tensor>);
  EXPECT_EQ(d.shape_str(), "(2,3|4;5)");
  EXPECT_TRUE(close_same_shape(d, X.index({"...", 1}), 0, 0));
  auto e = x.base_index({1, 2});
  EXPECT_EQ(e.shape_str(), "(2,3|4;)");
  EXPECT_TRUE(close_same_shape(e, X.index({"...", 1, 2}), 0, 0));

  // typed index keeps the type
  const auto s = SR2(test::iota({4, 6}));
  static_assert(std::is_same_v<decltype(s.dynamic_index({0})), SR2>);
  EXPECT_EQ(s.batch_index({Slice(1, 3)}).shape_str(), "(2;6)");
  EXPECT_TRUE(close_same_shape(s.batch_index({3}), at::Tensor(s).index({3}), 0, 0));
  auto msg = test::error_message<ShapeError>([&] { x.batch_index({0}); });
  test::expect_contains(msg, {"batch_index", "(2,3|4;5,6)", "ambiguous"});
}

TEST(ShapeOps, Slice)
{
  const auto x = layout_tensor();
  const at::Tensor X = x;
  auto a = x.dynamic_slice(1, 0, 3, 2);
  EXPECT_EQ(a.shape_str(), "(2,2|4;5,6)");
  EXPECT_TRUE(close_same_shape(a, X.slice(1, 0, 3, 2), 0, 0));
  auto b = x.intmd_slice(0, 1, 4);
  EXPECT_EQ(b.shape_str(), "(2,3|3;5,6)");
  EXPECT_TRUE(close_same_shape(b, X.slice(2, 1, 4), 0, 0));
  auto c = x.base_slice(-1, 2, 5);
  EXPECT_EQ(c.shape_str(), "(2,3|4;5,3)");
  EXPECT_TRUE(close_same_shape(c, X.slice(4, 2, 5), 0, 0));
  EXPECT_TRUE(close_same_shape(x.dynamic_slice(-2, 1, 2), X.slice(0, 1, 2), 0, 0));

  auto msg = test::error_message<ShapeError>([&] { x.dynamic_slice(2, 0, 1); });
  test::expect_contains(msg, {"dynamic dimension 2 is out of range for a tensor of shape "
                              "(2,3|4;5,6) (2 dynamic dimensions)"});
  auto msg2 = test::error_message<ShapeError>([&] { x.intmd_slice(-2, 0, 1); });
  test::expect_contains(msg2, {"intermediate dimension -2 is out of range", "(2,3|4;5,6)"});
  auto msg3 = test::error_message<ShapeError>([&] { x.base_slice(2, 0, 1); });
  test::expect_contains(msg3, {"base dimension 2 is out of range", "(2 base dimensions)"});
}

TEST(ShapeOps, Expand)
{
  at::manual_seed(5);
  const auto y = SR2(at::rand({1, 4, 6}, f64), 1, 1); // (1|4;6)
  const at::Tensor Y = y;
  auto a = y.dynamic_expand({7, 5});
  EXPECT_EQ(a.shape_str(), "(7,5|4;6)");
  EXPECT_TRUE(close_same_shape(a, Y.expand({7, 5, 4, 6}), 0, 0));
  auto b = y.intmd_expand({2, 4});
  EXPECT_EQ(b.shape_str(), "(1|2,4;6)");
  EXPECT_TRUE(close_same_shape(b, Y.unsqueeze(1).expand({1, 2, 4, 6}), 0, 0));
  auto c = y.batch_expand({3}, {2, 4});
  EXPECT_EQ(c.shape_str(), "(3|2,4;6)");
  EXPECT_TRUE(close_same_shape(c, Y.unsqueeze(1).expand({3, 2, 4, 6}), 0, 0));
  const auto other = Scalar(at::rand({2, 3, 4}, f64), 2, 1);
  EXPECT_EQ(y.batch_expand_as(other).shape_str(), "(2,3|4;6)");
  EXPECT_EQ(SR2::ones().batch_expand_as(other).shape_str(), "(2,3|4;6)");

  const auto z = Tensor(at::rand({2, 1, 6}, f64), 1); // (2;1,6)
  auto d = z.base_expand({3, 6});
  EXPECT_EQ(d.shape_str(), "(2;3,6)");
  EXPECT_TRUE(close_same_shape(d, at::Tensor(z).expand({2, 3, 6}), 0, 0));

  auto msg = test::error_message<ShapeError>([&] { a.dynamic_expand({5}); });
  test::expect_contains(msg, {"cannot expand the dynamic shape of (7,5|4;6)", "(5)"});
  auto msg2 = test::error_message<ShapeError>([&] { b.intmd_expand({4}); });
  test::expect_contains(msg2, {"cannot expand the intermediate shape of (1|2,4;6)"});
  auto msg3 = test::error_message<ShapeError>([&] { z.base_expand({3}); });
  test::expect_contains(msg3, {"base_expand needs 2 sizes", "(2;1,6)"});
  auto msg4 = test::error_message<ShapeError>([&] { b.batch_expand({3}, {4}); });
  test::expect_contains(msg4, {"cannot expand the batch shape of (1|2,4;6)"});
}

TEST(ShapeOps, ReshapeAndFlatten)
{
  const auto x = layout_tensor();
  const at::Tensor X = x;
  auto a = x.dynamic_reshape({6});
  EXPECT_EQ(a.shape_str(), "(6|4;5,6)");
  EXPECT_TRUE(close_same_shape(a, X.reshape({6, 4, 5, 6}), 0, 0));
  EXPECT_EQ(x.dynamic_reshape({3, 1, 2}).shape_str(), "(3,1,2|4;5,6)");
  auto b = x.intmd_reshape({2, 2});
  EXPECT_EQ(b.shape_str(), "(2,3|2,2;5,6)");
  EXPECT_TRUE(close_same_shape(b, X.reshape({2, 3, 2, 2, 5, 6}), 0, 0));
  auto c = x.base_reshape({3, 10});
  EXPECT_EQ(c.shape_str(), "(2,3|4;3,10)");
  EXPECT_TRUE(close_same_shape(c, X.reshape({2, 3, 4, 3, 10}), 0, 0));

  EXPECT_EQ(x.dynamic_flatten().shape_str(), "(6|4;5,6)");
  EXPECT_TRUE(close_same_shape(x.dynamic_flatten(), X.reshape({6, 4, 5, 6}), 0, 0));
  EXPECT_EQ(b.intmd_flatten().shape_str(), "(2,3|4;5,6)");
  EXPECT_TRUE(close_same_shape(b.intmd_flatten(), X, 0, 0));
  EXPECT_EQ(x.intmd_flatten().shape_str(), "(2,3|4;5,6)");
  EXPECT_EQ(x.base_flatten().shape_str(), "(2,3|4;30)");
  EXPECT_TRUE(close_same_shape(x.base_flatten(), X.reshape({2, 3, 4, 30}), 0, 0));

  // groups without dimensions flatten to one dimension of size 1
  const auto s = Scalar::full(2.0);
  EXPECT_EQ(s.dynamic_flatten().shape_str(), "(1;)");
  EXPECT_EQ(s.intmd_flatten().shape_str(), "(|1;)");
  EXPECT_EQ(s.base_flatten().shape_str(), "(;1)");
  EXPECT_EQ(SR2::ones().base_flatten().shape_str(), "(;6)");
}

TEST(ShapeOps, SqueezeAndUnsqueeze)
{
  const auto x = layout_tensor();
  const at::Tensor X = x;
  auto a = x.dynamic_unsqueeze(0);
  EXPECT_EQ(a.shape_str(), "(1,2,3|4;5,6)");
  EXPECT_EQ(x.dynamic_unsqueeze(-1).shape_str(), "(2,3,1|4;5,6)");
  EXPECT_EQ(x.dynamic_unsqueeze(2).shape_str(), "(2,3,1|4;5,6)");
  auto b = x.intmd_unsqueeze(1);
  EXPECT_EQ(b.shape_str(), "(2,3|4,1;5,6)");
  EXPECT_EQ(x.intmd_unsqueeze(0).shape_str(), "(2,3|1,4;5,6)");
  auto c = x.base_unsqueeze(0);
  EXPECT_EQ(c.shape_str(), "(2,3|4;1,5,6)");
  EXPECT_EQ(x.base_unsqueeze(-1).shape_str(), "(2,3|4;5,6,1)");

  EXPECT_TRUE(close_same_shape(a.dynamic_squeeze(0), X, 0, 0));
  EXPECT_EQ(a.dynamic_squeeze(0).shape_str(), "(2,3|4;5,6)");
  EXPECT_EQ(b.intmd_squeeze(-1).shape_str(), "(2,3|4;5,6)");
  EXPECT_EQ(c.base_squeeze(0).shape_str(), "(2,3|4;5,6)");
  EXPECT_EQ(SR2::ones().dynamic_unsqueeze(0).shape_str(), "(1;6)");

  auto msg = test::error_message<ShapeError>([&] { x.dynamic_squeeze(0); });
  test::expect_contains(msg, {"cannot squeeze dynamic dimension 0 of size 2 in (2,3|4;5,6)"});
  auto msg2 = test::error_message<ShapeError>([&] { x.intmd_squeeze(0); });
  test::expect_contains(msg2, {"cannot squeeze intermediate dimension 0 of size 4"});
  auto msg3 = test::error_message<ShapeError>([&] { x.base_squeeze(1); });
  test::expect_contains(msg3, {"cannot squeeze base dimension 1 of size 6"});
  auto msg4 = test::error_message<ShapeError>([&] { x.dynamic_unsqueeze(4); });
  test::expect_contains(msg4, {"dynamic dimension 4 is out of range"});
  auto msg5 = test::error_message<ShapeError>([&] { x.intmd_squeeze(1); });
  test::expect_contains(msg5, {"intermediate dimension 1 is out of range"});
}

TEST(ShapeOps, TransposeAndMovedim)
{
  const auto x = Tensor(test::iota({2, 3, 4, 5, 2, 3, 4}), 3, 2); // (2,3,4|5,2;3,4)
  const at::Tensor X = x;
  auto a = x.dynamic_transpose(0, 2);
  EXPECT_EQ(a.shape_str(), "(4,3,2|5,2;3,4)");
  EXPECT_TRUE(close_same_shape(a, X.transpose(0, 2), 0, 0));
  auto b = x.intmd_transpose(0, 1);
  EXPECT_EQ(b.shape_str(), "(2,3,4|2,5;3,4)");
  EXPECT_TRUE(close_same_shape(b, X.transpose(3, 4), 0, 0));
  auto c = x.base_transpose(-1, -2);
  EXPECT_EQ(c.shape_str(), "(2,3,4|5,2;4,3)");
  EXPECT_TRUE(close_same_shape(c, X.transpose(5, 6), 0, 0));

  auto d = x.dynamic_movedim(0, 2);
  EXPECT_EQ(d.shape_str(), "(3,4,2|5,2;3,4)");
  EXPECT_TRUE(close_same_shape(d, X.movedim(0, 2), 0, 0));
  auto e = x.intmd_movedim(1, 0);
  EXPECT_EQ(e.shape_str(), "(2,3,4|2,5;3,4)");
  EXPECT_TRUE(close_same_shape(e, X.movedim(4, 3), 0, 0));
  auto f = x.base_movedim(0, -1);
  EXPECT_EQ(f.shape_str(), "(2,3,4|5,2;4,3)");
  EXPECT_TRUE(close_same_shape(f, X.movedim(5, 6), 0, 0));

  auto msg = test::error_message<ShapeError>([&] { x.dynamic_transpose(0, 3); });
  test::expect_contains(msg, {"dynamic dimension 3 is out of range", "(3 dynamic dimensions)"});
  auto msg2 = test::error_message<ShapeError>([&] { x.intmd_movedim(0, 2); });
  test::expect_contains(msg2, {"intermediate dimension 2 is out of range"});
  auto msg3 = test::error_message<ShapeError>([&] { x.base_transpose(0, -3); });
  test::expect_contains(msg3, {"base dimension -3 is out of range"});
}

TEST(ShapeOps, SumAndMean)
{
  const auto x = layout_tensor();
  const at::Tensor X = x;
  auto a = x.dynamic_sum(0);
  EXPECT_EQ(a.shape_str(), "(3|4;5,6)");
  EXPECT_TRUE(close_same_shape(a, X.sum(0), 0, 0));
  auto b = x.dynamic_mean(-1);
  EXPECT_EQ(b.shape_str(), "(2|4;5,6)");
  EXPECT_TRUE(close_same_shape(b, X.mean(1), 1e-15, 0));
  auto c = x.intmd_sum(0);
  EXPECT_EQ(c.shape_str(), "(2,3;5,6)");
  EXPECT_TRUE(close_same_shape(c, X.sum(2), 0, 0));
  auto d = x.intmd_mean(-1);
  EXPECT_EQ(d.shape_str(), "(2,3;5,6)");
  EXPECT_TRUE(close_same_shape(d, X.mean(2), 1e-15, 0));
  auto e = x.base_sum(0);
  EXPECT_EQ(e.shape_str(), "(2,3|4;6)");
  EXPECT_TRUE(close_same_shape(e, X.sum(3), 0, 0));
  auto f = x.base_mean(-1);
  EXPECT_EQ(f.shape_str(), "(2,3|4;5)");
  EXPECT_TRUE(close_same_shape(f, X.mean(4), 1e-15, 0));

  // typed reductions over batch dimensions keep the type; over base dimensions they do not
  const auto s = SR2(test::iota({2, 3, 6}));
  static_assert(std::is_same_v<decltype(s.dynamic_sum(0)), SR2>);
  static_assert(std::is_same_v<decltype(s.intmd_mean(0)), SR2>);
  static_assert(std::is_same_v<decltype(s.base_sum(0)), Tensor>);
  EXPECT_EQ(s.dynamic_mean(0).dynamic_mean(0).shape_str(), "(;6)");

  auto msg = test::error_message<ShapeError>([&] { x.intmd_sum(1); });
  test::expect_contains(msg, {"intermediate dimension 1 is out of range", "(2,3|4;5,6)"});
  auto msg2 = test::error_message<ShapeError>([&] { x.base_mean(2); });
  test::expect_contains(msg2, {"base dimension 2 is out of range", "(2 base dimensions)"});
  auto msg3 = test::error_message<ShapeError>([&] { x.dynamic_sum(-3); });
  test::expect_contains(msg3, {"dynamic dimension -3 is out of range"});
}

TEST(ShapeOps, CopiesKeepTheLayout)
{
  const auto x = SR2(test::iota({2, 4, 6}), 1, 1);
  EXPECT_EQ(x.clone().shape_str(), "(2|4;6)");
  EXPECT_NE(x.clone().data_ptr(), x.data_ptr());
  EXPECT_EQ(x.detach().shape_str(), "(2|4;6)");
  EXPECT_EQ(x.intmd_transpose(0, 0).contiguous().shape_str(), "(2|4;6)");
  const auto y = x.to(f32);
  EXPECT_EQ(y.shape_str(), "(2|4;6)");
  EXPECT_EQ(y.scalar_type(), kFloat32);
  const SR2 z = -x;
  EXPECT_EQ(z.shape_str(), "(2|4;6)");
  EXPECT_TRUE(close(z, -at::Tensor(x), 0, 0));
}

// ---------------------------------------------------------------------------------------------
// Batch broadcasting in binary operations
// ---------------------------------------------------------------------------------------------

TEST(Broadcasting, DynamicDimensionsAlignAtTheLast)
{
  at::manual_seed(6);
  const auto a = Scalar(at::rand({3, 1}, f64));
  const auto b = SR2(at::rand({7, 6}, f64));
  const SR2 c = a * b;
  EXPECT_EQ(c.shape_str(), "(3,7;6)");
  EXPECT_TRUE(close_same_shape(c, at::Tensor(a).unsqueeze(-1) * at::Tensor(b), 0, 0));
  const SR2 d = b + SR2(at::rand({2, 1, 1, 6}, f64));
  EXPECT_EQ(d.shape_str(), "(2,1,7;6)");
  // an unbatched operand broadcasts against anything
  EXPECT_EQ((SR2::ones() - b).shape_str(), "(7;6)");
  EXPECT_EQ((Scalar::full(2.0) / a).shape_str(), "(3,1;)");
}

TEST(Broadcasting, IntermediateDimensionsAlignWithIntermediate)
{
  at::manual_seed(7);
  // (5|4) and (5|): the intermediate dimension is not confused with the dynamic one
  const auto a = SR2(at::rand({5, 4, 6}, f64), 1, 1);
  const auto b = SR2(at::rand({5, 6}, f64), 1, 0);
  const SR2 c = a + b;
  EXPECT_EQ(c.shape_str(), "(5|4;6)");
  EXPECT_TRUE(close_same_shape(c, at::Tensor(a) + at::Tensor(b).unsqueeze(1), 0, 0));
  EXPECT_EQ((b - a).shape_str(), "(5|4;6)");

  // (|4) and (4): a dynamic and an intermediate dimension of the same size stay apart
  const auto p = SR2(at::rand({4, 6}, f64), 0, 1);
  const auto q = SR2(at::rand({4, 6}, f64), 1, 0);
  const SR2 r = p + q;
  EXPECT_EQ(r.shape_str(), "(4|4;6)");
  EXPECT_TRUE(close_same_shape(r, at::Tensor(p).unsqueeze(0) + at::Tensor(q).unsqueeze(1), 0, 0));

  // (2,1|4,1) and (3|5)
  const auto u = Scalar(at::rand({2, 1, 4, 1}, f64), 2, 2);
  const auto v = Scalar(at::rand({3, 5}, f64), 1, 1);
  const Scalar w = u * v;
  EXPECT_EQ(w.shape_str(), "(2,3|4,5;)");
  EXPECT_TRUE(close_same_shape(w, at::Tensor(u) * at::Tensor(v).reshape({1, 3, 1, 5}), 0, 0));

  // a Scalar with intermediate dimensions scales a typed tensor without them
  const auto s = Scalar(at::rand({5, 4}, f64), 1, 1);
  const SR2 t = b * s;
  EXPECT_EQ(t.shape_str(), "(5|4;6)");
  EXPECT_TRUE(close_same_shape(t, at::Tensor(b).unsqueeze(1) * at::Tensor(s).unsqueeze(-1), 0, 0));

  // products follow the same rule
  const auto A = R2(at::rand({4, 3, 3}, f64), 0, 1);
  const auto x = Vec(at::rand({5, 3}, f64));
  const Vec y = A * x;
  EXPECT_EQ(y.shape_str(), "(5|4;3)");
  EXPECT_TRUE(close_same_shape(
      y,
      at::matmul(at::Tensor(A).unsqueeze(0), at::Tensor(x).unsqueeze(1).unsqueeze(-1)).squeeze(-1),
      1e-14, 0));
}

TEST(Broadcasting, MismatchesAreShapeErrors)
{
  const auto a = SR2(at::rand({5, 4, 6}, f64), 1, 1);
  const auto b = SR2(at::rand({5, 3, 6}, f64), 1, 1);
  auto msg = test::error_message<ShapeError>([&] { (void)(a + b); });
  test::expect_contains(
      msg, {"operator+", "intermediate batch shapes do not broadcast", "(5|4;6)", "(5|3;6)"});
  const auto c = SR2(at::rand({2, 6}, f64));
  auto msg2 = test::error_message<ShapeError>([&] { (void)(a - c); });
  test::expect_contains(msg2, {"operator-", "dynamic batch shapes do not broadcast"});
  const auto A = R2(at::rand({2, 3, 3}, f64));
  const auto x = Vec(at::rand({3, 3}, f64));
  auto msg3 = test::error_message<ShapeError>([&] { (void)(A * x); });
  test::expect_contains(msg3, {"R2*Vec", "(2;3,3)", "(3;3)"});
}

// ---------------------------------------------------------------------------------------------
// linspace and logspace
// ---------------------------------------------------------------------------------------------

TEST(Linspace, AlongDynamicAndIntermediateDimensions)
{
  at::manual_seed(8);
  const auto a = SR2(at::rand({2, 6}, f64));
  const auto b = SR2(at::rand({2, 6}, f64));
  const at::Tensor A = a, B = b;
  const Size n = 5;
  const auto expected = [&](Size k) { return A + (B - A) * (double(k) / double(n - 1)); };

  const auto l0 = SR2::linspace(a, b, n);
  EXPECT_EQ(l0.shape_str(), "(5,2;6)");
  const auto l1 = SR2::linspace(a, b, n, -1);
  EXPECT_EQ(l1.shape_str(), "(2,5;6)");
  const auto li = SR2::linspace(a, b, n, 0, BatchGroup::Intermediate);
  EXPECT_EQ(li.shape_str(), "(2|5;6)");
  for (Size k = 0; k < n; ++k)
  {
    EXPECT_TRUE(close_same_shape(at::Tensor(l0).select(0, k), expected(k), 1e-14, 1e-15)) << k;
    EXPECT_TRUE(close_same_shape(at::Tensor(l1).select(1, k), expected(k), 1e-14, 1e-15)) << k;
    EXPECT_TRUE(close_same_shape(at::Tensor(li).select(1, k), expected(k), 1e-14, 1e-15)) << k;
  }
  // the end points are exact
  EXPECT_TRUE(close(at::Tensor(l0).select(0, 0), A, 0, 0));
  EXPECT_TRUE(close(at::Tensor(l0).select(0, n - 1), B, 1e-15, 1e-15));

  // an unbatched start broadcasts against a batched end
  const auto s = Scalar::full(1.0);
  const auto e = Scalar(at::rand({3}, f64));
  const auto ls = Scalar::linspace(s, e, 4);
  EXPECT_EQ(ls.shape_str(), "(4,3;)");
  for (Size k = 0; k < 4; ++k)
    EXPECT_TRUE(
        close(at::Tensor(ls).select(0, k), 1.0 + (at::Tensor(e) - 1.0) * (k / 3.0), 1e-14, 1e-15));

  // intermediate dims of the inputs: the new dim goes into the requested group
  const auto c = Scalar(at::rand({2, 4}, f64), 1, 1);
  EXPECT_EQ(Scalar::linspace(c, c + 1.0, 3, 1, BatchGroup::Intermediate).shape_str(), "(2|4,3;)");
  EXPECT_EQ(Scalar::linspace(c, c + 1.0, 3, 1).shape_str(), "(2,3|4;)");

  // one point is the start
  EXPECT_TRUE(close(at::Tensor(SR2::linspace(a, b, 1)).select(0, 0), at::Tensor(a), 0, 0));
  auto msg = test::error_message<ShapeError>([&] { SR2::linspace(a, b, 0); });
  test::expect_contains(msg, {"linspace needs at least 1 point, got 0"});
  auto msg2 = test::error_message<ShapeError>([&] { SR2::linspace(a, b, 3, 2); });
  test::expect_contains(msg2,
                        {"position 2 is out of range for a new dynamic dimension (1 existing)"});
  auto msg3 =
      test::error_message<ShapeError>([&] { SR2::linspace(a, b, 3, 1, BatchGroup::Intermediate); });
  test::expect_contains(msg3, {"out of range for a new intermediate dimension (0 existing)"});
}

TEST(Linspace, Logspace)
{
  at::manual_seed(9);
  const auto l = Scalar::logspace(Scalar::full(0.0), Scalar::full(2.0), 3);
  EXPECT_EQ(l.shape_str(), "(3;)");
  EXPECT_TRUE(close_same_shape(l, at::tensor({1.0, 10.0, 100.0}), 1e-14, 0));
  const auto l2 =
      Scalar::logspace(Scalar::full(-1.0), Scalar::full(3.0), 5, 0, BatchGroup::Dynamic, 2.0);
  EXPECT_TRUE(close_same_shape(l2, at::tensor({0.5, 1.0, 2.0, 4.0, 8.0}), 1e-14, 0));

  const auto a = Vec(at::rand({2, 3}, f64));
  const auto b = Vec(at::rand({2, 3}, f64)) + 1.0;
  const auto li = Vec::logspace(a, b, 4, 0, BatchGroup::Intermediate);
  EXPECT_EQ(li.shape_str(), "(2|4;3)");
  for (Size k = 0; k < 4; ++k)
  {
    const auto x = at::Tensor(a) + (at::Tensor(b) - at::Tensor(a)) * (k / 3.0);
    EXPECT_TRUE(close_same_shape(at::Tensor(li).select(1, k), at::pow(10.0, x), 1e-13, 0)) << k;
  }
  const auto ld = Vec::logspace(a, b, 4, -1, BatchGroup::Dynamic, 3.0);
  EXPECT_EQ(ld.shape_str(), "(2,4;3)");
  EXPECT_TRUE(close(at::Tensor(ld).select(1, 3), at::pow(3.0, at::Tensor(b)), 1e-13, 0));
}

// ---------------------------------------------------------------------------------------------
// Concatenation and stacking
// ---------------------------------------------------------------------------------------------

TEST(CatStack, BatchCat)
{
  at::manual_seed(10);
  const auto a = SR2(at::rand({2, 3, 6}, f64));
  const auto b = SR2(at::rand({4, 3, 6}, f64));
  const auto c = batch_cat(std::vector<SR2>{a, b}, 0);
  static_assert(std::is_same_v<decltype(c), const SR2>);
  EXPECT_EQ(c.shape_str(), "(6,3;6)");
  EXPECT_TRUE(close_same_shape(c, at::cat({at::Tensor(a), at::Tensor(b)}, 0), 0, 0));
  const auto d = SR2(at::rand({2, 1, 6}, f64));
  const auto e = batch_cat(std::vector<SR2>{a, d}, -1);
  EXPECT_EQ(e.shape_str(), "(2,4;6)");
  EXPECT_TRUE(close_same_shape(e, at::cat({at::Tensor(a), at::Tensor(d)}, 1), 0, 0));

  // intermediate dimensions
  const auto p = SR2(at::rand({2, 3, 6}, f64), 1, 1);
  const auto q = SR2(at::rand({2, 1, 6}, f64), 1, 1);
  const auto r = batch_cat(std::vector<SR2>{p, q}, 0, BatchGroup::Intermediate);
  EXPECT_EQ(r.shape_str(), "(2|4;6)");
  EXPECT_TRUE(close_same_shape(r, at::cat({at::Tensor(p), at::Tensor(q)}, 1), 0, 0));

  auto msg = test::error_message<ShapeError>([&] { batch_cat(std::vector<SR2>{a, b}, 2); });
  test::expect_contains(msg, {"batch_cat", "out of range"});
  auto msg2 = test::error_message<ShapeError>(
      [&] {
        batch_cat(std::vector<Tensor>{a, Tensor(R2::ones())}, 0);
      });
  test::expect_contains(msg2, {"batch_cat"});
}

TEST(CatStack, BatchCatBroadcastsTheOtherBatchDimensions)
{
  // creation.h: "Concatenate along dynamic (or intermediate) dimension `dim`; batch shapes
  // otherwise broadcast."
  at::manual_seed(12);
  const auto a = SR2(at::rand({2, 3, 6}, f64));
  const auto b = SR2(at::rand({4, 1, 6}, f64));
  SR2 c;
  EXPECT_NO_THROW(c = batch_cat(std::vector<SR2>{a, b}, 0));
  if (c.defined())
  {
    EXPECT_EQ(c.shape_str(), "(6,3;6)");
    EXPECT_TRUE(
        close_same_shape(c, at::cat({at::Tensor(a), at::Tensor(b).expand({4, 3, 6})}, 0), 0, 0));
  }
  // an intermediate concatenation with a tensor that lacks the dynamic dimension's size
  const auto p = Scalar(at::rand({5, 2}, f64), 1, 1);
  const auto q = Scalar(at::rand({1, 3}, f64), 1, 1);
  Scalar r;
  EXPECT_NO_THROW(r = batch_cat(std::vector<Scalar>{p, q}, 0, BatchGroup::Intermediate));
  if (r.defined())
  {
    EXPECT_EQ(r.shape_str(), "(5|5;)");
  }
}

TEST(CatStack, BatchStack)
{
  at::manual_seed(13);
  const auto a = Scalar(at::rand({3}, f64));
  const auto b = Scalar(at::rand({2, 1}, f64));
  const auto s = batch_stack(std::vector<Scalar>{a, b}, 0);
  EXPECT_EQ(s.shape_str(), "(2,2,3;)");
  EXPECT_TRUE(close_same_shape(s.dynamic_index({0}), at::Tensor(a).expand({2, 3}), 0, 0));
  EXPECT_TRUE(close_same_shape(s.dynamic_index({1}), at::Tensor(b).expand({2, 3}), 0, 0));
  const auto t = batch_stack(std::vector<Scalar>{a, b}, -1);
  EXPECT_EQ(t.shape_str(), "(2,3,2;)");

  const auto p = SR2(at::rand({5, 6}, f64));
  const auto q = SR2::ones();
  const auto u = batch_stack(std::vector<SR2>{p, q, p}, 0, BatchGroup::Intermediate);
  EXPECT_EQ(u.shape_str(), "(5|3;6)");
  EXPECT_TRUE(close_same_shape(u.intmd_index({1}), at::ones({5, 6}, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(u.intmd_index({2}), p, 0, 0));
  auto msg = test::error_message<ShapeError>([&] { batch_stack(std::vector<SR2>{p, q}, 3); });
  test::expect_contains(msg, {"position 3 is out of range for a new dynamic dimension"});
}

TEST(CatStack, BaseCatAndStack)
{
  at::manual_seed(14);
  const auto v = Vec(at::rand({5, 3}, f64));
  const auto s = Scalar::full(7.0);
  const auto c = base_cat({v, Tensor(s).base_unsqueeze(0)}, 0);
  EXPECT_EQ(c.shape_str(), "(5;4)");
  EXPECT_TRUE(close_same_shape(c.base_slice(0, 0, 3), v, 0, 0));
  EXPECT_TRUE(close_same_shape(c.base_index({3}), at::full({5}, 7.0, f64), 0, 0));

  const auto x = Scalar(at::rand({5}, f64));
  const auto y = Scalar(at::rand({3, 1}, f64));
  const auto st = base_stack({x, s, y}, 0);
  EXPECT_EQ(st.shape_str(), "(3,5;3)");
  EXPECT_TRUE(close_same_shape(st.base_index({0}), at::Tensor(x).expand({3, 5}), 0, 0));
  EXPECT_TRUE(close_same_shape(st.base_index({1}), at::full({3, 5}, 7.0, f64), 0, 0));
  EXPECT_TRUE(close_same_shape(st.base_index({2}), at::Tensor(y).expand({3, 5}), 0, 0));

  const auto a = SR2(at::rand({2, 6}, f64));
  const auto b = SR2(at::rand({6}, f64));
  const auto st2 = base_stack({a, b}, -1);
  EXPECT_EQ(st2.shape_str(), "(2;6,2)");
  EXPECT_TRUE(close_same_shape(st2.base_index({Slice(), 1}), at::Tensor(b).expand({2, 6}), 0, 0));

  // intermediate dimensions take part in the broadcast
  const auto i = Scalar(at::rand({5, 4}, f64), 1, 1);
  EXPECT_EQ(base_stack({i, x}, 0).shape_str(), "(5|4;2)");

  auto msg = test::error_message<ShapeError>([&] { base_cat({v, s}, 1); });
  test::expect_contains(msg, {"base_cat: base dimension 1 out of range"});
  auto msg2 = test::error_message<ShapeError>([&] { base_stack({v, v}, 3); });
  test::expect_contains(msg2, {"base_stack: position 3 out of range"});
}

TEST(CatStack, BaseCatOfIncompatibleBaseShapesIsAShapeError)
{
  // batch_cat turns ATen's size errors into ShapeError; base_cat should do the same.
  const auto a = Tensor::zeros({2, 3});
  const auto b = Tensor::zeros({2, 4});
  auto msg = test::error_message<ShapeError>([&] { base_cat({a, b}, 0); });
  test::expect_contains(msg, {"base_cat"});
}

TEST(CatStack, BroadcastBatch)
{
  at::manual_seed(15);
  const auto a = Tensor(SR2(at::rand({3, 1, 6}, f64)));
  const auto b = Tensor(Scalar(at::rand({4}, f64)));
  const auto c = Tensor(R2(at::rand({4, 2, 3, 3}, f64), 1, 1));
  const auto out = broadcast_batch({a, b, c});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].shape_str(), "(3,4|2;6)");
  EXPECT_EQ(out[1].shape_str(), "(3,4|2;)");
  EXPECT_EQ(out[2].shape_str(), "(3,4|2;3,3)");
  EXPECT_TRUE(close(out[0], at::Tensor(a).unsqueeze(2), 0, 0));
  EXPECT_TRUE(close(out[1], at::Tensor(b).unsqueeze(-1), 0, 0));
  EXPECT_TRUE(close(out[2], at::Tensor(c), 0, 0));
  EXPECT_EQ(broadcast_batch({a}).front().shape_str(), "(3,1;6)");
}
