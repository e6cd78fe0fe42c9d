// Linear algebra on the tensor types: the usual operators as free functions, batched linear
// solves and the symmetric eigen-decomposition.
#pragma once

#include <utility>

#include "neml2/tensors/Tensor.h"

namespace neml2
{
class Scalar;
class Vec;
class R2;
class SR2;
class SSR4;

/// @name Free-function forms of the type methods
///@{
Scalar tr(const SR2 & a);
Scalar tr(const R2 & a);
SR2 vol(const SR2 & a);
SR2 dev(const SR2 & a);
R2 vol(const R2 & a);
R2 dev(const R2 & a);
Scalar det(const SR2 & a);
Scalar det(const R2 & a);
SR2 inv(const SR2 & a);
R2 inv(const R2 & a);
SSR4 inv(const SSR4 & a);
Scalar norm(const Vec & a);
Scalar norm(const SR2 & a, double eps = 0);
Scalar norm(const R2 & a);
Scalar norm_sq(const Vec & a);
Scalar norm_sq(const SR2 & a);
Scalar norm_sq(const R2 & a);
Scalar inner(const Vec & a, const Vec & b);
Scalar inner(const SR2 & a, const SR2 & b);
Scalar inner(const R2 & a, const R2 & b);
R2 outer(const Vec & a, const Vec & b);
SSR4 outer(const SR2 & a, const SR2 & b);
Vec cross(const Vec & a, const Vec & b);
R2 transpose(const R2 & a);
SSR4 transpose(const SSR4 & a);
///@}

/// Solve A x = b for each batch entry. A has base shape (n, n); b has base shape (n) or (n, k).
Tensor solve(const Tensor & A, const Tensor & b);

/// Eigenvalues (ascending) and eigenvectors (the columns of the R2) of a symmetric tensor.
std::pair<Vec, R2> eigh(const SR2 & a);
} // namespace neml2
