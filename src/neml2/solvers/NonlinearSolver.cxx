#include "neml2/solvers/NonlinearSolver.h"
#include "neml2/misc/error.h"

#include <ATen/ops/nonzero.h>
#include <sstream>

namespace neml2
{
OptionSet
NonlinearSolver::expected_options()
{
  auto options = NEML2Object::expected_options();
  options.section() = "Solvers";
  options.add<double>("abs_tol", 1e-10, "An entry converges when |r| < abs_tol ...");
  options.add<double>("rel_tol", 1e-8, "... or when |r| / |r0| < rel_tol.");
  options.add<unsigned int>("max_its", 100, "The most iterations before giving up.");
  options.add<bool>("verbose", false, "Print the residual norms of every iteration.");
  return options;
}

NonlinearSolver::NonlinearSolver(const OptionSet & options)
    : NEML2Object(options),
      _abs_tol(options.get<double>("abs_tol")),
      _rel_tol(options.get<double>("rel_tol")),
      _max_its(options.get<unsigned int>("max_its")),
      _verbose(options.get<bool>("verbose"))
{
  if (_abs_tol <= 0 && _rel_tol <= 0)
    throw option_error("abs_tol", "abs_tol and rel_tol cannot both be zero or negative");
}

std::string
SolveResult::describe() const
{
  std::ostringstream os;
  if (ok())
  {
    os << "converged in " << iterations << " iterations";
    return os.str();
  }
  const at::Tensor bad = converged.logical_not().flatten();
  const auto idx = at::nonzero(bad).flatten();
  const auto n_bad = idx.numel();
  os << (status == SolveStatus::Failed ? "failed (NaN residual or singular Jacobian)"
                                       : "did not converge")
     << " for " << n_bad << " of " << bad.numel() << " batch entries after " << iterations
     << " iterations";
  const at::Tensor res = residual_norm.flatten();
  const at::Tensor res0 = initial_residual_norm.flatten();
  os << "; entries (flat index: |r| / |r0|):";
  for (int64_t k = 0; k < std::min<int64_t>(n_bad, 8); ++k)
  {
    const auto i = idx[k].item<int64_t>();
    os << (k ? ", " : " ") << i << ": " << res[i].item<double>() << " / " << res0[i].item<double>();
  }
  if (n_bad > 8)
    os << ", ...";
  return os.str();
}

void
require_convergence(const SolveResult & result, const std::string & context)
{
  if (!result.ok())
    throw ConvergenceError(context + ": " + result.describe());
}
} // namespace neml2
