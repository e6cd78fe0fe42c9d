#include "neml2/solvers/Newton.h"
#include "neml2/base/Registry.h"
#include "neml2/misc/error.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/isnan.h>
#include <ATen/ops/linalg_solve_ex.h>
#include <ATen/ops/linalg_vector_norm.h>
#include <ATen/ops/where.h>
#include <iomanip>
#include <iostream>

namespace neml2
{
register_NEML2_object(Newton);

OptionSet
Newton::expected_options()
{
  auto options = NonlinearSolver::expected_options();
  options.doc() = "Newton's method: each iteration solves J du = -r for every batch entry. Entries "
                  "stop once they converge; the solve ends when all have.";
  return options;
}

Newton::Newton(const OptionSet & options) : NonlinearSolver(options) {}

void
Newton::prepare(const Tensor &)
{
}

Tensor
Newton::update(NonlinearSystem &, const Tensor & u, const Tensor &, const Tensor &,
               const Tensor & du)
{
  return Tensor(u + du, u.dynamic_dim(), u.intmd_dim());
}

SolveResult
Newton::solve(NonlinearSystem & system, const Tensor & u0)
{
  SolveResult res;
  Tensor u = u0;
  Tensor r, J;
  system.evaluate(u, r, &J);
  const at::Tensor n0 = at::linalg_vector_norm(r, 2, -1);
  at::Tensor n = n0;
  at::Tensor failed = at::isnan(n);
  auto converged = [&](const at::Tensor & nr)
  { return ((nr < _abs_tol) | (nr / n0 < _rel_tol)) & failed.logical_not(); };
  at::Tensor conv = converged(n);
  prepare(u0);

  std::size_t it = 0;
  auto report = [&]
  {
    if (_verbose)
      std::cout << "  " << path() << " iteration " << std::setw(3) << it
                << ": max |r| = " << std::scientific << n.max().item<double>() << ", "
                << conv.sum().item<int64_t>() << "/" << conv.numel() << " converged"
                << std::defaultfloat << std::endl;
  };
  report();
  while (it < _max_its && !conv.all().item<bool>())
  {
    auto [x, info] = at::linalg_solve_ex(J, -r.unsqueeze(-1));
    failed = failed | (info != 0);
    const auto active = (conv | failed).logical_not().unsqueeze(-1);
    const auto du = Tensor(at::where(active, x.squeeze(-1), 0.0), r.dynamic_dim(), r.intmd_dim());
    u = update(system, u, r, J, du);
    system.evaluate(u, r, &J);
    n = at::linalg_vector_norm(r, 2, -1);
    failed = failed | at::isnan(n);
    conv = converged(n);
    ++it;
    report();
  }

  res.solution = u;
  res.iterations = it;
  res.initial_residual_norm = Tensor(n0, r.dynamic_dim(), r.intmd_dim());
  res.residual_norm = Tensor(n, r.dynamic_dim(), r.intmd_dim());
  res.converged = Tensor(conv, r.dynamic_dim(), r.intmd_dim());
  res.status = conv.all().item<bool>()     ? SolveStatus::Converged
               : failed.any().item<bool>() ? SolveStatus::Failed
                                           : SolveStatus::NotConverged;
  return res;
}
} // namespace neml2
