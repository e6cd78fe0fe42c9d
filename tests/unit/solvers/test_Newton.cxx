#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/atan.h>
#include <ATen/ops/diag_embed.h>
#include <ATen/ops/tensor.h>

#include "neml2/base/HITParser.h"
#include "neml2/base/Factory.h"
#include "neml2/solvers/NonlinearSolver.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
/// r_i(u) = f(u_i) - c_i componentwise, with f and f' given: one scalar equation per entry.
class Componentwise : public NonlinearSystem
{
public:
  Componentwise(std::function<at::Tensor(const at::Tensor &)> f,
                std::function<at::Tensor(const at::Tensor &)> df, at::Tensor c)
      : _f(std::move(f)), _df(std::move(df)), _c(std::move(c))
  {
  }
  void evaluate(const Tensor & u, Tensor & r, Tensor * J) override
  {
    ++evaluations;
    r = Tensor(_f(u) - _c, u.dynamic_dim());
    if (J)
      *J = Tensor(at::diag_embed(_df(u)), u.dynamic_dim());
  }
  int evaluations = 0;

private:
  std::function<at::Tensor(const at::Tensor &)> _f, _df;
  at::Tensor _c;
};

NonlinearSolver &
solver(const std::string & type, const std::string & extra = "")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(
      hit::parse_text("solvers.i", "[Solvers] [s] type = " + type + " " + extra + " [] []\n")));
  return keep.back()->get_object<NonlinearSolver>("Solvers", "s");
}

const auto cube = [](const at::Tensor & u) { return u * u * u; };
const auto dcube = [](const at::Tensor & u) { return 3 * u * u; };
} // namespace

TEST(Newton, SolvesABatchEntryByEntry)
{
  // u^3 = c for 4 entries of 2 unknowns each
  const auto c =
      at::tensor({1.0, 8.0, 27.0, -8.0, 0.5, 2.0, 3.0, 4.0}, at::kDouble).reshape({4, 2});
  Componentwise sys(cube, dcube, c);
  const auto res = solver("Newton", "abs_tol = 1e-12 rel_tol = 0")
                       .solve(sys, Tensor(at::ones({4, 2}, at::kDouble), 1));
  ASSERT_TRUE(res.ok()) << res.describe();
  EXPECT_TRUE(at::allclose(cube(res.solution), c, 1e-10, 1e-10));
  EXPECT_TRUE(at::Tensor(res.converged).all().item<bool>());
  EXPECT_GT(res.iterations, 3u);
  EXPECT_EQ(res.converged.sizes(), at::IntArrayRef({4}));
}

TEST(Newton, ReportsWhichEntriesDidNotConverge)
{
  // u^2 + 1 = 0 has no real root: entries 1 and 3 cannot converge
  const auto c = at::tensor({4.0, -1.0, 9.0, -1.0}, at::kDouble).unsqueeze(-1);
  Componentwise sys([](const at::Tensor & u) { return u * u; },
                    [](const at::Tensor & u) { return 2 * u; }, c);
  const auto res =
      solver("Newton", "max_its = 30").solve(sys, Tensor(at::full({4, 1}, 0.7, at::kDouble), 1));
  EXPECT_FALSE(res.ok());
  EXPECT_EQ(res.iterations, 30u);
  const at::Tensor conv = res.converged;
  EXPECT_TRUE(conv[0].item<bool>());
  EXPECT_FALSE(conv[1].item<bool>());
  EXPECT_TRUE(conv[2].item<bool>());
  EXPECT_FALSE(conv[3].item<bool>());
  expect_contains(res.describe(),
                  {"for 2 of 4 batch entries after 30 iterations", " 1: ", ", 3: "});
  auto msg = error_message<ConvergenceError>([&] { require_convergence(res, "model 'm'"); });
  expect_contains(msg, {"convergence error: model 'm': did not converge for 2 of 4"});
}

TEST(Newton, SingularJacobianIsAFailureOfThatEntryOnly)
{
  // f(u) = u^3 has f'(0) = 0: entry 0 starts on the singular point
  const auto c = at::tensor({1.0, 8.0}, at::kDouble).unsqueeze(-1);
  Componentwise sys(cube, dcube, c);
  const auto u0 = at::tensor({0.0, 1.0}, at::kDouble).unsqueeze(-1);
  const auto res = solver("Newton").solve(sys, Tensor(u0, 1));
  EXPECT_EQ(res.status, SolveStatus::Failed);
  EXPECT_FALSE(at::Tensor(res.converged)[0].item<bool>());
  EXPECT_TRUE(at::Tensor(res.converged)[1].item<bool>());
  EXPECT_NEAR(res.solution.index({1, 0}).item<double>(), 2.0, 1e-9);
  expect_contains(res.describe(), {"failed", "1 of 2"});
}

TEST(Newton, GlobalisedVariantsConvergeWhereNewtonDiverges)
{
  // atan(u) = 0 from u0 = 3: plain Newton overshoots further every iteration
  const auto f = [](const at::Tensor & u) { return at::atan(u); };
  const auto df = [](const at::Tensor & u) { return 1 / (1 + u * u); };
  const auto c = at::zeros({3, 1}, at::kDouble);
  const auto u0 = Tensor(at::tensor({3.0, -2.0, 0.5}, at::kDouble).unsqueeze(-1), 1);
  {
    Componentwise sys(f, df, c);
    EXPECT_FALSE(solver("Newton", "max_its = 20").solve(sys, u0).ok());
  }
  for (const auto & type : {"NewtonWithLineSearch", "NewtonWithTrustRegion"})
  {
    Componentwise sys(f, df, c);
    const auto res = solver(type, "max_its = 50").solve(sys, u0);
    EXPECT_TRUE(res.ok()) << type << ": " << res.describe();
    EXPECT_TRUE(at::allclose(res.solution, at::zeros({3, 1}, at::kDouble), 0, 1e-7)) << type;
  }
}

TEST(Newton, OptionsAreChecked)
{
  auto msg = error_message<Error>([] { solver("NewtonWithLineSearch", "linesearch_cutback = 1"); });
  expect_contains(msg, {"linesearch_cutback", "greater than 1"});
  auto msg2 = error_message<OptionError>([] { solver("Newton", "max_it = 3"); });
  expect_contains(msg2, {"unknown option 'max_it'", "Did you mean 'max_its'?"});
}
