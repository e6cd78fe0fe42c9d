// Nonlinear solvers ([Solvers] section): Newton's method and its line-search and trust-region
// variants. Failure is data (a per-entry converged mask in the SolveResult); the API edge turns it
// into a ConvergenceError with require_convergence().
#pragma once

#include <string>

#include "neml2/base/NEML2Object.h"
#include "neml2/solvers/NonlinearSystem.h"

namespace neml2
{
enum class SolveStatus
{
  /// Every batch entry converged.
  Converged,
  /// Some entries did not converge within the iteration limit.
  NotConverged,
  /// Some entries produced NaN or a singular Jacobian.
  Failed
};

struct SolveResult
{
  SolveStatus status = SolveStatus::NotConverged;
  /// The last iterate (base shape (n)).
  Tensor solution;
  /// Newton iterations taken (the same for the whole batch).
  std::size_t iterations = 0;
  /// |r| per entry at the initial guess and at the end (Scalar-shaped).
  Tensor initial_residual_norm;
  Tensor residual_norm;
  /// Per-entry convergence (bool, batch-shaped).
  Tensor converged;

  bool ok() const { return status == SolveStatus::Converged; }
  /// What went wrong: how many entries failed, which ones (the first few), their residuals.
  std::string describe() const;
};

/// Throw ConvergenceError (message from SolveResult::describe, prefixed by `context`) unless every
/// entry converged.
void require_convergence(const SolveResult & result, const std::string & context);

class NonlinearSolver : public NEML2Object
{
public:
  static OptionSet expected_options();
  explicit NonlinearSolver(const OptionSet & options);

  /// Solve r(u) = 0 from the initial guess u0 (base shape (n)).
  virtual SolveResult solve(NonlinearSystem & system, const Tensor & u0) = 0;

protected:
  const double _abs_tol;
  const double _rel_tol;
  const unsigned int _max_its;
  const bool _verbose;
};
} // namespace neml2
