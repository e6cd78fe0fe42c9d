// Rotations: modified Rodrigues parameters against axis-angle and quaternion references, matrix
// round trips (also near 0 and pi), composition, inverse and shadow, rotating every type, the
// exponential map, Euler angles in the three conventions, random rotations and the geodesic
// distance.
#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/acos.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/det.h>
#include <ATen/ops/einsum.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/round.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/tan.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "neml2/tensors/functions/linalg.h"
#include "neml2/tensors/tensors.h"
#include "neml2_testing/helpers.h"
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

Rot
random_rot(TensorShapeRef b, double lo = 0.1, double hi = 3.0)
{
  return Rot(test::random_mrp(b, lo, hi));
}

/// R^T R = I and det R = 1.
::testing::AssertionResult
is_rotation(const at::Tensor & R, double tol = 1e-12)
{
  auto o = close(at::matmul(R.transpose(-1, -2), R), at::eye(3, f64), 0, tol);
  if (!o)
    return ::testing::AssertionFailure() << "not orthogonal: " << o.message();
  auto d = close(at::det(R), at::ones({}, f64), 0, tol);
  if (!d)
    return ::testing::AssertionFailure() << "determinant is not 1: " << d.message();
  return ::testing::AssertionSuccess();
}

/// Angles a and b agree modulo 2 pi (or 360 degrees).
::testing::AssertionResult
same_angles(const at::Tensor & a, const at::Tensor & b, double period, double tol)
{
  auto d = a - b;
  d = d - at::round(d / period) * period;
  return close(d, at::zeros({}, f64), 0, tol);
}

/// sum_k W^k / k! truncated after `terms` terms.
at::Tensor
matrix_exp_series(const at::Tensor & W, int terms = 30)
{
  auto term = at::eye(3, f64).expand_as(W).clone();
  auto sum = term.clone();
  for (int k = 1; k < terms; ++k)
  {
    term = at::matmul(term, W) / double(k);
    sum = sum + term;
  }
  return sum;
}

/// Rotations about axis n (batched) by the given angles (batched).
Rot
axis_angle(const at::Tensor & n, const at::Tensor & theta)
{
  return Rot(n * at::tan(theta / 4).unsqueeze(-1));
}

/// Random Euler angle triples (radians): a, c in [0, 2 pi), b in (margin, pi - margin).
at::Tensor
random_euler(TensorShapeRef b, double margin = 0.05)
{
  return at::stack({test::uniform(b, 0, 2 * M_PI), test::uniform(b, margin, M_PI - margin),
                    test::uniform(b, 0, 2 * M_PI)},
                   -1);
}

/// The Bunge matrix (Rz(phi1) Rx(Phi) Rz(phi2))^T.
at::Tensor
bunge_matrix(double phi1, double Phi, double phi2)
{
  return at::matmul(at::matmul(test::rot_z(phi1), test::rot_x(Phi)), test::rot_z(phi2))
      .transpose(0, 1);
}
} // namespace

// ---------------------------------------------------------------------------------------------
// The rotation matrix
// ---------------------------------------------------------------------------------------------

TEST(Rotation, EulerRodriguesMatchesReferences)
{
  at::manual_seed(51);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b, 0.0, M_PI);
    const auto R = r.euler_rodrigues();
    EXPECT_EQ(R.dynamic_sizes().concrete(), b);
    EXPECT_TRUE(is_rotation(R));
    EXPECT_TRUE(close_same_shape(R, test::mrp_matrix(r), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(R, Quaternion(r).to_R2(), 1e-12, 1e-13));
  }
  // a quarter turn about z is active and right-handed: x -> y
  const auto q = Rot::fill(0, 0, std::tan(M_PI / 8));
  EXPECT_TRUE(
      close(q.euler_rodrigues(), test::matrix3({0, -1, 0, 1, 0, 0, 0, 0, 1}), 1e-14, 1e-15));
  EXPECT_TRUE(close(Vec::fill(1, 0, 0).rotate(q), at::tensor({0.0, 1.0, 0.0}), 1e-14, 1e-15));
  // the factories for axis-angle and classical Rodrigues parameters
  const auto n = Vec::fill(1, 2, 2);
  const auto theta = Scalar::full(1.2);
  const auto aa = Rot::axis_angle(n, theta);
  EXPECT_TRUE(close(aa, at::tensor({1.0, 2.0, 2.0}) / 3.0 * std::tan(0.3), 1e-14, 1e-15));
  EXPECT_TRUE(close(Rot::fill_rodrigues(Vec(at::tensor({1.0, 2.0, 2.0}) / 3.0 * std::tan(0.6))), aa,
                    1e-14, 1e-15));
  EXPECT_TRUE(close(aa.euler_rodrigues(),
                    test::axis_angle_matrix(at::tensor({1.0, 2.0, 2.0}) / 3.0, at::tensor(1.2)),
                    1e-14, 1e-15));
}

TEST(Rotation, QuaternionConversions)
{
  at::manual_seed(52);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b, 0.0, M_PI);
    const Quaternion q(r);
    EXPECT_TRUE(close_same_shape(q.norm(), at::ones(b, f64), 1e-14, 0));
    EXPECT_TRUE((at::Tensor(q(0)) >= 0).all().item<bool>());
    EXPECT_TRUE(close_same_shape(q.to_Rot(), r, 1e-13, 1e-14));
    // the quaternion of the composition is the Hamilton product (up to sign)
    const auto s = random_rot(b, 0.0, M_PI);
    EXPECT_TRUE(
        close((Quaternion(r) * Quaternion(s)).to_R2(), (r * s).euler_rodrigues(), 1e-12, 1e-13));
    // the quaternion of the inverse is the conjugate
    EXPECT_TRUE(close(Quaternion(r.inverse()), q.conjugate(), 1e-14, 1e-15));
  }
}

TEST(Rotation, FillMatrixRoundTrip)
{
  at::manual_seed(53);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b, 0.0, M_PI);
    const auto R = r.euler_rodrigues();
    const auto r2 = Rot::fill_matrix(R);
    EXPECT_EQ(r2.dynamic_sizes().concrete(), b);
    EXPECT_TRUE(close_same_shape(r2.euler_rodrigues(), R, 1e-12, 1e-13));
    // the parameters with |r| <= 1 are unique below pi
    EXPECT_TRUE(close_same_shape(r2, r, 1e-11, 1e-12));
  }

  // angles near 0 and near pi about random and coordinate axes
  const std::vector<double> angles = {0.0,         1e-12,       1e-8,        1e-4, 0.5,
                                      M_PI - 1e-2, M_PI - 1e-6, M_PI - 1e-9, M_PI};
  std::vector<at::Tensor> axes = {
      at::tensor({1.0, 0.0, 0.0}), at::tensor({0.0, 1.0, 0.0}), at::tensor({0.0, 0.0, 1.0}),
      at::tensor({1.0, 1.0, 0.0}) / std::sqrt(2.0), at::tensor({-1.0, 2.0, 2.0}) / 3.0};
  axes.push_back(test::random_unit_vectors({}));
  for (const auto & n : axes)
    for (double a : angles)
    {
      const auto R = test::axis_angle_matrix(n, at::tensor(a, f64));
      const auto r = Rot::fill_matrix(R2(R));
      EXPECT_TRUE(close_same_shape(r.euler_rodrigues(), R, 1e-12, 1e-12))
          << "angle " << a << " axis " << n;
      EXPECT_LE(r.norm().item<double>(), 1.0 + 1e-12) << "angle " << a;
      EXPECT_TRUE(at::Tensor(r).isfinite().all().item<bool>()) << "angle " << a;
      if (a < M_PI - 1e-3)
      {
        EXPECT_TRUE(close(r, n * std::tan(a / 4), 1e-9, 1e-12)) << "angle " << a << " axis " << n;
      }
    }
  // all of them at once (the branch is chosen per batch entry)
  std::vector<at::Tensor> Rs;
  for (const auto & n : axes)
    for (double a : angles)
      Rs.push_back(test::axis_angle_matrix(n, at::tensor(a, f64)));
  const auto Rb = at::stack(Rs, 0);
  EXPECT_TRUE(close_same_shape(Rot::fill_matrix(R2(Rb)).euler_rodrigues(), Rb, 1e-12, 1e-12));
}

TEST(Rotation, CompositionInverseShadow)
{
  at::manual_seed(54);
  for (const auto & b : batch_shapes())
  {
    const auto a = random_rot(b), c = random_rot(b), d = random_rot(b);
    const auto Ra = a.euler_rodrigues(), Rc = c.euler_rodrigues(), Rd = d.euler_rodrigues();
    EXPECT_TRUE(close_same_shape((a * c).euler_rodrigues(), at::matmul(Ra, Rc), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(((a * c) * d).euler_rodrigues(), (a * (c * d)).euler_rodrigues(),
                                 1e-12, 1e-13));
    // rotate(r) applies r after this rotation
    EXPECT_TRUE(close_same_shape(a.rotate(c).euler_rodrigues(), at::matmul(Rc, Ra), 1e-12, 1e-13));
    // inverse
    EXPECT_TRUE(close_same_shape(a.inverse().euler_rodrigues(), Ra.transpose(), 1e-13, 1e-14));
    EXPECT_TRUE(close_same_shape(a.inverse(), -at::Tensor(a), 0, 0));
    EXPECT_TRUE(close((a * a.inverse()).euler_rodrigues(), at::eye(3, f64), 1e-13, 1e-13));
    // shadow: same rotation, reciprocal length
    const auto s = a.shadow();
    EXPECT_TRUE(close_same_shape(s.euler_rodrigues(), Ra, 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(s.norm() * a.norm(), at::ones(b, f64), 1e-13, 0));
    EXPECT_TRUE(close_same_shape(s.shadow(), a, 1e-13, 1e-15));
  }
  // composition broadcasts: an unbatched rotation with a batch
  const auto u = random_rot({});
  const auto v = random_rot({5, 3});
  EXPECT_EQ((u * v).shape_str(), "(5,3;3)");
  EXPECT_TRUE(close((u * v).euler_rodrigues(), at::matmul(u.euler_rodrigues(), v.euler_rodrigues()),
                    1e-12, 1e-13));
}

TEST(Rotation, CompositionOfHalfTurnsAboutTheSameAxis)
{
  // Rot.h: "Composition: R(a * b) = R(a) R(b)". Two half turns about the same axis make a full
  // turn, the identity.
  for (const auto & n : {at::tensor({1.0, 0.0, 0.0}), at::tensor({0.0, 0.6, 0.8})})
  {
    const auto a = Rot(n); // |r| = tan(pi / 4) = 1
    const auto c = a * a;
    EXPECT_TRUE(close(c.euler_rodrigues(), at::eye(3, f64), 1e-10, 1e-10)) << "axis " << n;
  }
}

// ---------------------------------------------------------------------------------------------
// Rotating tensors
// ---------------------------------------------------------------------------------------------

TEST(Rotate, MatchesFullMatrixFormulas)
{
  at::manual_seed(55);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b);
    const at::Tensor R = test::mrp_matrix(r);
    const auto Rt = R.transpose(-1, -2);

    const auto v = Vec(at::randn(test::cat_shape(b, {3}), f64));
    EXPECT_TRUE(
        close_same_shape(v.rotate(r), at::einsum("...ij,...j->...i", {R, v}), 1e-12, 1e-13));

    const auto A = R2(at::randn(test::cat_shape(b, {3, 3}), f64));
    EXPECT_TRUE(close_same_shape(A.rotate(r), at::matmul(at::matmul(R, A), Rt), 1e-12, 1e-13));

    const auto s = SR2(at::randn(test::cat_shape(b, {6}), f64));
    const auto S = test::mandel_to_full(s);
    EXPECT_TRUE(close_same_shape(test::mandel_to_full(s.rotate(r)),
                                 at::matmul(at::matmul(R, S), Rt), 1e-12, 1e-13));

    const auto w = WR2(at::randn(test::cat_shape(b, {3}), f64));
    const auto W = test::skew_matrix(w);
    EXPECT_TRUE(close_same_shape(test::skew_matrix(w.rotate(r)), at::matmul(at::matmul(R, W), Rt),
                                 1e-12, 1e-13));

    const auto c = SSR4(at::randn(test::cat_shape(b, {6, 6}), f64));
    const auto C = test::mandel4_to_full(c);
    const auto RC = at::einsum("...im,...jn,...ko,...lp,...mnop->...ijkl", {R, R, R, R, C});
    EXPECT_TRUE(close_same_shape(test::mandel4_to_full(c.rotate(r)), RC, 1e-12, 1e-12));

    const auto T = R4(at::randn(test::cat_shape(b, {3, 3, 3, 3}), f64));
    const auto RT = at::einsum("...im,...jn,...ko,...lp,...mnop->...ijkl", {R, R, R, R, T});
    EXPECT_TRUE(close_same_shape(T.rotate(r), RT, 1e-12, 1e-12));

    const auto q = random_rot(b);
    EXPECT_TRUE(close_same_shape(q.rotate(r).euler_rodrigues(), at::matmul(R, q.euler_rodrigues()),
                                 1e-12, 1e-13));
  }
  // an unbatched rotation applies to a batch, and intermediate dimensions are kept
  const auto r = random_rot({});
  const auto s = SR2(at::randn({2, 4, 6}, f64), 1, 1);
  EXPECT_EQ(s.rotate(r).shape_str(), "(2|4;6)");
  const auto rb = random_rot({2});
  EXPECT_EQ(SSR4::identity_sym().rotate(rb).shape_str(), "(2;6,6)");
}

TEST(Rotate, IsotropicTensorsAreInvariant)
{
  at::manual_seed(56);
  for (const auto & b : batch_shapes())
  {
    const auto r = random_rot(b);
    const auto C = SSR4::isotropic_E_nu(Scalar::full(200.0), Scalar::full(0.3));
    EXPECT_TRUE(close(C.rotate(r), C, 1e-12, 1e-10));
    for (const auto & I :
         {SSR4::identity(), SSR4::identity_sym(), SSR4::identity_vol(), SSR4::identity_dev()})
      EXPECT_TRUE(close(I.rotate(r), I, 1e-12, 1e-13));
    EXPECT_TRUE(close(SR2::identity().rotate(r), SR2::identity(), 1e-12, 1e-13));
    EXPECT_TRUE(close(R4::identity().rotate(r), R4::identity(), 1e-12, 1e-13));
    // invariants of rotated tensors are unchanged
    const auto s = SR2(at::randn(test::cat_shape(b, {6}), f64));
    EXPECT_TRUE(close_same_shape(tr(s.rotate(r)), tr(s), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(det(s.rotate(r)), det(s), 1e-11, 1e-12));
    EXPECT_TRUE(close_same_shape(norm(s.rotate(r)), norm(s), 1e-12, 1e-13));
    // a cubic tensor is invariant under a quarter turn about a cube axis
    const auto cubic =
        SSR4::fill_C1_C2_C3(Scalar::full(250.0), Scalar::full(150.0), Scalar::full(120.0));
    const auto quarter = Rot::fill(0, std::tan(M_PI / 8), 0);
    EXPECT_TRUE(close(cubic.rotate(quarter), cubic, 1e-12, 1e-10));
    EXPECT_FALSE(close(cubic.rotate(Rot::fill(0, std::tan(M_PI / 16), 0)), cubic, 1e-6, 1e-6));
  }
}

// ---------------------------------------------------------------------------------------------
// The exponential map
// ---------------------------------------------------------------------------------------------

TEST(ExpMap, MatchesTheMatrixExponential)
{
  at::manual_seed(57);
  const std::vector<double> angles = {0.0,  1e-9, 1e-6, 1e-5, 9.9e-5, 1e-4, 1.01e-4,
                                      1e-3, 0.1,  1.0,  2.0,  3.0,    3.1};
  for (double a : angles)
  {
    const auto n = test::random_unit_vectors({4});
    const auto w = WR2(n * a);
    const auto series = matrix_exp_series(test::skew_matrix(w));
    EXPECT_TRUE(close_same_shape(w.exp(), series, 1e-12, 1e-14)) << "angle " << a;
    EXPECT_TRUE(close_same_shape(w.exp_map().euler_rodrigues(), series, 1e-12, 1e-14))
        << "angle " << a;
    // the parameters are n tan(angle / 4)
    EXPECT_TRUE(close_same_shape(w.exp_map(), n * std::tan(a / 4), 1e-12, 1e-16)) << "angle " << a;
    EXPECT_TRUE(is_rotation(w.exp()));
  }
  // mixed angles in one batch, two dynamic dimensions
  const auto n = test::random_unit_vectors({5, 3});
  const auto theta =
      at::tensor({0.0, 1e-7, 5e-5, 2e-4, 0.3, 1.0, 1.5, 2.0, 2.5, 2.9, 3.0, 1e-12, 0.7, 1e-4, 3.1},
                 f64)
          .reshape({5, 3});
  const auto w = WR2(n * theta.unsqueeze(-1));
  EXPECT_TRUE(close_same_shape(w.exp(), matrix_exp_series(test::skew_matrix(w)), 1e-12, 1e-14));
  EXPECT_EQ(w.exp_map().shape_str(), "(5,3;3)");
  // exp(W) exp(-W) = I, and exp of a multiple of the same axis adds angles
  EXPECT_TRUE(
      close((w.exp_map() * (-w).exp_map()).euler_rodrigues(), at::eye(3, f64), 1e-12, 1e-13));
  EXPECT_TRUE(
      close((w.exp_map() * (w * 0.5).exp_map()).euler_rodrigues(), (w * 1.5).exp(), 1e-12, 1e-13));
}

// ---------------------------------------------------------------------------------------------
// Euler angles
// ---------------------------------------------------------------------------------------------

TEST(EulerAngles, BungeMatrix)
{
  const std::vector<std::array<double, 3>> triples = {
      {0, 0, 0},      {30, 0, 0},    {0, 45, 0},         {0, 0, 60},      {10, 20, 30},
      {123, 77, 301}, {359, 179, 1}, {270.5, 90, 45.25}, {200, 10.5, 350}};
  for (const auto & t : triples)
  {
    const double d = M_PI / 180;
    const auto r = Rot::fill_euler_angles(Vec::fill(t[0], t[1], t[2]), "bunge", "degrees");
    EXPECT_TRUE(
        close(r.euler_rodrigues(), bunge_matrix(t[0] * d, t[1] * d, t[2] * d), 1e-12, 1e-13))
        << t[0] << " " << t[1] << " " << t[2];
    const auto rr =
        Rot::fill_euler_angles(Vec::fill(t[0] * d, t[1] * d, t[2] * d), "bunge", "radians");
    EXPECT_TRUE(close(rr, r, 1e-12, 1e-13));
  }
  // batched angles
  at::manual_seed(58);
  const auto ang = random_euler({5, 3});
  const auto r = Rot::fill_euler_angles(Vec(ang), "bunge", "radians");
  EXPECT_EQ(r.shape_str(), "(5,3;3)");
  const auto a = ang.reshape({15, 3});
  const auto R = at::Tensor(r.euler_rodrigues()).reshape({15, 3, 3});
  for (int i = 0; i < 15; ++i)
    EXPECT_TRUE(close(
        R[i], bunge_matrix(a[i][0].item<double>(), a[i][1].item<double>(), a[i][2].item<double>()),
        1e-12, 1e-13))
        << i;
}

TEST(EulerAngles, ConventionsAreRelated)
{
  // Roe (psi, theta, phi) = Bunge (psi + 90, theta, phi - 90); Kocks (Psi, Theta, phi) = Bunge
  // (Psi + 90, Theta, 90 - phi).
  at::manual_seed(59);
  const auto ang = random_euler({20}) * (180.0 / M_PI);
  const auto a = ang.select(-1, 0), b = ang.select(-1, 1), c = ang.select(-1, 2);
  const auto roe = Rot::fill_euler_angles(Vec(ang), "roe", "degrees").euler_rodrigues();
  const auto kocks = Rot::fill_euler_angles(Vec(ang), "kocks", "degrees").euler_rodrigues();
  const auto bunge_roe =
      Rot::fill_euler_angles(Vec(at::stack({a + 90, b, c - 90}, -1)), "bunge", "degrees");
  const auto bunge_kocks =
      Rot::fill_euler_angles(Vec(at::stack({a + 90, b, 90 - c}, -1)), "bunge", "degrees");
  EXPECT_TRUE(close(roe, bunge_roe.euler_rodrigues(), 1e-12, 1e-13));
  EXPECT_TRUE(close(kocks, bunge_kocks.euler_rodrigues(), 1e-12, 1e-13));
}

TEST(EulerAngles, RoundTrips)
{
  at::manual_seed(60);
  for (const std::string conv : {"kocks", "roe", "bunge"})
    for (const std::string unit : {"radians", "degrees"})
    {
      SCOPED_TRACE(conv + " " + unit);
      const double scale = unit == "degrees" ? 180.0 / M_PI : 1.0;
      for (const auto & b : batch_shapes())
      {
        const auto ang = random_euler(b) * scale;
        const auto r = Rot::fill_euler_angles(Vec(ang), conv, unit);
        EXPECT_EQ(r.dynamic_sizes().concrete(), b);
        const auto back = r.to_euler_angles(conv, unit);
        EXPECT_EQ(back.dynamic_sizes().concrete(), b);
        // the same rotation
        EXPECT_TRUE(close_same_shape(Rot::fill_euler_angles(back, conv, unit).euler_rodrigues(),
                                     r.euler_rodrigues(), 1e-11, 1e-12));
        // and, away from the degenerate middle angles 0 and pi, the same angles (modulo a turn)
        EXPECT_TRUE(same_angles(back, ang, 2 * M_PI * scale, 1e-9 * scale));
      }
    }
}

TEST(EulerAngles, RoundTripsOfDegenerateAndRandomRotations)
{
  at::manual_seed(61);
  // Rotations about the z axis (middle angle 0) and random rotations: the angles come back as a
  // triple that describes the same rotation.
  std::vector<at::Tensor> Rs;
  for (double a : {0.0, 0.3, 1.0, 2.5, M_PI, 4.0, 6.0})
    Rs.push_back(test::axis_angle_matrix(at::tensor({0.0, 0.0, 1.0}), at::tensor(a, f64)));
  const auto Rz = at::stack(Rs, 0);
  const auto r0 = Rot::fill_matrix(R2(Rz));
  const auto rr = random_rot({50}, 0.0, M_PI);
  for (const std::string conv : {"kocks", "roe", "bunge"})
    for (const std::string unit : {"radians", "degrees"})
      for (const auto & r : {r0, rr})
      {
        SCOPED_TRACE(conv + " " + unit);
        const auto back = Rot::fill_euler_angles(r.to_euler_angles(conv, unit), conv, unit);
        EXPECT_TRUE(close(back.euler_rodrigues(), r.euler_rodrigues(), 1e-10, 1e-10));
      }
}

TEST(EulerAngles, FillBungeWithMiddleAngleOfHalfTurn)
{
  // Phi = 180 degrees is a valid Bunge angle (Phi in [0, 180]); the rotation is
  // (Rz(phi1) Rx(pi) Rz(phi2))^T, not the one of Phi = 0.
  const double d = M_PI / 180;
  for (const auto & t : std::vector<std::array<double, 3>>{{30, 180, 40}, {0, 180, 0}})
  {
    const auto expected = bunge_matrix(t[0] * d, t[1] * d, t[2] * d);
    const auto r = Rot::fill_euler_angles(Vec::fill(t[0], t[1], t[2]), "bunge", "degrees");
    EXPECT_TRUE(close(r.euler_rodrigues(), expected, 1e-10, 1e-10))
        << t[0] << " " << t[1] << " " << t[2] << " degrees";
    const auto rr = Rot::fill_euler_angles(Vec::fill(t[0] * d, M_PI, t[2] * d), "bunge", "radians");
    EXPECT_TRUE(close(rr.euler_rodrigues(), expected, 1e-10, 1e-10))
        << t[0] << " " << t[1] << " " << t[2] << " radians";
  }
}

TEST(EulerAngles, ToEulerAnglesOfHalfTurnAboutHorizontalAxis)
{
  // A half turn about the x axis has R_33 = -1 (middle angle pi): its Euler angles must describe
  // it again.
  const auto r = Rot::fill(1, 0, 0); // tan(pi / 4) = 1
  for (const std::string conv : {"kocks", "roe", "bunge"})
  {
    const auto back = Rot::fill_euler_angles(r.to_euler_angles(conv, "radians"), conv, "radians");
    EXPECT_TRUE(close(back.euler_rodrigues(), r.euler_rodrigues(), 1e-10, 1e-10)) << conv;
  }
}

TEST(EulerAngles, UnknownConventionAndUnit)
{
  const auto v = Vec::fill(1, 2, 3);
  auto m1 = test::error_message<TypeError>([&] { Rot::fill_euler_angles(v, "zxz", "degrees"); });
  test::expect_contains(m1, {"unknown Euler angle convention 'zxz'", "kocks, roe or bunge"});
  auto m2 = test::error_message<TypeError>([&] { Rot::fill_euler_angles(v, "bunge", "grad"); });
  test::expect_contains(m2, {"unknown angle type 'grad'", "degrees or radians"});
  const auto r = Rot::fill(0.1, 0.2, 0.3);
  auto m3 = test::error_message<TypeError>([&] { r.to_euler_angles("xyz", "radians"); });
  test::expect_contains(m3, {"unknown Euler angle convention 'xyz'"});
  auto m4 = test::error_message<TypeError>([&] { r.to_euler_angles("roe", "turns"); });
  test::expect_contains(m4, {"unknown angle type 'turns'"});
}

// ---------------------------------------------------------------------------------------------
// Random rotations and the geodesic distance
// ---------------------------------------------------------------------------------------------

TEST(RandomRotations, AreUniformOnSO3)
{
  at::manual_seed(62);
  const Size n = 20000;
  const auto r = Rot::fill_random({n});
  EXPECT_EQ(r.shape_str(), "(20000;3)");
  EXPECT_LE(r.norm().max().item<double>(), 1.0 + 1e-12);
  const at::Tensor R = r.euler_rodrigues();
  EXPECT_TRUE(is_rotation(R, 1e-12));
  // the mean rotation matrix of a uniform distribution is zero
  EXPECT_TRUE(close(R.mean(0), at::zeros({3, 3}, f64), 0, 0.02));
  // rotation angles have the density (1 - cos t) / pi on [0, pi]: mean pi/2 + 2/pi
  const auto trace = R.diagonal(0, -2, -1).sum(-1);
  const auto angle = at::acos(at::clamp((trace - 1) / 2, -1, 1));
  EXPECT_NEAR(angle.mean().item<double>(), M_PI / 2 + 2 / M_PI, 0.02);
  // axes are isotropic
  EXPECT_TRUE(close(at::Tensor(r).mean(0), at::zeros({3}, f64), 0, 0.02));

  // batch shapes, options and seeds
  EXPECT_EQ(Rot::fill_random({5, 3}).shape_str(), "(5,3;3)");
  EXPECT_EQ(Rot::fill_random({2}, TensorOptions().dtype(kFloat32)).scalar_type(), kFloat32);
  at::manual_seed(7);
  const auto a = Rot::fill_random({4});
  at::manual_seed(7);
  const auto b = Rot::fill_random({4});
  EXPECT_TRUE(close(a, b, 0, 0));
}

TEST(RandomRotations, GdistIsTheMisorientationAngleForOppositeQuaternions)
{
  // Rot.h: gdist is "the misorientation angle between two rotations". Rotations by pi - 0.1 about
  // x and about -x differ by 0.2 radians, although their quaternions (both with non-negative
  // scalar parts, |r| <= 1) have a negative dot product.
  const double t = std::tan((M_PI - 0.1) / 4);
  const auto a = Rot::fill(t, 0, 0), b = Rot::fill(-t, 0, 0);
  const auto Ra = a.euler_rodrigues(), Rb = b.euler_rodrigues();
  const auto rel = at::matmul(at::Tensor(Ra).transpose(-1, -2), Rb);
  const auto mis = at::acos((rel.diagonal(0, -2, -1).sum(-1) - 1) / 2);
  EXPECT_NEAR(mis.item<double>(), 0.2, 1e-10);
  EXPECT_NEAR(a.gdist(b).item<double>(), 0.2, 1e-8);
}

TEST(RandomRotations, GeodesicDistance)
{
  at::manual_seed(63);
  for (const auto & b : batch_shapes())
  {
    const auto x = random_rot(b, 0.0, M_PI), y = random_rot(b, 0.0, M_PI);
    const auto g = x.gdist(y);
    EXPECT_EQ(g.dynamic_sizes().concrete(), b);
    // symmetric, zero on the diagonal
    EXPECT_TRUE(close_same_shape(y.gdist(x), g, 1e-12, 1e-13));
    EXPECT_TRUE(close(x.gdist(x), at::zeros({}, f64), 0, 1e-7));
    // twice the angle between the unit quaternions (q and -q are the same rotation)
    const auto qx = Quaternion(x), qy = Quaternion(y);
    const auto dot = (at::Tensor(qx) * at::Tensor(qy)).sum(-1);
    EXPECT_TRUE(close_same_shape(g, 2 * at::acos(at::clamp(at::abs(dot), 0, 1)), 1e-9, 1e-9));
    // the misorientation angle where the quaternions are on the same side
    const auto Rx = x.euler_rodrigues(), Ry = y.euler_rodrigues();
    const auto rel = at::matmul(at::Tensor(Rx).transpose(-1, -2), Ry);
    const auto mis = at::acos(at::clamp((rel.diagonal(0, -2, -1).sum(-1) - 1) / 2, -1, 1));
    const auto same_side = dot >= 0;
    EXPECT_TRUE(
        close(at::Tensor(g).masked_select(same_side), mis.masked_select(same_side), 1e-7, 1e-7));
  }
  // the distance from the identity is the rotation angle
  const auto n = test::random_unit_vectors({6});
  const auto theta = at::tensor({0.1, 0.5, 1.0, 2.0, 3.0, 3.1}, f64);
  const auto r = axis_angle(n, theta);
  EXPECT_TRUE(close(Rot::identity().gdist(r), theta, 1e-12, 1e-12));
  // small relative rotations: gdist(a, a * d) is the angle of d
  const auto a = random_rot({6}, 0.1, 2.0);
  const auto small = at::tensor({1e-3, 1e-2, 0.1, 0.2, 0.3, 0.5}, f64);
  const auto d = axis_angle(test::random_unit_vectors({6}), small);
  EXPECT_TRUE(close(a.gdist(a * d), small, 1e-7, 1e-9));
}
