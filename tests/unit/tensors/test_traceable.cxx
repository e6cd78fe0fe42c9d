// Every tensor function and method survives tracing: traced at batch (2), run through the compiled
// graph at batch (5,3) flattened to (15), and compared with eager evaluation (see
// neml2_testing/traceable.h).
#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/randint.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/where.h>
#include <cmath>
#include <string>
#include <vector>

#include "neml2/tensors/derivatives.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/tensors/functions/linalg.h"
#include "neml2/tensors/functions/math.h"
#include "neml2/tensors/tensors.h"
#include "neml2_testing/helpers.h"
#include "neml2_testing/traceable.h"

using namespace neml2;
using V = std::vector<Tensor>;

namespace
{
/// The outputs of a checked function.
template <class... T>
V
out(const T &... t)
{
  return {Tensor(t)...};
}

/// A function of the inputs x (a V) returning the given expressions.
#define FN(...) [](const V & x) -> V { return out(__VA_ARGS__); }
/// A maker of inputs for batch shape b.
#define MAKE(...) [](TensorShapeRef b) -> V { return {__VA_ARGS__}; }

/// Trace at batch (2), and also at batch (1) (DESIGN §3: a graph traced at batch (1) must serve
/// every batch size), then check at batch (5,3).
void
check(const std::string & name, const test::TensorFunction & f, const test::InputMaker & make)
{
  EXPECT_TRUE(test::traces_correctly(f, make)) << name << " (traced at batch (2))";
  test::TraceCheckOptions at_one;
  at_one.trace_shape = {1};
  EXPECT_TRUE(test::traces_correctly(f, make, at_one)) << name << " (traced at batch (1))";
}

/// Uniform random components in [lo, hi) of type T, batch shape b ++ extra (dynamic) ++ intmd.
template <class T>
Tensor
rnd(TensorShapeRef b, double lo = -1, double hi = 1, TensorShapeRef extra = {},
    TensorShapeRef intmd = {})
{
  const auto dyn = test::cat_shape(b, extra);
  const auto shape = test::cat_shape(test::cat_shape(dyn, intmd), T::const_base_sizes());
  return Tensor(test::uniform(shape, lo, hi), static_cast<Size>(dyn.size()),
                static_cast<Size>(intmd.size()));
}

/// A general tensor of batch shape b and the given base shape, N(0, 1).
Tensor
gen(TensorShapeRef b, TensorShapeRef base)
{
  return Tensor(at::randn(test::cat_shape(b, base), TensorOptions().dtype(kFloat64)),
                static_cast<Size>(b.size()));
}

/// 3 I + N(0, 1) / 2 (well conditioned), base (n, n).
Tensor
wc(TensorShapeRef b, Size n)
{
  const auto opt = TensorOptions().dtype(kFloat64);
  return Tensor(at::eye(n, opt) * 3.0 + at::randn(test::cat_shape(b, {n, n}), opt) * 0.5,
                static_cast<Size>(b.size()));
}

/// A symmetric well-conditioned SR2.
Tensor
wc_sr2(TensorShapeRef b)
{
  return Tensor(SR2(R2(wc(b, 3))));
}

/// Random rotations with angles in [lo, hi].
Tensor
rot(TensorShapeRef b, double lo = 0.0, double hi = M_PI)
{
  return Tensor(test::random_mrp(b, lo, hi), static_cast<Size>(b.size()));
}

/// Random axial vectors with angles spanning 1e-7 to about 2.5 (both exp-map branches).
Tensor
wr2_mixed(TensorShapeRef b)
{
  const auto theta = at::pow(10.0, test::uniform(b, -7.0, 0.4));
  return Tensor(test::random_unit_vectors(b) * theta.unsqueeze(-1), static_cast<Size>(b.size()));
}
} // namespace

// ---------------------------------------------------------------------------------------------
// The harness catches what it should
// ---------------------------------------------------------------------------------------------

TEST(TraceableHarness, DetectsBakedSizesAndUntraceableCalls)
{
  at::manual_seed(80);
  const auto make = MAKE(rnd<SR2>(b));
  // batch sizes read as numbers are frozen into the graph
  const auto leaky =
      FN(SR2::zeros(TraceableTensorShape(x[0].dynamic_sizes().concrete())) + SR2(x[0]));
  const auto l = test::traces_correctly(leaky, make);
  EXPECT_FALSE(l);
  test::expect_contains(l.message(), {"traced graph"});
  const auto leaky2 = FN(SR2::ones_like(SR2(x[0])) * double(x[0].dynamic_size(0).concrete()));
  EXPECT_FALSE(test::traces_correctly(leaky2, make));
  // item() while tracing
  const auto item = [](const V & x) -> V
  {
    const auto s = Scalar(x[0].base_index({0}).dynamic_sum(0));
    return out(SR2(x[0]) * s.item_double());
  };
  const auto r = test::traces_correctly(item, make);
  EXPECT_FALSE(r);
  test::expect_contains(r.message(), {"tracing threw", "not traceable", "item_double"});
  // and a correct function passes
  EXPECT_TRUE(test::traces_correctly(FN(SR2(x[0]) * 2.0), make));
}

// ---------------------------------------------------------------------------------------------
// Arithmetic and elementwise math
// ---------------------------------------------------------------------------------------------

TEST(Traceable, Arithmetic)
{
  at::manual_seed(81);
  // a, b: SR2; s: positive Scalar; p: unbatched SR2; i: SR2 with an intermediate dimension
  const auto make = MAKE(rnd<SR2>(b), rnd<SR2>(b), rnd<Scalar>(b, 0.5, 1.5), rnd<SR2>({}),
                         rnd<SR2>(b, -1, 1, {}, {4}));
  check("a + b", FN(SR2(x[0]) + SR2(x[1])), make);
  check("a - b", FN(SR2(x[0]) - SR2(x[1])), make);
  check("a * s", FN(SR2(x[0]) * Scalar(x[2])), make);
  check("s * a", FN(Scalar(x[2]) * SR2(x[0])), make);
  check("a / s", FN(SR2(x[0]) / Scalar(x[2])), make);
  check("a + 2", FN(SR2(x[0]) + 2.0), make);
  check("2 + a", FN(2.0 + SR2(x[0])), make);
  check("a - 2", FN(SR2(x[0]) - 2.0), make);
  check("2 - a", FN(2.0 - SR2(x[0])), make);
  check("a * 3", FN(SR2(x[0]) * 3.0), make);
  check("3 * a", FN(3.0 * SR2(x[0])), make);
  check("a / 4", FN(SR2(x[0]) / 4.0), make);
  check("-a", FN(-SR2(x[0])), make);
  check("s * s", FN(Scalar(x[2]) * Scalar(x[2])), make);
  check("s / s", FN(Scalar(x[2]) / Scalar(x[2])), make);
  check("2 / s", FN(2.0 / Scalar(x[2])), make);
  check("s + s, s - s", FN(Scalar(x[2]) + Scalar(x[2]), Scalar(x[2]) - Scalar(x[2]) * 0.5), make);
  check("Tensor * Tensor", FN(x[0] * x[1], x[0] / (x[1] + 3.0), x[2] * x[0]), make);
  check("a + p (unbatched)", FN(SR2(x[0]) + SR2(x[3]), SR2(x[3]) * Scalar(x[2])), make);
  check("i + a (intermediate)", FN(SR2(x[4]) + SR2(x[0]), SR2(x[4]) * Scalar(x[2])), make);
  check("Scalar(double)", FN(Scalar(x[2]) * Scalar(2.5, x[2].options())), make);
}

TEST(Traceable, MathFunctions)
{
  at::manual_seed(82);
  // x0 in (0.1, 0.9), x1 in (-2, 2), x2 a positive Scalar exponent
  const auto make = MAKE(rnd<SR2>(b, 0.1, 0.9), rnd<SR2>(b, -2, 2), rnd<Scalar>(b, 0.5, 3.0),
                         rnd<Scalar>(b, -1, 1));
  check("sqrt", FN(neml2::sqrt(SR2(x[0]))), make);
  check("exp", FN(neml2::exp(SR2(x[1]))), make);
  check("log", FN(neml2::log(SR2(x[0]))), make);
  check("log10", FN(neml2::log10(SR2(x[0]))), make);
  check("abs", FN(neml2::abs(SR2(x[1]))), make);
  check("sign", FN(neml2::sign(SR2(x[1]))), make);
  check("sin", FN(neml2::sin(SR2(x[1]))), make);
  check("cos", FN(neml2::cos(SR2(x[1]))), make);
  check("tan", FN(neml2::tan(SR2(x[0]))), make);
  check("asin", FN(neml2::asin(SR2(x[0]))), make);
  check("acos", FN(neml2::acos(SR2(x[0]))), make);
  check("atan", FN(neml2::atan(SR2(x[1]))), make);
  check("sinh", FN(neml2::sinh(SR2(x[1]))), make);
  check("cosh", FN(neml2::cosh(SR2(x[1]))), make);
  check("tanh", FN(neml2::tanh(SR2(x[1]))), make);
  check("macaulay", FN(neml2::macaulay(SR2(x[1])), neml2::macaulay(Scalar(x[3]))), make);
  check("heaviside", FN(neml2::heaviside(SR2(x[1])), neml2::heaviside(Scalar(x[3]))), make);
  check("pow(a, 2.5)", FN(neml2::pow(SR2(x[0]), 2.5)), make);
  check("pow(a, Scalar)", FN(neml2::pow(SR2(x[0]), Scalar(x[2]))), make);
  check("pow(2, a)", FN(neml2::pow(2.0, SR2(x[1]))), make);
  check("clamp", FN(neml2::clamp(SR2(x[1]), -0.5, 1.0)), make);
  check("comparisons",
        FN(SR2(x[1]) > 0.0, SR2(x[1]) < 0.5, Scalar(x[3]) >= 0.0, Scalar(x[3]) <= 0.25), make);
  check("where (Scalar condition)", FN(neml2::where(Scalar(x[3]) > 0.0, SR2(x[0]), SR2(x[1]))),
        make);
  check("where (componentwise)", FN(neml2::where(SR2(x[1]) > 0.0, SR2(x[0]), SR2(x[1]))), make);
  check("Scalar math", FN(neml2::exp(Scalar(x[3])), neml2::sqrt(Scalar(x[2]))), make);
}

// ---------------------------------------------------------------------------------------------
// Linear algebra and products
// ---------------------------------------------------------------------------------------------

TEST(Traceable, Invariants)
{
  at::manual_seed(83);
  // s, t: SR2 (s well conditioned); A, B: R2 (A well conditioned); v, w: Vec; C: SSR4
  const auto make =
      MAKE(wc_sr2(b), rnd<SR2>(b), wc(b, 3), rnd<R2>(b), rnd<Vec>(b), rnd<Vec>(b), wc(b, 6));
  check("tr", FN(tr(SR2(x[0])), tr(R2(x[2])), SR2(x[0]).tr(), R2(x[2]).tr()), make);
  check("dev vol SR2", FN(dev(SR2(x[0])), vol(SR2(x[0])), SR2(x[1]).dev(), SR2(x[1]).vol()), make);
  check("dev vol R2", FN(dev(R2(x[2])), vol(R2(x[2]))), make);
  check("det", FN(det(SR2(x[0])), det(R2(x[2])), SR2(x[1]).det()), make);
  check("inv", FN(inv(SR2(x[0])), inv(R2(x[2])), inv(SSR4(x[6]))), make);
  check("norm", FN(norm(Vec(x[4])), norm(SR2(x[1])), norm(SR2(x[1]), 1e-3), norm(R2(x[3]))), make);
  check("norm_sq", FN(norm_sq(Vec(x[4])), norm_sq(SR2(x[1])), norm_sq(R2(x[3]))), make);
  check("inner",
        FN(inner(Vec(x[4]), Vec(x[5])), inner(SR2(x[0]), SR2(x[1])), inner(R2(x[2]), R2(x[3])),
           Vec(x[4]).dot(Vec(x[5]))),
        make);
  check("outer", FN(outer(Vec(x[4]), Vec(x[5])), outer(SR2(x[0]), SR2(x[1]))), make);
  check("cross", FN(cross(Vec(x[4]), Vec(x[5]))), make);
  check("transpose", FN(transpose(R2(x[2])), transpose(SSR4(x[6]))), make);
  check("components", FN(SR2(x[1])(0, 1), SR2(x[1])(2, 2), R2(x[3])(1, 2), Vec(x[4])(2)), make);
}

namespace
{
/// Outer product of two R2 as an R4 (a helper for the product checks).
R4
outer4(const R2 & a, const R2 & b)
{
  return R4(einsum("ij,kl->ijkl", {a, b}));
}
} // namespace

TEST(Traceable, Products)
{
  at::manual_seed(84);
  const auto make =
      MAKE(rnd<R2>(b), rnd<R2>(b), rnd<Vec>(b), rnd<SSR4>(b), rnd<SSR4>(b), rnd<SR2>(b), rnd<R4>(b),
           rnd<R4>(b), rnd<WWR4>(b), rnd<WWR4>(b), rnd<WR2>(b), rnd<Quaternion>(b),
           rnd<Quaternion>(b), rot(b), rot(b), rnd<R2>({}));
  check("R2 * R2", FN(R2(x[0]) * R2(x[1])), make);
  check("R2 * Vec", FN(R2(x[0]) * Vec(x[2])), make);
  check("SSR4 * SSR4", FN(SSR4(x[3]) * SSR4(x[4])), make);
  check("SSR4 * SR2", FN(SSR4(x[3]) * SR2(x[5])), make);
  check("R4 * R2", FN(R4(x[6]) * R2(x[0])), make);
  check("R4 * R4", FN(R4(x[6]) * R4(x[7]), R4(x[6]).transpose_major()), make);
  check("WWR4 * WR2", FN(WWR4(x[8]) * WR2(x[10])), make);
  check("WWR4 * WWR4", FN(WWR4(x[8]) * WWR4(x[9])), make);
  check("Quaternion * Quaternion", FN(Quaternion(x[11]) * Quaternion(x[12])), make);
  check("Rot * Rot", FN(Rot(x[13]) * Rot(x[14])), make);
  check("unbatched * batched", FN(R2(x[15]) * R2(x[0]), R2(x[15]) * Vec(x[2])), make);
  check("einsum outer", FN(outer4(R2(x[0]), R2(x[1]))), make);
}

TEST(Traceable, Conversions)
{
  at::manual_seed(85);
  const auto make = MAKE(
      rnd<SR2>(b), rnd<R2>(b), rnd<WR2>(b), rnd<SSR4>(b), rnd<R4>(b), rnd<SFR3>(b), rnd<R3>(b),
      rnd<SFFR4>(b), rnd<WFFR4>(b), rnd<SWR4>(b), rnd<WSR4>(b), rnd<WWR4>(b),
      Tensor(at::randint(-3, 4, test::cat_shape(b, {3}), at::kLong), static_cast<Size>(b.size())));
  check("R2(SR2), SR2(R2)", FN(R2(SR2(x[0])), SR2(R2(x[1]))), make);
  check("R2(WR2), WR2(R2)", FN(R2(WR2(x[2])), WR2(R2(x[1]))), make);
  check("R4(SSR4), SSR4(R4)", FN(R4(SSR4(x[3])), SSR4(R4(x[4]))), make);
  check("R3(SFR3), SFR3(R3)", FN(R3(SFR3(x[5])), SFR3(R3(x[6]))), make);
  check("R4(SFFR4), SFFR4(R4)", FN(R4(SFFR4(x[7])), SFFR4(R4(x[4]))), make);
  check("R4(WFFR4), WFFR4(R4)", FN(R4(WFFR4(x[8])), WFFR4(R4(x[4]))), make);
  check("R4(SWR4), SWR4(R4)", FN(R4(SWR4(x[9])), SWR4(R4(x[4]))), make);
  check("R4(WSR4), WSR4(R4)", FN(R4(WSR4(x[10])), WSR4(R4(x[4]))), make);
  check("R4(WWR4), WWR4(R4)", FN(R4(WWR4(x[11])), WWR4(R4(x[4]))), make);
  check("Vec(MillerIndex)", FN(Vec(MillerIndex(x[12])), Vec(MillerIndex(x[12])) * 0.5), make);
}

TEST(Traceable, SolveEighEinsum)
{
  at::manual_seed(86);
  const auto make = MAKE(wc(b, 4), gen(b, {4}), gen(b, {4, 2}), wc({}, 4), rnd<SR2>(b), rnd<R2>(b),
                         rnd<R2>(b), rnd<Vec>(b), gen({}, {3, 3}));
  check("solve (n)", FN(solve(x[0], x[1])), make);
  check("solve (n, k)", FN(solve(x[0], x[2])), make);
  check("solve (unbatched A)", FN(solve(x[3], x[1])), make);
  check("eigh (values)", FN(eigh(SR2(x[4])).first), make);
  check(
      "eigh (reconstruction)",
      [](const V & x) -> V
      {
        const auto [l, Q] = eigh(SR2(x[4]));
        return out(einsum("ik,k,jk->ij", {Q, l, Q}));
      },
      make);
  check("einsum", FN(einsum("ij,jk->ik", {x[5], x[6]}), einsum("i,i->", {x[7], x[7]})), make);
  check("einsum (unbatched operand)", FN(einsum("ij,jk->ik", {x[8], x[5]})), make);
}

// ---------------------------------------------------------------------------------------------
// Creation, concatenation and shape operations
// ---------------------------------------------------------------------------------------------

TEST(Traceable, CatAndStack)
{
  at::manual_seed(87);
  // x0: (B,2;6), x1: (B,3;6), x2: (B|2;6), x3: (B|3;6), x4: (B;6), x5: (;6), x6: (B;3), x7: (B;)
  const auto make =
      MAKE(rnd<SR2>(b, -1, 1, {2}), rnd<SR2>(b, -1, 1, {3}), rnd<SR2>(b, -1, 1, {}, {2}),
           rnd<SR2>(b, -1, 1, {}, {3}), rnd<SR2>(b), rnd<SR2>({}), rnd<Vec>(b), rnd<Scalar>(b));
  check("batch_cat dynamic", FN(batch_cat(std::vector<SR2>{SR2(x[0]), SR2(x[1])}, -1)), make);
  check("batch_cat intermediate",
        FN(batch_cat(std::vector<SR2>{SR2(x[2]), SR2(x[3])}, 0, BatchGroup::Intermediate)), make);
  check("batch_stack dynamic", FN(batch_stack(std::vector<SR2>{SR2(x[4]), SR2(x[5])}, -1)), make);
  check("batch_stack intermediate",
        FN(batch_stack(std::vector<SR2>{SR2(x[4]), SR2(x[5]), SR2(x[4])}, 0,
                       BatchGroup::Intermediate)),
        make);
  check("base_cat", FN(base_cat({x[6], x[7].base_unsqueeze(0)}, 0), base_cat({x[4], x[5]}, 0)),
        make);
  check("base_stack",
        FN(base_stack({x[7], Scalar::full(2.0), x[7] * 2.0}, 0), base_stack({x[4], x[5]}, -1)),
        make);
  check("broadcast_batch", FN(broadcast_batch({x[4], x[5], x[7]})[1]), make);
}

TEST(Traceable, Reductions)
{
  at::manual_seed(88);
  // x0: (B,4;6), x1: (B|4;6), x2: (B;3,3)
  const auto make = MAKE(rnd<SR2>(b, -1, 1, {4}), rnd<SR2>(b, -1, 1, {}, {4}), rnd<R2>(b));
  check("dynamic_sum", FN(SR2(x[0]).dynamic_sum(-1)), make);
  check("dynamic_mean", FN(SR2(x[0]).dynamic_mean(-1)), make);
  check("intmd_sum", FN(SR2(x[1]).intmd_sum(0)), make);
  check("intmd_mean", FN(SR2(x[1]).intmd_mean(-1)), make);
  check("base_sum", FN(x[2].base_sum(0), x[2].base_sum(-1)), make);
  check("base_mean", FN(x[2].base_mean(0), x[2].base_mean(-1)), make);
}

TEST(Traceable, DynamicShapeOperations)
{
  at::manual_seed(89);
  // x0: (;6) unbatched, x1: (B;), x2: (B,2,3;6), x3: (B,1;6), x4: (B,3;6)
  const auto make = MAKE(rnd<SR2>({}), rnd<Scalar>(b), rnd<SR2>(b, -1, 1, {2, 3}),
                         rnd<SR2>(b, -1, 1, {1}), rnd<SR2>(b, -1, 1, {3}));
  check("dynamic_expand to another tensor's dynamic sizes",
        FN(SR2(x[0]).dynamic_expand(x[1].dynamic_sizes())), make);
  check("batch_expand_as", FN(SR2(x[0]).batch_expand_as(x[1])), make);
  check("batch_expand", FN(SR2(x[0]).batch_expand(x[1].dynamic_sizes(), {4})), make);
  check(
      "dynamic_reshape",
      [](const V & x) -> V
      {
        const auto s = x[2].dynamic_sizes();
        TraceableTensorShape t(s.begin(), s.end() - 2);
        t.push_back(6);
        return out(SR2(x[2]).dynamic_reshape(t));
      },
      make);
  check("dynamic_flatten", FN(SR2(x[2]).dynamic_flatten()), make);
  check("dynamic_squeeze/unsqueeze",
        FN(SR2(x[3]).dynamic_squeeze(-1), SR2(x[4]).dynamic_unsqueeze(-1)), make);
  check("dynamic_transpose/movedim",
        FN(SR2(x[2]).dynamic_transpose(-1, -2), SR2(x[2]).dynamic_movedim(-1, -2)), make);
  check("dynamic_slice",
        FN(SR2(x[4]).dynamic_slice(-1, 0, 2), SR2(x[4]).dynamic_slice(-1, 1, 3, 2)), make);
  check("zeros_like/ones_like/full_like",
        FN(SR2::zeros_like(SR2(x[4])) + 1.0, SR2::ones_like(SR2(x[4])),
           SR2::full_like(SR2(x[4]), 2.0)),
        make);
}

TEST(Traceable, FactoriesWithTracedSizes)
{
  at::manual_seed(90);
  const auto make = MAKE(rnd<SR2>(b), rnd<Scalar>(b));
  check("SR2::zeros", FN(SR2::zeros(x[0].dynamic_sizes()) + SR2(x[0])), make);
  check("Scalar::ones", FN(Scalar::ones(x[1].dynamic_sizes()) * 3.0), make);
  check("SR2::full", FN(SR2::full(x[0].dynamic_sizes(), 2.0)), make);
  check("Tensor::full", FN(Tensor::full(x[0].dynamic_sizes(), {2}, 3.0)), make);
  check("Tensor::zeros", FN(Tensor::zeros(x[0].dynamic_sizes(), {3, 3})), make);
  check("Tensor::ones", FN(Tensor::ones(x[1].batch_sizes(), {1})), make);
  // random factories: only the shapes can be compared
  check("SR2::rand", FN(SR2::rand(x[0].dynamic_sizes()) * 0.0), make);
  check("Rot::fill_random", FN(Rot::fill_random(x[0].dynamic_sizes()).euler_rodrigues() * 0.0),
        make);
}

TEST(Traceable, IntermediateAndBaseShapeOperations)
{
  at::manual_seed(91);
  // x0: (B|4;6), x1: (B|2,3;6), x2: (B;1,6), x3: (B;3,3)
  const auto make =
      MAKE(rnd<SR2>(b, -1, 1, {}, {4}), rnd<SR2>(b, -1, 1, {}, {2, 3}), gen(b, {1, 6}), rnd<R2>(b));
  check("intmd_expand", FN(SR2(x[0]).intmd_expand({2, 4})), make);
  check("intmd_reshape", FN(SR2(x[1]).intmd_reshape({6}), SR2(x[0]).intmd_reshape({2, 2})), make);
  check("intmd_flatten", FN(SR2(x[1]).intmd_flatten()), make);
  check("intmd_index/slice", FN(SR2(x[1]).intmd_index({1}), SR2(x[1]).intmd_slice(-1, 0, 2)), make);
  check("intmd_squeeze/unsqueeze/transpose/movedim",
        FN(SR2(x[0]).intmd_unsqueeze(0).intmd_squeeze(0), SR2(x[1]).intmd_transpose(0, 1),
           SR2(x[1]).intmd_movedim(0, -1)),
        make);
  check("base_expand", FN(x[2].base_expand({3, 6})), make);
  check("base_reshape", FN(x[3].base_reshape({9}), x[3].base_reshape({1, 9})), make);
  check("base_flatten", FN(x[3].base_flatten()), make);
  check("base_transpose/movedim", FN(x[3].base_transpose(0, 1), x[3].base_movedim(0, -1)), make);
  check("base_index/slice", FN(x[3].base_index({1}), x[3].base_slice(-1, 1, 3)), make);
  check("base_squeeze/unsqueeze", FN(x[2].base_squeeze(0), x[3].base_unsqueeze(1)), make);
}

TEST(Traceable, LinspaceLogspace)
{
  at::manual_seed(92);
  const auto make = MAKE(rnd<SR2>(b), rnd<SR2>(b), rnd<SR2>({}), rnd<Scalar>(b));
  check("linspace dynamic", FN(SR2::linspace(SR2(x[0]), SR2(x[1]), 4, -1)), make);
  check("linspace dynamic at 0", FN(SR2::linspace(SR2(x[0]), SR2(x[1]), 4, 0)), make);
  check("linspace intermediate",
        FN(SR2::linspace(SR2(x[0]), SR2(x[1]), 3, 0, BatchGroup::Intermediate)), make);
  check("linspace unbatched start", FN(SR2::linspace(SR2(x[2]), SR2(x[1]), 4, -1)), make);
  check("logspace",
        FN(Scalar::logspace(Scalar(x[3]), Scalar(x[3]) + 1.0, 5, -1),
           SR2::logspace(SR2(x[0]), SR2(x[1]), 3, 0, BatchGroup::Intermediate, 2.0)),
        make);
}

TEST(Traceable, FillFromScalars)
{
  at::manual_seed(93);
  const auto make = MAKE(rnd<Scalar>(b), rnd<Scalar>(b), rnd<Scalar>(b), rnd<Scalar>({}),
                         rnd<Scalar>(b, 100, 200), rnd<Scalar>(b, 0.1, 0.4));
  check("SR2::fill 1", FN(SR2::fill({Scalar(x[0])})), make);
  check("SR2::fill 3", FN(SR2::fill({Scalar(x[0]), Scalar(x[1]), Scalar(x[3])})), make);
  check("SR2::fill 6",
        FN(SR2::fill(
            {Scalar(x[0]), Scalar(x[1]), Scalar(x[2]), Scalar(x[3]), Scalar(x[2]), Scalar(x[0])})),
        make);
  check("R2::fill 9",
        FN(R2::fill({Scalar(x[0]), Scalar(x[1]), Scalar(x[2]), Scalar(x[3]), Scalar(x[0]),
                     Scalar(x[1]), Scalar(x[2]), Scalar(x[3]), Scalar(x[0])})),
        make);
  check("Vec::fill", FN(Vec::fill(Scalar(x[0]), Scalar(x[3]), Scalar(x[2]))), make);
  check("Rot::fill", FN(Rot::fill(Scalar(x[0]), Scalar(x[1]), Scalar(x[2])).euler_rodrigues()),
        make);
  check("SSR4::fill_C1_C2_C3", FN(SSR4::fill_C1_C2_C3(Scalar(x[0]), Scalar(x[1]), Scalar(x[3]))),
        make);
  check("SSR4::isotropic_E_nu", FN(SSR4::isotropic_E_nu(Scalar(x[4]), Scalar(x[5]))), make);
  check("constant fills",
        FN(SR2::fill(1, 2, 3, 4, 5, 6) * Scalar(x[0]), R2::fill(1, 2, 3) * Scalar(x[0]),
           Vec::fill(1, 2, 3) * Scalar(x[0]), Quaternion::fill(1, 0, 0, 0) * Scalar(x[0])),
        make);
}

TEST(Traceable, IdentitiesAndIdentityMaps)
{
  at::manual_seed(94);
  const auto make = MAKE(rnd<SR2>(b), rnd<R2>(b), rnd<WR2>(b), rnd<Vec>(b), rnd<Scalar>(b), rot(b));
  check("identity_map<SR2>", FN(identity_map<SR2>() * SR2(x[0])), make);
  check("identity_map<R2>", FN(identity_map<R2>() * R2(x[1])), make);
  check("identity_map<WR2>", FN(identity_map<WR2>() * WR2(x[2])), make);
  check("identity_map<Vec>", FN(identity_map<Vec>() * Vec(x[3])), make);
  check("identity_map<Rot>", FN(identity_map<Rot>() * Vec(x[5])), make);
  check("identity_map<Scalar>", FN(identity_map<Scalar>() * Scalar(x[4])), make);
  check("SSR4 identities",
        FN(SSR4::identity() * SR2(x[0]), SSR4::identity_sym() * SR2(x[0]),
           SSR4::identity_vol() * SR2(x[0]), SSR4::identity_dev() * SR2(x[0]),
           SSR4::identity_C1() * SR2(x[0]), SSR4::identity_C2() * SR2(x[0]),
           SSR4::identity_C3() * SR2(x[0])),
        make);
  check("other identities",
        FN(R2::identity() * R2(x[1]), SR2::identity() * Scalar(x[4]), R4::identity() * R2(x[1]),
           WWR4::identity() * WR2(x[2]), Rot::identity() * Rot(x[5]),
           einsum("ijk,j,k->i", {R3::levi_civita(), x[3], x[3] * 2.0 + 1.0})),
        make);
}

// ---------------------------------------------------------------------------------------------
// Rotations
// ---------------------------------------------------------------------------------------------

TEST(Traceable, Rotations)
{
  at::manual_seed(95);
  const auto make = MAKE(rot(b), rot(b), rnd<Vec>(b), rnd<WR2>(b), rnd<R2>(b), rnd<SR2>(b),
                         rnd<SSR4>(b), rnd<R4>(b), rot({}));
  check("euler_rodrigues", FN(Rot(x[0]).euler_rodrigues()), make);
  check("deuler_rodrigues", FN(Rot(x[0]).deuler_rodrigues()), make);
  check("shadow/dshadow", FN(Rot(x[0]).shadow(), Rot(x[0]).dshadow()), make);
  check("inverse", FN(Rot(x[0]).inverse()), make);
  check("gdist", FN(Rot(x[0]).gdist(Rot(x[1]))), make);
  check("composition", FN(Rot(x[0]) * Rot(x[1]), Rot(x[8]) * Rot(x[0])), make);
  check("Rot rotate/drotate/drotate_self",
        FN(Rot(x[0]).rotate(Rot(x[1])), Rot(x[0]).drotate(Rot(x[1])),
           Rot(x[0]).drotate_self(Rot(x[1]))),
        make);
  check("Vec rotate/drotate", FN(Vec(x[2]).rotate(Rot(x[0])), Vec(x[2]).drotate(Rot(x[0]))), make);
  check("WR2 rotate/drotate", FN(WR2(x[3]).rotate(Rot(x[0])), WR2(x[3]).drotate(Rot(x[0]))), make);
  check("R2 rotate/drotate", FN(R2(x[4]).rotate(Rot(x[0])), R2(x[4]).drotate(Rot(x[0]))), make);
  check("SR2 rotate/drotate", FN(SR2(x[5]).rotate(Rot(x[0])), SR2(x[5]).drotate(Rot(x[0]))), make);
  check("SSR4 rotate/drotate", FN(SSR4(x[6]).rotate(Rot(x[0])), SSR4(x[6]).drotate(Rot(x[0]))),
        make);
  check("R4 rotate/drotate", FN(R4(x[7]).rotate(Rot(x[0])), R4(x[7]).drotate(Rot(x[0]))), make);
  check("rotate by an unbatched rotation",
        FN(SR2(x[5]).rotate(Rot(x[8])), SR2(x[5]).drotate(Rot(x[8]))), make);
  check(
      "axis_angle/fill_rodrigues",
      FN(Rot::axis_angle(Vec(x[2]), Scalar(x[2].base_index({0}))), Rot::fill_rodrigues(Vec(x[2]))),
      make);
}

TEST(Traceable, FillMatrix)
{
  at::manual_seed(96);
  // rotation matrices with angles from 0 to pi: every branch of Shepperd's method occurs
  const auto make = MAKE(Tensor(Rot(rot(b)).euler_rodrigues()));
  check("fill_matrix", FN(Rot::fill_matrix(R2(x[0]))), make);
  check("fill_matrix round trip", FN(Rot::fill_matrix(R2(x[0])).euler_rodrigues()), make);
}

TEST(Traceable, EulerAngles)
{
  at::manual_seed(97);
  const auto make =
      MAKE(Tensor(at::stack({test::uniform(b, 0, 2 * M_PI), test::uniform(b, 0.05, M_PI - 0.05),
                             test::uniform(b, 0, 2 * M_PI)},
                            -1),
                  static_cast<Size>(b.size())),
           rot(b));
  for (const std::string conv : {"kocks", "roe", "bunge"})
  {
    check(
        "fill_euler_angles radians " + conv,
        [conv](const V & x) -> V
        { return out(Rot::fill_euler_angles(Vec(x[0]), conv, "radians")); },
        make);
    check(
        "fill_euler_angles degrees " + conv,
        [conv](const V & x) -> V
        { return out(Rot::fill_euler_angles(Vec(x[0]) * (180 / M_PI), conv, "degrees")); },
        make);
    check(
        "to_euler_angles " + conv,
        [conv](const V & x) -> V
        {
          return out(Rot(x[1]).to_euler_angles(conv, "radians"),
                     Rot(x[1]).to_euler_angles(conv, "degrees"));
        },
        make);
  }
}

TEST(Traceable, ExpMap)
{
  at::manual_seed(98);
  const auto make = MAKE(wr2_mixed(b));
  check("exp_map", FN(WR2(x[0]).exp_map()), make);
  check("dexp_map", FN(WR2(x[0]).dexp_map()), make);
  check("exp", FN(WR2(x[0]).exp()), make);
}

TEST(Traceable, Quaternions)
{
  at::manual_seed(99);
  const auto make = MAKE(rot(b), rot(b), rnd<Quaternion>(b));
  check("Quaternion(Rot)", FN(Quaternion(Rot(x[0]))), make);
  check("to_R2/to_Rot", FN(Quaternion(Rot(x[0])).to_R2(), Quaternion(Rot(x[0])).to_Rot()), make);
  check("conjugate/norm/norm_sq/component",
        FN(Quaternion(x[2]).conjugate(), Quaternion(x[2]).norm(), Quaternion(x[2]).norm_sq(),
           Quaternion(x[2])(1)),
        make);
  check("Hamilton product of rotations",
        FN(Quaternion(Rot(x[0])) * Quaternion(Rot(x[1])),
           (Quaternion(Rot(x[0])) * Quaternion(Rot(x[1]))).to_Rot()),
        make);
}
