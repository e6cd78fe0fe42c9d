// Tensor algebra against analytic values and plain-ATen references: conversions between full and
// reduced storage, products, invariants, inverses, linear solves, eigen-decomposition, einsum,
// elementwise math and the SSR4 identities.
#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/acos.h>
#include <ATen/ops/asin.h>
#include <ATen/ops/atan.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/cos.h>
#include <ATen/ops/cosh.h>
#include <ATen/ops/cross.h>
#include <ATen/ops/det.h>
#include <ATen/ops/diag_embed.h>
#include <ATen/ops/einsum.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/inverse.h>
#include <ATen/ops/log.h>
#include <ATen/ops/log10.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/sign.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/sinh.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/tan.h>
#include <ATen/ops/tanh.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros.h>
#include <cmath>
#include <vector>

#include "neml2/tensors/functions/einsum.h"
#include "neml2/tensors/functions/linalg.h"
#include "neml2/tensors/functions/math.h"
#include "neml2/tensors/tensors.h"
#include "neml2_testing/helpers.h"
#include "neml2_testing/tensors.h"

using namespace neml2;
using test::close;
using test::close_same_shape;

namespace
{
const auto f64 = TensorOptions().dtype(kFloat64);

/// The batch shapes most tests run at: unbatched, one and two dynamic dimensions.
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

/// A well-conditioned random matrix batch: 3 I + N(0, 1) / 2.
at::Tensor
well_conditioned(TensorShapeRef batch, Size n)
{
  return at::eye(n, f64) * 3.0 + randn(batch, {n, n}) * 0.5;
}

/// Permute the last four dimensions of a (..., 3, 3, 3, 3) tensor: [ijkl] -> the given order.
at::Tensor
perm4(const at::Tensor & t, std::vector<int64_t> order)
{
  std::vector<int64_t> p;
  const auto b = t.dim() - 4;
  for (int64_t i = 0; i < b; ++i)
    p.push_back(i);
  for (auto o : order)
    p.push_back(b + o);
  return t.permute(p);
}

at::Tensor
sym_first(const at::Tensor & T)
{
  return (T + perm4(T, {1, 0, 2, 3})) / 2;
}
at::Tensor
skew_first(const at::Tensor & T)
{
  return (T - perm4(T, {1, 0, 2, 3})) / 2;
}
at::Tensor
sym_second(const at::Tensor & T)
{
  return (T + perm4(T, {0, 1, 3, 2})) / 2;
}
at::Tensor
skew_second(const at::Tensor & T)
{
  return (T - perm4(T, {0, 1, 3, 2})) / 2;
}
} // namespace

// ---------------------------------------------------------------------------------------------
// Conversions between full and reduced storage
// ---------------------------------------------------------------------------------------------

TEST(Conversions, SR2AndR2)
{
  at::manual_seed(21);
  for (const auto & b : batch_shapes())
  {
    const auto s = SR2(randn(b, {6}));
    const R2 S(s);
    EXPECT_EQ(S.dynamic_sizes().concrete(), b);
    EXPECT_TRUE(close_same_shape(S, test::mandel_to_full(s), 1e-15, 1e-15));
    EXPECT_TRUE(close_same_shape(SR2(S), s, 1e-14, 1e-15));

    const auto M = randn(b, {3, 3});
    const auto Msym = (M + M.transpose(-1, -2)) / 2;
    EXPECT_TRUE(close_same_shape(SR2(R2(Msym)), test::full_to_mandel(Msym), 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(R2(SR2(R2(Msym))), Msym, 1e-14, 1e-15));
    // a non-symmetric tensor keeps its symmetric part
    EXPECT_TRUE(close_same_shape(R2(SR2(R2(M))), Msym, 1e-14, 1e-15));
    // full contraction is preserved (Mandel is orthonormal)
    const auto t = SR2(randn(b, {6}));
    EXPECT_TRUE(close(s.inner(t), (at::Tensor(S) * at::Tensor(R2(t))).sum({-2, -1}), 1e-13, 1e-14));
  }
  // intermediate dimensions survive conversions
  const auto si = SR2(at::rand({2, 4, 6}, f64), 1, 1);
  EXPECT_EQ(R2(si).shape_str(), "(2|4;3,3)");
  EXPECT_EQ(SR2(R2(si)).shape_str(), "(2|4;6)");
}

TEST(Conversions, WR2AndR2)
{
  at::manual_seed(22);
  for (const auto & b : batch_shapes())
  {
    const auto w = WR2(randn(b, {3}));
    const R2 W(w);
    EXPECT_TRUE(close_same_shape(W, test::skew_matrix(w), 0, 0));
    // W x = w cross x
    const auto x = Vec(randn(b, {3}));
    EXPECT_TRUE(close(W * x, Vec(w).cross(x), 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(WR2(W), w, 1e-15, 1e-15));
    const auto M = randn(b, {3, 3});
    EXPECT_TRUE(close_same_shape(WR2(R2(M)), test::axial_vector(M), 1e-15, 1e-15));
    // the skew part only
    EXPECT_TRUE(close_same_shape(R2(WR2(R2(M))), (M - M.transpose(-1, -2)) / 2, 1e-15, 1e-15));
  }
}

TEST(Conversions, SSR4AndR4)
{
  at::manual_seed(23);
  for (const auto & b : batch_shapes())
  {
    const auto c = SSR4(randn(b, {6, 6}));
    const R4 C(c);
    EXPECT_TRUE(close_same_shape(C, test::mandel4_to_full(c), 1e-15, 1e-15));
    EXPECT_TRUE(close_same_shape(SSR4(C), c, 1e-14, 1e-14));

    // a minor-symmetric R4 survives the round trip; a general one keeps its minor-symmetric part
    const auto T = randn(b, {3, 3, 3, 3});
    const auto Tms = sym_second(sym_first(T));
    EXPECT_TRUE(close_same_shape(R4(SSR4(R4(Tms))), Tms, 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(SSR4(R4(T)), SSR4(R4(Tms)), 1e-14, 1e-14));

    // products commute with the conversion: C:A and C:D
    const auto a = SR2(randn(b, {6}));
    const auto d = SSR4(randn(b, {6, 6}));
    EXPECT_TRUE(close_same_shape(R2(c * a), R4(c) * R2(a), 1e-13, 1e-13));
    EXPECT_TRUE(close_same_shape(R4(c * d), R4(c) * R4(d), 1e-13, 1e-13));
  }
}

TEST(Conversions, SFR3AndR3)
{
  at::manual_seed(24);
  for (const auto & b : batch_shapes())
  {
    const auto t = randn(b, {3, 3, 3});
    const auto tsym = (t + t.transpose(-3, -2)) / 2; // symmetric in the first two indices
    const auto s = SFR3(R3(tsym));
    EXPECT_EQ(s.base_sizes(), TensorShapeRef({6, 3}));
    // each column k is the Mandel vector of the symmetric matrix t[:, :, k]
    for (int k = 0; k < 3; ++k)
      EXPECT_TRUE(close_same_shape(s.base_index({at::indexing::Slice(), k}),
                                   test::full_to_mandel(tsym.select(-1, k)), 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(R3(s), tsym, 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(SFR3(R3(t)), s, 1e-14, 1e-15));
    const auto r = SFR3(randn(b, {6, 3}));
    EXPECT_TRUE(close_same_shape(SFR3(R3(r)), r, 1e-14, 1e-15));
  }
}

TEST(Conversions, MixedFourthOrderRoundTrips)
{
  at::manual_seed(25);
  for (const auto & b : batch_shapes())
  {
    const auto T = randn(b, {3, 3, 3, 3});
    // SFFR4: symmetric in the first pair
    const auto Tsf = sym_first(T);
    EXPECT_TRUE(close_same_shape(R4(SFFR4(R4(Tsf))), Tsf, 1e-14, 1e-14));
    const auto sffr4 = SFFR4(randn(b, {6, 3, 3}));
    EXPECT_TRUE(close_same_shape(SFFR4(R4(sffr4)), sffr4, 1e-14, 1e-14));
    // WFFR4: skew in the first pair
    const auto Twf = skew_first(T);
    EXPECT_TRUE(close_same_shape(R4(WFFR4(R4(Twf))), Twf, 1e-14, 1e-14));
    const auto wffr4 = WFFR4(randn(b, {3, 3, 3}));
    EXPECT_TRUE(close_same_shape(WFFR4(R4(wffr4)), wffr4, 1e-14, 1e-14));
    // SWR4: symmetric first pair, skew second pair
    const auto Tsw = skew_second(sym_first(T));
    EXPECT_TRUE(close_same_shape(R4(SWR4(R4(Tsw))), Tsw, 1e-14, 1e-14));
    const auto swr4 = SWR4(randn(b, {6, 3}));
    EXPECT_TRUE(close_same_shape(SWR4(R4(swr4)), swr4, 1e-14, 1e-14));
    // WSR4: skew first pair, symmetric second pair
    const auto Tws = sym_second(skew_first(T));
    EXPECT_TRUE(close_same_shape(R4(WSR4(R4(Tws))), Tws, 1e-14, 1e-14));
    const auto wsr4 = WSR4(randn(b, {3, 6}));
    EXPECT_TRUE(close_same_shape(WSR4(R4(wsr4)), wsr4, 1e-14, 1e-14));
    // WWR4: skew in both pairs
    const auto Tww = skew_second(skew_first(T));
    EXPECT_TRUE(close_same_shape(R4(WWR4(R4(Tww))), Tww, 1e-14, 1e-14));
    const auto wwr4 = WWR4(randn(b, {3, 3}));
    EXPECT_TRUE(close_same_shape(WWR4(R4(wwr4)), wwr4, 1e-14, 1e-14));
  }
}

TEST(Conversions, ReducedIdentitiesAreTheIdentityMaps)
{
  // The full identity delta_ik delta_jl in each reduced storage is the identity on the reduced
  // components (the chain rule of Note [reduced storage of fourth-order tensors]).
  const auto I = R4::identity();
  EXPECT_TRUE(close_same_shape(SSR4(I), at::eye(6, f64), 1e-15, 1e-15));
  EXPECT_TRUE(close_same_shape(WWR4(I), at::eye(3, f64), 1e-15, 1e-15));
  EXPECT_TRUE(close_same_shape(SWR4(I), at::zeros({6, 3}, f64), 0, 1e-15));
  EXPECT_TRUE(close_same_shape(WSR4(I), at::zeros({3, 6}, f64), 0, 1e-15));
  EXPECT_TRUE(close_same_shape(R4(SSR4::identity_sym()), sym_second(sym_first(I)), 1e-15, 1e-15));
  EXPECT_TRUE(close_same_shape(R4(WWR4::identity()), skew_second(skew_first(I)), 1e-15, 1e-15));
  // I (x) I
  EXPECT_TRUE(close_same_shape(
      R4(SSR4::identity()),
      at::eye(3, f64).reshape({3, 3, 1, 1}) * at::eye(3, f64).reshape({1, 1, 3, 3}), 1e-15, 1e-15));
}

// ---------------------------------------------------------------------------------------------
// Invariants, norms, inner products
// ---------------------------------------------------------------------------------------------

TEST(Invariants, InnerProductIsTheFullContraction)
{
  at::manual_seed(26);
  for (const auto & b : batch_shapes())
  {
    const auto s = SR2(randn(b, {6})), t = SR2(randn(b, {6}));
    const auto full = (test::mandel_to_full(s) * test::mandel_to_full(t)).sum({-2, -1});
    EXPECT_TRUE(close_same_shape(inner(s, t), full, 1e-13, 1e-14));
    EXPECT_TRUE(close_same_shape(s.inner(t), full, 1e-13, 1e-14));
    EXPECT_TRUE(close_same_shape(norm_sq(s), inner(s, s), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(s.norm_sq(), inner(s, s), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(norm(s), at::sqrt(at::Tensor(inner(s, s))), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(norm(s, 0.5), at::sqrt(at::Tensor(inner(s, s)) + 0.5), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(s.norm(0.5), at::sqrt(at::Tensor(inner(s, s)) + 0.5), 1e-14, 0));

    const auto A = R2(randn(b, {3, 3})), B = R2(randn(b, {3, 3}));
    const auto AB = (at::Tensor(A) * at::Tensor(B)).sum({-2, -1});
    EXPECT_TRUE(close_same_shape(inner(A, B), AB, 1e-14, 1e-14));
    EXPECT_TRUE(
        close_same_shape(norm_sq(A), (at::Tensor(A) * at::Tensor(A)).sum({-2, -1}), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(norm(A), at::Tensor(A).pow(2).sum({-2, -1}).sqrt(), 1e-14, 0));

    const auto v = Vec(randn(b, {3})), w = Vec(randn(b, {3}));
    const auto vw = (at::Tensor(v) * at::Tensor(w)).sum(-1);
    EXPECT_TRUE(close_same_shape(inner(v, w), vw, 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(v.dot(w), vw, 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(norm_sq(v), at::Tensor(v).pow(2).sum(-1), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(norm(v), at::Tensor(v).pow(2).sum(-1).sqrt(), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(v.norm(), at::Tensor(v).pow(2).sum(-1).sqrt(), 1e-14, 0));
  }
  // the norm of SR2 with eps is finite at zero
  EXPECT_TRUE(close(norm(SR2::zeros(), 1e-8), at::tensor(1e-4, f64), 1e-12, 0));
}

TEST(Invariants, TraceVolumetricDeviatoric)
{
  at::manual_seed(27);
  for (const auto & b : batch_shapes())
  {
    const auto s = SR2(randn(b, {6}));
    const auto S = test::mandel_to_full(s);
    const auto trS = S.diagonal(0, -2, -1).sum(-1);
    EXPECT_TRUE(close_same_shape(tr(s), trS, 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(s.tr(), trS, 1e-14, 1e-14));
    EXPECT_TRUE(close(tr(dev(s)), at::zeros({}, f64), 0, 1e-14));
    EXPECT_TRUE(close_same_shape(vol(s) + dev(s), s, 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(s.vol() + s.dev(), s, 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(
        R2(vol(s)), at::eye(3, f64) * (trS / 3).unsqueeze(-1).unsqueeze(-1), 1e-14, 1e-15));
    // the deviatoric part is orthogonal to the volumetric part
    EXPECT_TRUE(close(inner(vol(s), dev(s)), at::zeros({}, f64), 0, 1e-13));

    const auto A = R2(randn(b, {3, 3}));
    const auto trA = at::Tensor(A).diagonal(0, -2, -1).sum(-1);
    EXPECT_TRUE(close_same_shape(tr(A), trA, 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(A.tr(), trA, 1e-14, 1e-14));
    EXPECT_TRUE(close(tr(dev(A)), at::zeros({}, f64), 0, 1e-14));
    EXPECT_TRUE(close_same_shape(vol(A) + dev(A), A, 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(vol(A), at::eye(3, f64) * (trA / 3).unsqueeze(-1).unsqueeze(-1),
                                 1e-14, 1e-15));
    // dev of a symmetric tensor agrees in both storages
    EXPECT_TRUE(close_same_shape(R2(dev(s)), dev(R2(s)), 1e-14, 1e-14));
  }
}

TEST(Invariants, Determinants)
{
  at::manual_seed(28);
  for (const auto & b : batch_shapes())
  {
    const auto A = R2(randn(b, {3, 3})), B = R2(randn(b, {3, 3}));
    EXPECT_TRUE(close_same_shape(det(A), at::det(A), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(A.det(), at::det(A), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(det(A * B), det(A) * det(B), 1e-11, 1e-12));
    EXPECT_TRUE(close(det(R2::fill(1, 2, 3)), at::tensor(6.0, f64), 1e-14, 0));

    const auto s = SR2(randn(b, {6}));
    EXPECT_TRUE(close_same_shape(det(s), at::det(test::mandel_to_full(s)), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(s.det(), det(R2(s)), 1e-12, 1e-13));
  }
  // a known value: diag(1, 2, 3) with shear 12 = 1: det = 1*2*3 - 3*1 = 3
  EXPECT_TRUE(close(det(SR2::fill(1, 2, 3, 0, 0, 1)), at::tensor(3.0, f64), 1e-14, 0));
  EXPECT_TRUE(close(det(SR2::fill(2, 3, 4, 0.5, 0.25, 1)),
                    at::det(test::matrix3({2, 1, 0.25, 1, 3, 0.5, 0.25, 0.5, 4})), 1e-14, 0));
}

TEST(Invariants, Inverses)
{
  at::manual_seed(29);
  for (const auto & b : batch_shapes())
  {
    const auto A = R2(well_conditioned(b, 3));
    EXPECT_TRUE(close(inv(A) * A, at::eye(3, f64), 1e-12, 1e-13));
    EXPECT_TRUE(close(A * A.inverse(), at::eye(3, f64), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(inv(A), at::inverse(A), 1e-12, 1e-13));

    const auto M = well_conditioned(b, 3);
    const auto s = SR2(test::full_to_mandel(M));
    EXPECT_TRUE(close(R2(inv(s)) * R2(s), at::eye(3, f64), 1e-12, 1e-13));
    EXPECT_TRUE(close(R2(s.inverse()), at::inverse(R2(s)), 1e-12, 1e-13));

    const auto C = SSR4(well_conditioned(b, 6));
    EXPECT_TRUE(close(inv(C) * C, at::eye(6, f64), 1e-12, 1e-13));
    EXPECT_TRUE(close_same_shape(C.inverse(), at::inverse(C), 1e-12, 1e-13));
  }
}

// ---------------------------------------------------------------------------------------------
// Outer, cross, transpose and products
// ---------------------------------------------------------------------------------------------

TEST(Products, OuterCrossTranspose)
{
  at::manual_seed(30);
  for (const auto & b : batch_shapes())
  {
    const auto v = Vec(randn(b, {3})), w = Vec(randn(b, {3}));
    EXPECT_TRUE(close_same_shape(outer(v, w),
                                 at::Tensor(v).unsqueeze(-1) * at::Tensor(w).unsqueeze(-2), 0, 0));
    EXPECT_TRUE(close_same_shape(v.outer(w),
                                 at::Tensor(v).unsqueeze(-1) * at::Tensor(w).unsqueeze(-2), 0, 0));
    EXPECT_TRUE(close_same_shape(cross(v, w), at::cross(v, w, -1), 1e-15, 1e-15));
    EXPECT_TRUE(close_same_shape(cross(v, w), -cross(w, v), 1e-15, 1e-15));
    EXPECT_TRUE(close(inner(cross(v, w), v), at::zeros({}, f64), 0, 1e-13));

    const auto s = SR2(randn(b, {6})), t = SR2(randn(b, {6}));
    const auto st = outer(s, t);
    EXPECT_TRUE(
        close_same_shape(st, at::Tensor(s).unsqueeze(-1) * at::Tensor(t).unsqueeze(-2), 0, 0));
    // (s (x) t) : u = s (t : u)
    const auto u = SR2(randn(b, {6}));
    EXPECT_TRUE(close(st * u, s * inner(t, u), 1e-12, 1e-13));
    // in full form: S_ij T_kl
    EXPECT_TRUE(close_same_shape(R4(st),
                                 test::mandel_to_full(s).unsqueeze(-1).unsqueeze(-1) *
                                     test::mandel_to_full(t).unsqueeze(-3).unsqueeze(-3),
                                 1e-13, 1e-14));

    const auto A = R2(randn(b, {3, 3}));
    EXPECT_TRUE(close_same_shape(transpose(A), at::Tensor(A).transpose(-1, -2), 0, 0));
    EXPECT_TRUE(close_same_shape(A.transpose(), at::Tensor(A).transpose(-1, -2), 0, 0));
    const auto C = SSR4(randn(b, {6, 6}));
    EXPECT_TRUE(close_same_shape(transpose(C), at::Tensor(C).transpose(-1, -2), 0, 0));
    EXPECT_TRUE(close_same_shape(R4(C.transpose()), R4(C).transpose_major(), 1e-14, 1e-15));
    const auto T = R4(randn(b, {3, 3, 3, 3}));
    EXPECT_TRUE(close_same_shape(T.transpose_major(), perm4(T, {2, 3, 0, 1}), 0, 0));
  }
  // cross and outer products broadcast batch shapes, intermediate dimensions included
  const auto v = Vec(randn({5, 3}, {3}));
  const auto u = Vec(randn({}, {3}));
  const auto vi = Vec(randn({3, 4}, {3}), 1, 1);
  EXPECT_EQ(cross(v, u).shape_str(), "(5,3;3)");
  EXPECT_TRUE(close_same_shape(cross(v, u), at::cross(v, at::Tensor(u).expand({5, 3, 3}), -1),
                               1e-15, 1e-15));
  EXPECT_EQ(cross(vi, v).shape_str(), "(5,3|4;3)");
  EXPECT_TRUE(close_same_shape(cross(vi, v),
                               at::cross(at::Tensor(vi).expand({5, 3, 4, 3}),
                                         at::Tensor(v).unsqueeze(2).expand({5, 3, 4, 3}), -1),
                               1e-15, 1e-15));
  EXPECT_EQ(outer(vi, u).shape_str(), "(3|4;3,3)");
  EXPECT_EQ(outer(SR2(randn({2}, {6})), SR2(randn({3, 1}, {6}))).shape_str(), "(3,2;6,6)");
  // a known cross product
  EXPECT_TRUE(
      close(cross(Vec::fill(1, 0, 0), Vec::fill(0, 1, 0)), at::tensor({0.0, 0.0, 1.0}), 0, 0));
}

TEST(Products, AgainstReferences)
{
  at::manual_seed(31);
  for (const auto & b : batch_shapes())
  {
    const auto A = R2(randn(b, {3, 3})), B = R2(randn(b, {3, 3}));
    EXPECT_TRUE(close_same_shape(A * B, at::matmul(A, B), 1e-14, 1e-14));
    const auto v = Vec(randn(b, {3}));
    EXPECT_TRUE(close_same_shape(A * v, at::einsum("...ij,...j->...i", {A, v}), 1e-14, 1e-14));

    const auto C = SSR4(randn(b, {6, 6})), D = SSR4(randn(b, {6, 6}));
    EXPECT_TRUE(close_same_shape(C * D, at::einsum("...ij,...jk->...ik", {C, D}), 1e-13, 1e-14));
    const auto s = SR2(randn(b, {6}));
    EXPECT_TRUE(close_same_shape(C * s, at::einsum("...ij,...j->...i", {C, s}), 1e-13, 1e-14));

    const auto T = R4(randn(b, {3, 3, 3, 3})), U = R4(randn(b, {3, 3, 3, 3}));
    EXPECT_TRUE(close_same_shape(T * A, at::einsum("...ijkl,...kl->...ij", {T, A}), 1e-13, 1e-14));
    EXPECT_TRUE(
        close_same_shape(T * U, at::einsum("...ijmn,...mnkl->...ijkl", {T, U}), 1e-13, 1e-14));

    const auto X = WWR4(randn(b, {3, 3})), Y = WWR4(randn(b, {3, 3}));
    const auto w = WR2(randn(b, {3}));
    EXPECT_TRUE(close_same_shape(X * w, at::einsum("...ij,...j->...i", {X, w}), 1e-14, 1e-14));
    EXPECT_TRUE(close_same_shape(X * Y, at::matmul(X, Y), 1e-14, 1e-14));
    // WWR4 acting on axial vectors is the full R4 acting on skew tensors
    EXPECT_TRUE(close_same_shape(R2(X * w), R4(X) * R2(w), 1e-13, 1e-14));
  }
  // products broadcast batch shapes: (3,1) with (4)
  const auto A = R2(randn({3, 1}, {3, 3}));
  const auto B = R2(randn({4}, {3, 3}));
  EXPECT_EQ((A * B).shape_str(), "(3,4;3,3)");
  EXPECT_TRUE(close_same_shape(A * B, at::matmul(A, B), 1e-14, 1e-14));
  const auto C = SSR4(randn({}, {6, 6}));
  const auto s = SR2(randn({5, 3}, {6}));
  EXPECT_EQ((C * s).shape_str(), "(5,3;6)");
}

TEST(Products, Quaternions)
{
  at::manual_seed(32);
  for (const auto & b : batch_shapes())
  {
    const auto p = Quaternion(randn(b, {4})), q = Quaternion(randn(b, {4}));
    const auto pq = p * q;
    // the norm is multiplicative
    EXPECT_TRUE(close_same_shape(pq.norm(), p.norm() * q.norm(), 1e-13, 1e-14));
    EXPECT_TRUE(close_same_shape(p.norm_sq(), at::Tensor(p).pow(2).sum(-1), 1e-14, 0));
    // q q* = |q|^2
    const auto qq = q * q.conjugate();
    EXPECT_TRUE(close(qq(0), q.norm_sq(), 1e-13, 0));
    EXPECT_TRUE(close(qq.base_slice(0, 1, 4), at::zeros({3}, f64), 0, 1e-13));
    EXPECT_TRUE(
        close_same_shape(q.conjugate(), at::Tensor(q) * at::tensor({1.0, -1.0, -1.0, -1.0}), 0, 0));
  }
  // i j = k, j i = -k
  const auto i = Quaternion::fill(0, 1, 0, 0), j = Quaternion::fill(0, 0, 1, 0);
  EXPECT_TRUE(close(i * j, at::tensor({0.0, 0.0, 0.0, 1.0}), 0, 0));
  EXPECT_TRUE(close(j * i, at::tensor({0.0, 0.0, 0.0, -1.0}), 0, 0));
  EXPECT_TRUE(close(i * i, at::tensor({-1.0, 0.0, 0.0, 0.0}), 0, 0));
}

// ---------------------------------------------------------------------------------------------
// Linear solves, eigen-decomposition, einsum
// ---------------------------------------------------------------------------------------------

TEST(Linalg, Solve)
{
  at::manual_seed(33);
  for (const auto & b : batch_shapes())
  {
    const auto A = Tensor(well_conditioned(b, 4), static_cast<Size>(b.size()));
    const auto x = Tensor(randn(b, {4}), static_cast<Size>(b.size()));
    const auto rhs =
        Tensor(at::matmul(A, at::Tensor(x).unsqueeze(-1)).squeeze(-1), x.dynamic_dim());
    const auto y = solve(A, rhs);
    EXPECT_EQ(y.shape_str(), x.shape_str());
    EXPECT_TRUE(close_same_shape(y, x, 1e-12, 1e-13));

    const auto X = Tensor(randn(b, {4, 2}), static_cast<Size>(b.size()));
    const auto RHS = Tensor(at::matmul(A, X), X.dynamic_dim());
    const auto Y = solve(A, RHS);
    EXPECT_EQ(Y.shape_str(), X.shape_str());
    EXPECT_TRUE(close_same_shape(Y, X, 1e-12, 1e-13));
  }
  // batch broadcasting: an unbatched matrix against batched right-hand sides, and intermediate dims
  const auto A = Tensor(well_conditioned({}, 3), 0);
  const auto b = Tensor(randn({2, 4}, {3}), 1, 1);
  const auto x = solve(A, b);
  EXPECT_EQ(x.shape_str(), "(2|4;3)");
  EXPECT_TRUE(close(at::matmul(A, at::Tensor(x).unsqueeze(-1)).squeeze(-1), b, 1e-12, 1e-13));

  auto msg = test::error_message<ShapeError>(
      [] {
        solve(Tensor::zeros({3, 4}), Tensor::zeros({3}));
      });
  test::expect_contains(msg, {"solve: A must have a square base shape", "(;3,4)"});
  auto msg2 = test::error_message<ShapeError>([&] { solve(A, Tensor::zeros({4})); });
  test::expect_contains(msg2, {"solve: b must have base shape (3) or (3, k)", "(;4)"});
}

TEST(Linalg, Eigh)
{
  at::manual_seed(34);
  for (const auto & b : batch_shapes())
  {
    const auto s = SR2(randn(b, {6}));
    const auto [vals, vecs] = eigh(s);
    EXPECT_EQ(vals.dynamic_sizes().concrete(), b);
    EXPECT_EQ(vecs.dynamic_sizes().concrete(), b);
    // ascending
    EXPECT_TRUE((at::Tensor(vals).diff(1, -1) >= 0).all().item<bool>());
    // A = V diag(l) V^T, V orthogonal
    const auto L = at::diag_embed(vals);
    EXPECT_TRUE(close(at::matmul(at::matmul(vecs, L), at::Tensor(vecs).transpose(-1, -2)),
                      test::mandel_to_full(s), 1e-12, 1e-13));
    EXPECT_TRUE(
        close(at::matmul(at::Tensor(vecs).transpose(-1, -2), vecs), at::eye(3, f64), 1e-12, 1e-13));
    // A v = l v column by column
    const auto S = R2(s);
    for (int k = 0; k < 3; ++k)
    {
      const Vec v(at::Tensor(vecs).select(-1, k), vecs.dynamic_dim());
      EXPECT_TRUE(close(S * v, v * Scalar(at::Tensor(vals).select(-1, k), vals.dynamic_dim()),
                        1e-12, 1e-13));
    }
  }
  // a known spectrum
  const auto [l, V] = eigh(SR2::fill(3, 1, 2));
  EXPECT_TRUE(close(l, at::tensor({1.0, 2.0, 3.0}), 1e-14, 1e-14));
}

TEST(Linalg, Einsum)
{
  at::manual_seed(35);
  const auto A = Tensor(randn({3, 1}, {3, 3}), 2);
  const auto B = Tensor(randn({4}, {3, 3}), 1);
  const auto C = einsum("ij,jk->ik", {A, B});
  EXPECT_EQ(C.shape_str(), "(3,4;3,3)");
  EXPECT_TRUE(close_same_shape(C, at::matmul(A, B), 1e-14, 1e-14));

  const auto v = Tensor(randn({5}, {3}), 1);
  const auto d = einsum("i,i->", {v, v});
  EXPECT_EQ(d.shape_str(), "(5;)");
  EXPECT_TRUE(close_same_shape(d, at::Tensor(v).pow(2).sum(-1), 1e-14, 0));
  // an unbatched operand and intermediate dims
  const auto T = Tensor(randn({}, {3, 3, 3, 3}), 0);
  const auto E = Tensor(randn({2, 4}, {3, 3}), 1, 1);
  const auto F = einsum("ijkl,kl->ij", {T, E});
  EXPECT_EQ(F.shape_str(), "(2|4;3,3)");
  EXPECT_TRUE(close_same_shape(F, at::einsum("ijkl,...kl->...ij", {T, E}), 1e-13, 1e-14));
  const auto G = einsum("ij,j->i", {E, Tensor(randn({2}, {3}), 1)});
  EXPECT_EQ(G.shape_str(), "(2|4;3)");

  auto msg = test::error_message<ShapeError>([&] { einsum("ij,jk", {A, B}); });
  test::expect_contains(msg, {"needs an explicit output"});
  auto msg2 = test::error_message<ShapeError>([&] { einsum("i,jk->ik", {A, B}); });
  test::expect_contains(msg2, {"term 'i' has 1 indices", "operand 0"});
  auto msg3 = test::error_message<ShapeError>([&] { einsum("ij->ij", {A, B}); });
  test::expect_contains(msg3, {"has 1 operands, got 2"});
}

// ---------------------------------------------------------------------------------------------
// Elementwise math
// ---------------------------------------------------------------------------------------------

TEST(Math, UnaryFunctionsMatchATen)
{
  at::manual_seed(36);
  for (const auto & b : batch_shapes())
  {
    const auto x = SR2(test::uniform(test::cat_shape(b, {6}), 0.1, 0.9));
    const auto y = SR2(test::uniform(test::cat_shape(b, {6}), -2.0, 2.0));
    const at::Tensor X = x, Y = y;
    const double t = 1e-15;
    EXPECT_TRUE(close_same_shape(neml2::sqrt(x), at::sqrt(X), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::exp(y), at::exp(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::log(x), at::log(X), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::log10(x), at::log10(X), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::abs(y), at::abs(Y), 0, 0));
    EXPECT_TRUE(close_same_shape(neml2::sign(y), at::sign(Y), 0, 0));
    EXPECT_TRUE(close_same_shape(neml2::sin(y), at::sin(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::cos(y), at::cos(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::tan(x), at::tan(X), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::asin(x), at::asin(X), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::acos(x), at::acos(X), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::atan(y), at::atan(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::sinh(y), at::sinh(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::cosh(y), at::cosh(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::tanh(y), at::tanh(Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::macaulay(y), at::where(Y > 0, Y, at::zeros_like(Y)), 0, 0));
    EXPECT_TRUE(close_same_shape(neml2::heaviside(y), (Y > 0).to(at::kDouble), 0, 0));
    EXPECT_TRUE(close_same_shape(neml2::pow(x, 2.5), at::pow(X, 2.5), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::pow(2.0, y), at::pow(2.0, Y), t, 0));
    EXPECT_TRUE(close_same_shape(neml2::clamp(y, -0.5, 1.0), at::clamp(Y, -0.5, 1.0), 0, 0));
    // the type and layout are kept
    static_assert(std::is_same_v<decltype(neml2::exp(y)), SR2>);
    EXPECT_EQ(neml2::exp(y).dynamic_dim(), static_cast<Size>(b.size()));

    // identities (on Scalars, whose product is elementwise)
    EXPECT_TRUE(close_same_shape(neml2::exp(neml2::log(x)), x, 1e-14, 0));
    const auto z = Scalar(test::uniform(b, -2.0, 2.0));
    EXPECT_TRUE(close_same_shape(neml2::sin(z) * neml2::sin(z) + neml2::cos(z) * neml2::cos(z),
                                 at::ones_like(z), 1e-14, 0));
    EXPECT_TRUE(close_same_shape(neml2::cosh(z) * neml2::cosh(z) - neml2::sinh(z) * neml2::sinh(z),
                                 at::ones_like(z), 1e-13, 0));
    EXPECT_TRUE(close_same_shape(neml2::tan(z), neml2::sin(z) / neml2::cos(z), 1e-13, 0));
  }
}

TEST(Math, PiecewiseFunctionsAtZero)
{
  const auto x = Scalar(at::tensor({-2.0, -0.0, 0.0, 3.0}, f64));
  EXPECT_TRUE(close_same_shape(neml2::heaviside(x), at::tensor({0.0, 0.5, 0.5, 1.0}), 0, 0));
  EXPECT_TRUE(close_same_shape(neml2::macaulay(x), at::tensor({0.0, 0.0, 0.0, 3.0}), 0, 0));
  EXPECT_TRUE(close_same_shape(neml2::sign(x), at::tensor({-1.0, 0.0, 0.0, 1.0}), 0, 0));
  EXPECT_TRUE(close_same_shape(neml2::abs(x), at::tensor({2.0, 0.0, 0.0, 3.0}), 0, 0));
  EXPECT_TRUE(close(neml2::heaviside(Scalar::zeros()), at::tensor(0.5, f64), 0, 0));
  EXPECT_TRUE(close(neml2::macaulay(Scalar::zeros()), at::tensor(0.0, f64), 0, 0));
}

TEST(Math, PowWithBatchedExponent)
{
  at::manual_seed(37);
  const auto x = SR2(test::uniform({5, 6}, 0.5, 2.0));
  const auto n = Scalar(test::uniform({3, 1}, 0.5, 3.0));
  const SR2 y = neml2::pow(x, n);
  EXPECT_EQ(y.shape_str(), "(3,5;6)");
  EXPECT_TRUE(close_same_shape(y, at::pow(at::Tensor(x), at::Tensor(n).unsqueeze(-1)), 1e-14, 0));
  const auto s = Scalar(test::uniform({5}, 0.5, 2.0));
  EXPECT_TRUE(close_same_shape(neml2::pow(s, n), at::pow(at::Tensor(s), at::Tensor(n)), 1e-14, 0));
}

TEST(Math, WhereAndComparisons)
{
  at::manual_seed(38);
  const auto a = SR2(test::uniform({5, 6}, -1.0, 1.0));
  const auto b = SR2(test::uniform({5, 6}, -1.0, 1.0));
  const auto s = Scalar(test::uniform({5}, -1.0, 1.0));

  const auto gt = s > 0.0;
  EXPECT_EQ(gt.shape_str(), "(5;)");
  EXPECT_EQ(gt.scalar_type(), kBool);
  EXPECT_TRUE(at::Tensor(gt).equal(at::Tensor(s) > 0.0));
  EXPECT_TRUE(at::Tensor(s < 0.0).equal(at::Tensor(s) < 0.0));
  EXPECT_TRUE(at::Tensor(s >= 0.25).equal(at::Tensor(s) >= 0.25));
  EXPECT_TRUE(at::Tensor(s <= 0.25).equal(at::Tensor(s) <= 0.25));
  EXPECT_EQ((a > 0.0).shape_str(), "(5;6)");

  // a condition with the layout of a Scalar chooses whole tensors
  const SR2 w = neml2::where(gt, a, b);
  EXPECT_EQ(w.shape_str(), "(5;6)");
  EXPECT_TRUE(close_same_shape(w, at::where((at::Tensor(s) > 0).unsqueeze(-1), a, b), 0, 0));
  // a condition with the layout of T chooses components
  const SR2 w2 = neml2::where(a > 0.0, a, b);
  EXPECT_TRUE(close_same_shape(w2, at::where(at::Tensor(a) > 0, a, b), 0, 0));
  // an unbatched alternative broadcasts
  const SR2 w3 = neml2::where(gt, a, SR2::zeros());
  EXPECT_TRUE(close_same_shape(
      w3, at::where((at::Tensor(s) > 0).unsqueeze(-1), a, at::zeros({6}, f64)), 0, 0));
}

TEST(Math, WhereWithIntermediateCondition)
{
  // The condition (5|4;) has an intermediate dimension the alternatives (5;6) lack: intermediate
  // dimensions align with intermediate dimensions, so the result is (5|4;6).
  at::manual_seed(39);
  const auto a = SR2(test::uniform({5, 6}, -1.0, 1.0));
  const auto b = SR2(test::uniform({5, 6}, -1.0, 1.0));
  const auto c = Scalar(test::uniform({5, 4}, -1.0, 1.0), 1, 1) > 0.0;
  SR2 w;
  EXPECT_NO_THROW(w = neml2::where(c, a, b));
  if (w.defined())
  {
    EXPECT_EQ(w.shape_str(), "(5|4;6)");
    EXPECT_TRUE(close_same_shape(w,
                                 at::where(at::Tensor(c).unsqueeze(-1), at::Tensor(a).unsqueeze(1),
                                           at::Tensor(b).unsqueeze(1)),
                                 0, 0));
  }
}

TEST(Math, ArithmeticWithNumbersAndScalars)
{
  at::manual_seed(40);
  for (const auto & b : batch_shapes())
  {
    const auto x = SR2(test::uniform(test::cat_shape(b, {6}), 0.5, 1.5));
    const auto y = SR2(test::uniform(test::cat_shape(b, {6}), 0.5, 1.5));
    const auto s = Scalar(test::uniform(b, 0.5, 1.5));
    const at::Tensor X = x, Y = y, S = at::Tensor(s).unsqueeze(-1);
    EXPECT_TRUE(close_same_shape(x + y, X + Y, 0, 0));
    EXPECT_TRUE(close_same_shape(x - y, X - Y, 0, 0));
    EXPECT_TRUE(close_same_shape(x + 2.0, X + 2.0, 0, 0));
    EXPECT_TRUE(close_same_shape(2.0 + x, X + 2.0, 0, 0));
    EXPECT_TRUE(close_same_shape(x - 2.0, X - 2.0, 0, 0));
    EXPECT_TRUE(close_same_shape(2.0 - x, 2.0 - X, 0, 0));
    EXPECT_TRUE(close_same_shape(x * 3.0, X * 3.0, 0, 0));
    EXPECT_TRUE(close_same_shape(3.0 * x, X * 3.0, 0, 0));
    EXPECT_TRUE(close_same_shape(x / 4.0, X / 4.0, 0, 0));
    EXPECT_TRUE(close_same_shape(x * s, X * S, 0, 0));
    EXPECT_TRUE(close_same_shape(s * x, X * S, 0, 0));
    EXPECT_TRUE(close_same_shape(x / s, X / S, 0, 0));
    EXPECT_TRUE(close_same_shape(-x, -X, 0, 0));
    EXPECT_TRUE(close_same_shape(s * s, at::Tensor(s) * at::Tensor(s), 0, 0));
    EXPECT_TRUE(close_same_shape(s / s, at::ones_like(at::Tensor(s)), 0, 0));
    EXPECT_TRUE(close_same_shape(2.0 / s, 2.0 / at::Tensor(s), 1e-15, 0));
    EXPECT_TRUE(close_same_shape(s + s, 2.0 * at::Tensor(s), 0, 0));
    const Tensor tx = x, ty = y;
    EXPECT_TRUE(close_same_shape(tx * ty, X * Y, 0, 0));
    EXPECT_TRUE(close_same_shape(tx / ty, X / Y, 0, 0));
    EXPECT_TRUE(close_same_shape(Tensor(s) * tx, X * S, 0, 0));
  }
}

// ---------------------------------------------------------------------------------------------
// SSR4 identities and the isotropic stiffness
// ---------------------------------------------------------------------------------------------

TEST(SSR4Identities, ActOnSR2)
{
  at::manual_seed(41);
  for (const auto & b : batch_shapes())
  {
    const auto a = SR2(randn(b, {6}));
    EXPECT_TRUE(close_same_shape(SSR4::identity_sym() * a, a, 1e-15, 1e-15));
    EXPECT_TRUE(close_same_shape(SSR4::identity_vol() * a, vol(a), 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(SSR4::identity_dev() * a, dev(a), 1e-14, 1e-15));
    EXPECT_TRUE(close_same_shape(SSR4::identity() * a, SR2::identity() * tr(a), 1e-14, 1e-15));
    // projections: vol and dev are idempotent and complementary
    const auto V = SSR4::identity_vol(), D = SSR4::identity_dev();
    EXPECT_TRUE(close(V * V, V, 1e-14, 1e-15));
    EXPECT_TRUE(close(D * D, D, 1e-14, 1e-15));
    EXPECT_TRUE(close(V * D, at::zeros({6, 6}, f64), 0, 1e-15));
  }
}

TEST(SSR4Identities, IsotropicStiffness)
{
  at::manual_seed(42);
  for (const auto & b : batch_shapes())
  {
    const auto E = Scalar(test::uniform(b, 100.0, 200.0));
    const auto nu = Scalar(test::uniform(b, 0.1, 0.45));
    const auto C = SSR4::isotropic_E_nu(E, nu);
    EXPECT_EQ(C.dynamic_sizes().concrete(), b);
    const auto lambda = E * nu / ((1.0 + nu) * (1.0 - 2.0 * nu));
    const auto mu = E / (2.0 * (1.0 + nu));

    const auto e = SR2(randn(b, {6}));
    const auto sigma = C * e;
    const auto expected = SR2::identity() * (lambda * tr(e)) + e * (2.0 * mu);
    EXPECT_TRUE(close_same_shape(sigma, expected, 1e-12, 1e-12));
    // in full form
    const auto ref = at::eye(3, f64) * at::Tensor(lambda * tr(e)).unsqueeze(-1).unsqueeze(-1) +
                     test::mandel_to_full(e) * at::Tensor(mu * 2.0).unsqueeze(-1).unsqueeze(-1);
    EXPECT_TRUE(close(R2(sigma), ref, 1e-12, 1e-12));
    // the compliance
    const auto ce = inv(C) * sigma;
    EXPECT_TRUE(close_same_shape(ce, e, 1e-11, 1e-12));
    const auto compliance = (sigma * (1.0 + nu) - SR2::identity() * (nu * tr(sigma))) / E;
    EXPECT_TRUE(close_same_shape(compliance, e, 1e-11, 1e-12));
    // built from the cubic blocks
    EXPECT_TRUE(close_same_shape(SSR4::fill_C1_C2_C3(lambda + 2.0 * mu, lambda, 2.0 * mu), C, 1e-12,
                                 1e-12));
  }
  // unbatched known values: E = 1, nu = 0.25: lambda = 0.4, mu = 0.4
  const auto C = SSR4::isotropic_E_nu(Scalar::full(1.0), Scalar::full(0.25));
  EXPECT_TRUE(close(C.index({0, 0}), at::tensor(1.2, f64), 1e-14, 0));
  EXPECT_TRUE(close(C.index({0, 1}), at::tensor(0.4, f64), 1e-14, 0));
  EXPECT_TRUE(close(C.index({3, 3}), at::tensor(0.8, f64), 1e-14, 0));
  EXPECT_TRUE(close(C.index({0, 3}), at::tensor(0.0, f64), 0, 0));
}
