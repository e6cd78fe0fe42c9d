// R4: a batch of general fourth-order tensors, base shape (3,3,3,3).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class R2;
class SSR4;
class SFFR4;
class WFFR4;
class SWR4;
class WSR4;
class WWR4;
class Rot;
class R5;

class R4 : public PrimitiveTensor<R4, 3, 3, 3, 3>
{
public:
  using PrimitiveTensor<R4, 3, 3, 3, 3>::PrimitiveTensor;
  R4() = default;
  explicit R4(const SSR4 & t);
  explicit R4(const SFFR4 & t);
  explicit R4(const WFFR4 & t);
  explicit R4(const SWR4 & t);
  explicit R4(const WSR4 & t);
  explicit R4(const WWR4 & t);

  /// The identity on second-order tensors: delta_ik delta_jl.
  static R4 identity(const TensorOptions & options = default_tensor_options());
  /// Swap the index pairs: [ijkl] -> [klij].
  R4 transpose_major() const;
  /// R_im R_jn R_ko R_lp T_mnop
  R4 rotate(const Rot & r) const;
  /// d(rotate(r))/dr, base shape (3,3,3,3,3)
  R5 drotate(const Rot & r) const;
};

/// Double contraction T_ijkl A_kl.
R2 operator*(const R4 & a, const R2 & b);
/// T_ijmn U_mnkl.
R4 operator*(const R4 & a, const R4 & b);
} // namespace neml2

#include "neml2/tensors/operators.h"
