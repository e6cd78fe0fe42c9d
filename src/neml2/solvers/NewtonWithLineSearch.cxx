#include "neml2/solvers/NewtonWithLineSearch.h"
#include "neml2/base/EnumSelection.h"
#include "neml2/base/Registry.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/ones.h>
#include <ATen/ops/where.h>

namespace neml2
{
register_NEML2_object(NewtonWithLineSearch);

OptionSet
NewtonWithLineSearch::expected_options()
{
  auto options = Newton::expected_options();
  options.doc() = "Newton's method with a backtracking line search: the step is cut back until the "
                  "squared residual norm decreases enough.";
  options.add<unsigned int>("max_linesearch_iterations", 10,
                            "The most residual evaluations of one line search; the last step "
                            "length is used when it is reached.");
  options.add<double>("linesearch_cutback", 2.0,
                      "The factor a rejected step length is divided by.");
  options.add<double>("linesearch_stopping_criteria", 1e-3,
                      "c in the sufficient-decrease condition |r(u + a du)|^2 <= (1 - 2 c a) |r|^2 "
                      "(BACKTRACKING) or <= (1 - c a) |r|^2 (STRONG_WOLFE).");
  options.add<EnumSelection>("linesearch_type",
                             EnumSelection({"BACKTRACKING", "STRONG_WOLFE"}, "BACKTRACKING"),
                             "The sufficient-decrease condition.");
  return options;
}

NewtonWithLineSearch::NewtonWithLineSearch(const OptionSet & options)
    : Newton(options),
      _max_ls_its(options.get<unsigned int>("max_linesearch_iterations")),
      _cutback(options.get<double>("linesearch_cutback")),
      _c(options.get<double>("linesearch_stopping_criteria")),
      _strong_wolfe(options.get<EnumSelection>("linesearch_type") == "STRONG_WOLFE")
{
  if (_cutback <= 1)
    throw option_error("linesearch_cutback", "must be greater than 1");
}

Tensor
NewtonWithLineSearch::update(NonlinearSystem & system, const Tensor & u, const Tensor & r,
                             const Tensor &, const Tensor & du)
{
  const at::Tensor nr0 = r.mul(r).sum(-1);
  at::Tensor alpha = at::ones_like(nr0);
  Tensor up = u;
  for (unsigned int i = 1; i <= _max_ls_its; ++i)
  {
    up = Tensor(u + alpha.unsqueeze(-1) * du, u.dynamic_dim(), u.intmd_dim());
    if (i == _max_ls_its)
      break;
    Tensor rp;
    system.evaluate(up, rp, nullptr);
    const at::Tensor nr = rp.mul(rp).sum(-1);
    const at::Tensor crit =
        _strong_wolfe ? (1.0 - _c * alpha) * nr0 : (1.0 - 2.0 * _c * alpha) * nr0;
    const at::Tensor stop = (nr <= crit) | (nr <= _abs_tol * _abs_tol);
    if (stop.all().item<bool>())
      break;
    alpha = at::where(stop, alpha, alpha / _cutback);
  }
  return up;
}
} // namespace neml2
