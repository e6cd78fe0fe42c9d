// WR2: a batch of skew-symmetric second-order tensors, stored as their axial vectors.
#pragma once

#include "neml2/tensors/VecBase.h"

namespace neml2
{
class R2;
class Rot;

class WR2 : public VecBase<WR2>
{
public:
  using VecBase<WR2>::VecBase;
  WR2() = default;
  /// The skew part of a full second-order tensor.
  explicit WR2(const R2 & full);

  /// The rotation exp(W), as modified Rodrigues parameters.
  Rot exp_map() const;
  /// d(exp_map())/dw, base shape (3,3)
  R2 dexp_map() const;
  /// The rotation matrix exp(W).
  R2 exp() const;
  /// R W R^T
  WR2 rotate(const Rot & r) const;
  /// d(rotate(r))/dr
  R2 drotate(const Rot & r) const;
};
} // namespace neml2

#include "neml2/tensors/operators.h"
