// Newton's method with a backtracking line search on the squared residual norm.
#pragma once

#include "neml2/solvers/Newton.h"

namespace neml2
{
class NewtonWithLineSearch : public Newton
{
public:
  static OptionSet expected_options();
  explicit NewtonWithLineSearch(const OptionSet & options);

protected:
  Tensor update(NonlinearSystem & system, const Tensor & u, const Tensor & r, const Tensor & J,
                const Tensor & du) override;

private:
  const unsigned int _max_ls_its;
  const double _cutback;
  const double _c;
  const bool _strong_wolfe;
};
} // namespace neml2
