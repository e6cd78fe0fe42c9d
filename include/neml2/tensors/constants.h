// Constant tensors used by the conversions between storage conventions (Mandel, axial vectors),
// built once per dtype and device outside any trace. Inside a trace they become graph constants.
#pragma once

#include <ATen/core/Tensor.h>

#include "neml2/misc/types.h"

namespace neml2::constants
{
/// M, base shape (6,3,3): the Mandel vector of A is a_m = M_mij A_ij, and a symmetric A is
/// A_ij = M_mij a_m (M_mij = 1 on the diagonal, 1/sqrt(2) on both off-diagonal entries of a
/// shear component).
at::Tensor mandel_map(const TensorOptions & options);

/// S, base shape (3,3,3): a skew tensor from its axial vector is W_ij = S_ijk w_k, and the axial
/// vector of A is w_k = S_ijk A_ij / 2.
at::Tensor skew_map(const TensorOptions & options);

/// The permutation tensor e_ijk, base shape (3,3,3).
at::Tensor levi_civita(const TensorOptions & options);

/// The Mandel vector of the identity, (1, 1, 1, 0, 0, 0).
at::Tensor sr2_identity(const TensorOptions & options);

/// The Mandel shear mask, (0, 0, 0, 1, 1, 1).
at::Tensor sr2_shear_mask(const TensorOptions & options);

/// (1, -1, -1, -1): multiplying a quaternion by it conjugates it.
at::Tensor quaternion_conjugation(const TensorOptions & options);

/// The n x n identity matrix.
at::Tensor eye(Size n, const TensorOptions & options);
} // namespace neml2::constants
