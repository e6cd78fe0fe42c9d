// Analytic derivatives of the tensor layer against central finite differences, the chain rule of
// reduced fourth-order storage, identity maps and the derivative types.
#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/einsum.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/tensor.h>
#include <functional>
#include <type_traits>
#include <vector>

#include "neml2/tensors/derivatives.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/tensors/tensor_types.h"
#include "neml2/tensors/tensors.h"
#include "neml2_testing/tensors.h"

using namespace neml2;
using test::close;
using test::close_same_shape;

namespace
{
const auto f64 = TensorOptions().dtype(kFloat64);

const std::vector<TensorShape> &
batch_shapes()
{
  static const std::vector<TensorShape> s = {{}, {4}, {5, 3}};
  return s;
}

at::Tensor
randn(TensorShapeRef batch, TensorShapeRef base)
{
  return at::randn(test::cat_shape(batch, base), f64);
}

Rot
random_rot(TensorShapeRef b)
{
  return Rot(test::random_mrp(b, 0.1, 3.0));
}

/// Central finite differences with relative step 1e-6.
Tensor
fd(const std::function<Tensor(const Tensor &)> & f, const Tensor & x)
{
  return finite_difference_jacobian(f, x, 1e-6, 1e-6, true);
}

/// An analytic derivative agrees with finite differences (same layout and shape).
::testing::AssertionResult
matches_fd(const at::Tensor & analytic, const Tensor & numeric, double rtol = 1e-6,
           double atol = 1e-7)
{
  return close_same_shape(analytic, numeric, rtol, atol);
}
} // namespace

// ---------------------------------------------------------------------------------------------
// The finite-difference Jacobian itself
// ---------------------------------------------------------------------------------------------

TEST(FiniteDifference, LinearMapsAreExact)
{
  at::manual_seed(70);
  const auto A = R2(randn({4}, {3, 3}));
  const auto x = Vec(randn({4}, {3}));
  const auto f = [&](const Tensor & v) { return Tensor(A * Vec(v)); };
  EXPECT_TRUE(close_same_shape(finite_difference_jacobian(f, x), A, 1e-6, 1e-8));
  EXPECT_TRUE(close_same_shape(fd(f, x), A, 1e-8, 1e-9));
  // the Jacobian of a base-(3,3) function of a base-(6) input has base shape (3,3,6)
  const auto g = [](const Tensor & s) { return Tensor(R2(SR2(s))); };
  const auto J = fd(g, SR2(randn({2}, {6})));
  EXPECT_EQ(J.shape_str(), "(2;3,3,6)");
}

// ---------------------------------------------------------------------------------------------
// Derivatives of rotations
// ---------------------------------------------------------------------------------------------

TEST(Derivatives, EulerRodriguesAndShadow)
{
  at::manual_seed(71);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b);
    const auto dR = r.deuler_rodrigues();
    static_assert(std::is_same_v<decltype(dR), const R3>);
    EXPECT_TRUE(
        matches_fd(dR, fd([](const Tensor & x) { return Tensor(Rot(x).euler_rodrigues()); }, r)));
    const auto dS = r.dshadow();
    static_assert(std::is_same_v<decltype(dS), const R2>);
    EXPECT_TRUE(matches_fd(dS, fd([](const Tensor & x) { return Tensor(Rot(x).shadow()); }, r)));
  }
  // at the identity
  const auto r0 = Rot::identity();
  EXPECT_TRUE(
      matches_fd(r0.deuler_rodrigues(),
                 fd([](const Tensor & x) { return Tensor(Rot(x).euler_rodrigues()); }, r0)));
}

TEST(Derivatives, RotComposition)
{
  at::manual_seed(72);
  for (const auto & b : batch_shapes())
  {
    const auto a = random_rot(b), r = random_rot(b);
    // d(a.rotate(r))/dr and d(a.rotate(r))/da
    EXPECT_TRUE(matches_fd(a.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(a.rotate(Rot(x))); }, r)));
    EXPECT_TRUE(matches_fd(a.drotate_self(r),
                           fd([&](const Tensor & x) { return Tensor(Rot(x).rotate(r)); }, a)));
  }
  // an unbatched rotation applied to a batch
  const auto a = random_rot({4}), r = random_rot({});
  const auto J = a.drotate(r);
  EXPECT_EQ(J.shape_str(), "(4;3,3)");
  EXPECT_TRUE(matches_fd(J, fd([&](const Tensor & x) { return Tensor(a.rotate(Rot(x))); },
                               Tensor(r).dynamic_expand({4}))));
}

TEST(Derivatives, RotateEveryType)
{
  at::manual_seed(73);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b);

    const auto v = Vec(randn(b, {3}));
    static_assert(std::is_same_v<decltype(v.drotate(r)), R2>);
    EXPECT_TRUE(matches_fd(v.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(v.rotate(Rot(x))); }, r)));

    const auto w = WR2(randn(b, {3}));
    static_assert(std::is_same_v<decltype(w.drotate(r)), R2>);
    EXPECT_TRUE(matches_fd(w.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(w.rotate(Rot(x))); }, r)));

    const auto A = R2(randn(b, {3, 3}));
    static_assert(std::is_same_v<decltype(A.drotate(r)), R3>);
    EXPECT_TRUE(matches_fd(A.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(A.rotate(Rot(x))); }, r)));

    const auto s = SR2(randn(b, {6}));
    static_assert(std::is_same_v<decltype(s.drotate(r)), SFR3>);
    EXPECT_TRUE(matches_fd(s.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(s.rotate(Rot(x))); }, r)));

    const auto C = SSR4(randn(b, {6, 6}));
    EXPECT_EQ(C.drotate(r).base_sizes(), TensorShapeRef({6, 6, 3}));
    EXPECT_TRUE(matches_fd(C.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(C.rotate(Rot(x))); }, r)));

    const auto T = R4(randn(b, {3, 3, 3, 3}));
    EXPECT_EQ(T.drotate(r).base_sizes(), TensorShapeRef({3, 3, 3, 3, 3}));
    EXPECT_TRUE(matches_fd(T.drotate(r),
                           fd([&](const Tensor & x) { return Tensor(T.rotate(Rot(x))); }, r)));
  }
}

TEST(Derivatives, ExpMap)
{
  at::manual_seed(74);
  const auto dexp = [](const Tensor & x) { return Tensor(WR2(x).exp_map()); };
  // angles: zero, tiny (series branch, below 1e-4), around the switch, moderate and large
  for (double a : {0.0, 1e-7, 5e-5, 9e-5, 2e-4, 1e-2, 0.5, 1.5, 3.0})
    for (const auto & b : batch_shapes())
    {
      const auto w = WR2(test::random_unit_vectors(b) * a);
      const auto J = w.dexp_map();
      static_assert(std::is_same_v<decltype(J), const R2>);
      EXPECT_EQ(J.dynamic_sizes().concrete(), b);
      EXPECT_TRUE(matches_fd(J, fd(dexp, w), 1e-6, 1e-8)) << "angle " << a;
    }
  // the derivative at zero is I / 4
  EXPECT_TRUE(close(WR2::zeros().dexp_map(), at::eye(3, f64) * 0.25, 1e-15, 0));
}

// ---------------------------------------------------------------------------------------------
// Autograd through the branch-free functions
// ---------------------------------------------------------------------------------------------

namespace
{
/// The gradient of sum(f(x)) with respect to x by autograd.
at::Tensor
grad_of_sum(const std::function<at::Tensor(const at::Tensor &)> & f, const at::Tensor & x0)
{
  auto x = x0.detach().clone().requires_grad_(true);
  f(x).sum().backward();
  return x.grad();
}
} // namespace

TEST(Autograd, ExpMapHasFiniteGradientsAtAndNearZero)
{
  // WR2.cxx: "Near zero both use their series, and the exact branch sees a safe theta, so neither
  // values nor gradients get NaN."
  at::manual_seed(77);
  const auto n = test::random_unit_vectors({5});
  const auto theta = at::tensor({0.0, 1e-9, 5e-5, 1e-3, 1.0}, f64);
  const auto w = n * theta.unsqueeze(-1);
  const auto g = grad_of_sum([](const at::Tensor & x) { return WR2(x).exp_map(); }, w);
  EXPECT_TRUE(g.isfinite().all().item<bool>()) << g;
  // autograd agrees with the analytic derivative: d(sum r)/dw = dexp_map^T 1
  const auto J = WR2(w).dexp_map();
  EXPECT_TRUE(close(g, at::Tensor(J).sum(-2), 1e-10, 1e-12));
  const auto g2 = grad_of_sum([](const at::Tensor & x) { return WR2(x).dexp_map(); }, w);
  EXPECT_TRUE(g2.isfinite().all().item<bool>()) << g2;
}

TEST(Autograd, FillMatrixHasFiniteGradients)
{
  // Rot.cxx: "Clamping keeps the others finite, so no NaN reaches the result or its gradient."
  at::manual_seed(78);
  std::vector<at::Tensor> Rs;
  for (const auto & axis : {at::tensor({1.0, 0.0, 0.0}), at::tensor({0.0, 1.0, 0.0}),
                            at::tensor({0.0, 0.0, 1.0}), test::random_unit_vectors({})})
    for (double a : {0.0, 1e-6, M_PI / 2, M_PI - 1e-6, M_PI})
      Rs.push_back(test::axis_angle_matrix(axis, at::tensor(a, f64)));
  const auto M = at::stack(Rs, 0);
  const auto g = grad_of_sum([](const at::Tensor & x) { return Rot::fill_matrix(R2(x)); }, M);
  EXPECT_TRUE(g.isfinite().all().item<bool>()) << g;
}

TEST(Autograd, NormWithEpsilonHasAFiniteGradientAtZero)
{
  const auto g =
      grad_of_sum([](const at::Tensor & x) { return SR2(x).norm(1e-10); }, at::zeros({2, 6}, f64));
  EXPECT_TRUE(close(g, at::zeros({2, 6}, f64), 0, 0));
}

// ---------------------------------------------------------------------------------------------
// Reduced storage follows the chain rule
// ---------------------------------------------------------------------------------------------

TEST(Derivatives, ReducedStorageIsTheDerivativeOfTheReducedComponents)
{
  // For linear maps Y = f(X) with a known full derivative F_ijkl = dY_ij/dX_kl, converting F to
  // reduced storage gives the derivative of the reduced components of Y with respect to the
  // reduced components of X (Note [reduced storage of fourth-order tensors]).
  at::manual_seed(75);
  for (const auto & b : batch_shapes())
  {
    const auto A = R2(randn(b, {3, 3}));
    const auto B = R2(randn(b, {3, 3}));
    // Y = A X B^T: F_ijkl = A_ik B_jl
    const auto F = R4(at::einsum("...ik,...jl->...ijkl", {A, B}));
    const auto AXBt = [&](const R2 & X) { return A * X * B.transpose(); };
    EXPECT_TRUE(matches_fd(
        F, fd([&](const Tensor & x) { return Tensor(AXBt(R2(x))); }, R2(randn(b, {3, 3})))));

    const auto s = SR2(randn(b, {6}));
    const auto w = WR2(randn(b, {3}));
    const auto X = R2(randn(b, {3, 3}));
    EXPECT_TRUE(matches_fd(SSR4(F),
                           fd([&](const Tensor & x) { return Tensor(SR2(AXBt(R2(SR2(x))))); }, s)));
    EXPECT_TRUE(matches_fd(SWR4(F),
                           fd([&](const Tensor & x) { return Tensor(SR2(AXBt(R2(WR2(x))))); }, w)));
    EXPECT_TRUE(matches_fd(WSR4(F),
                           fd([&](const Tensor & x) { return Tensor(WR2(AXBt(R2(SR2(x))))); }, s)));
    EXPECT_TRUE(matches_fd(WWR4(F),
                           fd([&](const Tensor & x) { return Tensor(WR2(AXBt(R2(WR2(x))))); }, w)));
    EXPECT_TRUE(
        matches_fd(SFFR4(F), fd([&](const Tensor & x) { return Tensor(SR2(AXBt(R2(x)))); }, X)));
    EXPECT_TRUE(
        matches_fd(WFFR4(F), fd([&](const Tensor & x) { return Tensor(WR2(AXBt(R2(x)))); }, X)));

    // third order: Y = v (x) u, dY_ij/dv_k = delta_ik u_j
    const auto u = Vec(randn(b, {3}));
    const auto G = R3(at::einsum("ik,...j->...ijk", {at::eye(3, f64), u}));
    EXPECT_TRUE(
        matches_fd(SFR3(G), fd([&](const Tensor & x) { return Tensor(SR2(Vec(x).outer(u))); },
                               Vec(randn(b, {3})))));
  }
}

// ---------------------------------------------------------------------------------------------
// Identity maps and derivative types
// ---------------------------------------------------------------------------------------------

static_assert(std::is_same_v<DerivativeType_t<Scalar, Scalar>, Scalar>);
static_assert(std::is_same_v<DerivativeType_t<Scalar, SR2>, SR2>);
static_assert(std::is_same_v<DerivativeType_t<SR2, Scalar>, SR2>);
static_assert(std::is_same_v<DerivativeType_t<Vec, Vec>, R2>);
static_assert(std::is_same_v<DerivativeType_t<Rot, Rot>, R2>);
static_assert(std::is_same_v<DerivativeType_t<WR2, WR2>, WWR4>);
static_assert(std::is_same_v<DerivativeType_t<WR2, SR2>, WSR4>);
static_assert(std::is_same_v<DerivativeType_t<WR2, R2>, WFFR4>);
static_assert(std::is_same_v<DerivativeType_t<SR2, SR2>, SSR4>);
static_assert(std::is_same_v<DerivativeType_t<SR2, WR2>, SWR4>);
static_assert(std::is_same_v<DerivativeType_t<SR2, R2>, SFFR4>);
static_assert(std::is_same_v<DerivativeType_t<SR2, Vec>, SFR3>);
static_assert(std::is_same_v<DerivativeType_t<SR2, Rot>, SFR3>);
static_assert(std::is_same_v<DerivativeType_t<R2, R2>, R4>);
static_assert(std::is_same_v<DerivativeType_t<R2, Vec>, R3>);
static_assert(std::is_same_v<DerivativeType_t<R2, Rot>, R3>);
static_assert(std::is_same_v<DerivativeType_t<SSR4, SR2>, Tensor>);
static_assert(std::is_same_v<DerivativeType_t<Vec, SSR4>, Tensor>);

namespace
{
template <class T>
void
check_identity_map()
{
  at::manual_seed(76);
  const auto I = identity_map<T>();
  static_assert(std::is_same_v<decltype(I), const DerivativeType_t<T, T>>);
  EXPECT_EQ(I.dynamic_dim(), 0);
  EXPECT_EQ(I.scalar_type(), kFloat64);
  TensorShape base(T::const_base_sizes().begin(), T::const_base_sizes().end());
  base.append(T::const_base_sizes().begin(), T::const_base_sizes().end());
  EXPECT_EQ(I.base_sizes(), TensorShapeRef(base));
  for (const auto & b : batch_shapes())
  {
    const auto x = T(randn(b, T::const_base_sizes()));
    EXPECT_TRUE(close(I, fd([](const Tensor & y) { return y; }, x), 1e-8, 1e-9))
        << TensorTypeName<T>::value;
  }
  EXPECT_EQ(identity_map<T>(TensorOptions().dtype(kFloat32)).scalar_type(), kFloat32);
}
} // namespace

TEST(IdentityMap, EqualsTheJacobianOfTheIdentity)
{
  check_identity_map<Scalar>();
  check_identity_map<Vec>();
  check_identity_map<Rot>();
  check_identity_map<WR2>();
  check_identity_map<R2>();
  check_identity_map<SR2>();
  // and the known values
  EXPECT_TRUE(close(identity_map<SR2>(), SSR4::identity_sym(), 0, 0));
  EXPECT_TRUE(close(identity_map<R2>(), R4::identity(), 0, 0));
  EXPECT_TRUE(close(identity_map<WR2>(), WWR4::identity(), 0, 0));
  EXPECT_TRUE(close(identity_map<Scalar>(), at::ones({}, f64), 0, 0));
}
