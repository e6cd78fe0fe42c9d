// Vec: a batch of 3-vectors.
#pragma once

#include "neml2/tensors/VecBase.h"

namespace neml2
{
class R2;
class Rot;
class MillerIndex;

class Vec : public VecBase<Vec>
{
public:
  using VecBase<Vec>::VecBase;
  Vec() = default;
  /// Real-valued components of Miller indices.
  explicit Vec(const MillerIndex & m);

  Vec cross(const Vec & other) const;
  /// v ⊗ w
  R2 outer(const Vec & other) const;
  /// R(r) v
  Vec rotate(const Rot & r) const;
  /// d(R(r) v)/dr, base shape (3,3)
  R2 drotate(const Rot & r) const;
};
} // namespace neml2

#include "neml2/tensors/operators.h"
