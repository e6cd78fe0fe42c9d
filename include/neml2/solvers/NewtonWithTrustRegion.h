// Newton's method globalised by a trust region (dogleg steps between the steepest-descent and the
// Newton directions of the merit function |r|^2 / 2).
#pragma once

#include "neml2/solvers/Newton.h"

namespace neml2
{
class NewtonWithTrustRegion : public Newton
{
public:
  static OptionSet expected_options();
  explicit NewtonWithTrustRegion(const OptionSet & options);

protected:
  void prepare(const Tensor & u0) override;
  Tensor update(NonlinearSystem & system, const Tensor & u, const Tensor & r, const Tensor & J,
                const Tensor & du) override;

private:
  const double _delta_0;
  const double _delta_max;
  const double _reduce_criteria;
  const double _expand_criteria;
  const double _reduce_factor;
  const double _expand_factor;
  const double _accept_criteria;
  /// Trust-region radius per batch entry.
  at::Tensor _delta;
};
} // namespace neml2
