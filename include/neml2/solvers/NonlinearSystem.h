// A system of nonlinear equations r(u) = 0 for a batch of unknown vectors: what the nonlinear
// solvers work on.
#pragma once

#include "neml2/tensors/Tensor.h"

namespace neml2
{
class NonlinearSystem
{
public:
  virtual ~NonlinearSystem() = default;

  /// The residual r(u) (base shape (n)) and, when `J` is not null, its Jacobian dr/du (base shape
  /// (n, n)), for unknowns u of base shape (n). Batch entries are independent systems.
  virtual void evaluate(const Tensor & u, Tensor & r, Tensor * J) = 0;
};
} // namespace neml2
