// Newton's method on a batch of systems: u <- u - J^{-1} r, entry by entry, until |r| < abs_tol or
// |r| / |r0| < rel_tol for every entry. Converged entries stop moving.
#pragma once

#include "neml2/solvers/NonlinearSolver.h"

namespace neml2
{
class Newton : public NonlinearSolver
{
public:
  static OptionSet expected_options();
  explicit Newton(const OptionSet & options);

  SolveResult solve(NonlinearSystem & system, const Tensor & u0) override;

protected:
  /// The next iterate from the Newton step du (already zero for entries that stopped). The
  /// residual r at u is given; variants may evaluate the system again.
  virtual Tensor update(NonlinearSystem & system, const Tensor & u, const Tensor & r,
                        const Tensor & J, const Tensor & du);
  /// Called once before the iterations.
  virtual void prepare(const Tensor & u0);
};
} // namespace neml2
