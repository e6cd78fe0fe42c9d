// Helpers for the tensor-layer tests: a closeness check that reports where two tensors differ, and
// reference formulas written with plain ATen, independent of the library (Mandel and axial
// conversions, rotation matrices, random rotations).
#pragma once

#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/argmax.h>
#include <ATen/ops/atan.h>
#include <ATen/ops/broadcast_tensors.h>
#include <ATen/ops/cos.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/isfinite.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/ones_like.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/randn.h>
#include <ATen/ops/sin.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/tan.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/where.h>
#include <ATen/ops/zeros.h>
#include <c10/util/Exception.h>
#include <cmath>
#include <sstream>
#include <vector>

#include "neml2/misc/types.h"

namespace neml2::test
{
/// Whether `a` and `b` agree within rtol * |b| + atol componentwise (shapes broadcast; NaN never
/// agrees). On failure the message gives both shapes, the number of offending components and the
/// worst one.
inline ::testing::AssertionResult
close(const at::Tensor & a, const at::Tensor & b, double rtol = 1e-10, double atol = 1e-12)
{
  if (!a.defined() || !b.defined())
    return ::testing::AssertionFailure() << "undefined tensor";
  std::vector<at::Tensor> ab;
  try
  {
    ab = at::broadcast_tensors({a, b});
  }
  catch (const c10::Error &)
  {
    return ::testing::AssertionFailure()
           << "shapes do not broadcast: " << a.sizes() << " vs " << b.sizes();
  }
  const auto x = ab[0].to(at::kDouble), y = ab[1].to(at::kDouble);
  const auto err = (x - y).abs();
  const auto ok = (err <= y.abs() * rtol + atol)
                      .logical_and(at::isfinite(x))
                      .logical_and(at::isfinite(y).logical_or(x.eq(y)));
  const auto nbad = ok.logical_not().sum().item<int64_t>();
  if (nbad == 0)
    return ::testing::AssertionSuccess();
  const auto flat_err = at::where(ok, at::zeros({}, err.options()), err).reshape({-1});
  const auto flat_bad = ok.logical_not().reshape({-1});
  // the worst finite difference, or the first non-finite entry
  auto worst = at::argmax(flat_err.nan_to_num(1e300, 1e300, 1e300)).item<int64_t>();
  if (!flat_bad[worst].item<bool>())
    worst = at::argmax(flat_bad.to(at::kInt)).item<int64_t>();
  std::ostringstream os;
  os << nbad << " of " << err.numel() << " components differ (rtol " << rtol << ", atol " << atol
     << "); shapes " << a.sizes() << " vs " << b.sizes() << "; worst at flat index " << worst
     << ": " << x.reshape({-1})[worst].item<double>() << " vs "
     << y.reshape({-1})[worst].item<double>();
  return ::testing::AssertionFailure() << os.str();
}

/// close() and equal shapes.
inline ::testing::AssertionResult
close_same_shape(const at::Tensor & a, const at::Tensor & b, double rtol = 1e-10,
                 double atol = 1e-12)
{
  if (a.defined() && b.defined() && a.sizes() != b.sizes())
    return ::testing::AssertionFailure() << "shapes differ: " << a.sizes() << " vs " << b.sizes();
  return close(a, b, rtol, atol);
}

/// Shape `batch` followed by `base`.
inline TensorShape
cat_shape(TensorShapeRef batch, TensorShapeRef base)
{
  TensorShape s(batch.begin(), batch.end());
  s.append(base.begin(), base.end());
  return s;
}

/// Number of elements of a shape.
inline Size
numel(TensorShapeRef shape)
{
  Size n = 1;
  for (auto s : shape)
    n *= s;
  return n;
}

/// 0, 1, 2, ... in the given shape (float64).
inline at::Tensor
iota(TensorShapeRef shape)
{
  return at::arange(numel(shape), at::TensorOptions().dtype(at::kDouble)).reshape(shape);
}

/// Uniform random numbers in [lo, hi) of the given shape (float64).
inline at::Tensor
uniform(TensorShapeRef shape, double lo, double hi)
{
  return at::rand(shape, at::TensorOptions().dtype(at::kDouble)) * (hi - lo) + lo;
}

// ---- references built with plain ATen ----

/// The full 3x3 matrix of a Mandel vector (..., 6): 11, 22, 33, 23, 13, 12, shears scaled by
/// sqrt(2).
inline at::Tensor
mandel_to_full(const at::Tensor & a)
{
  const double s = 1.0 / std::sqrt(2.0);
  auto c = [&](int i) { return a.select(-1, i); };
  return at::stack({at::stack({c(0), c(5) * s, c(4) * s}, -1),
                    at::stack({c(5) * s, c(1), c(3) * s}, -1),
                    at::stack({c(4) * s, c(3) * s, c(2)}, -1)},
                   -2);
}

/// The Mandel vector of the symmetric part of a 3x3 matrix (..., 3, 3).
inline at::Tensor
full_to_mandel(const at::Tensor & A)
{
  const double s = 1.0 / std::sqrt(2.0);
  auto m = [&](int i, int j) { return A.select(-1, j).select(-1, i); };
  return at::stack({m(0, 0), m(1, 1), m(2, 2), (m(1, 2) + m(2, 1)) * s, (m(0, 2) + m(2, 0)) * s,
                    (m(0, 1) + m(1, 0)) * s},
                   -1);
}

/// The skew matrix W of an axial vector (..., 3): W_ij = -e_ijk w_k, so W x = w cross x.
inline at::Tensor
skew_matrix(const at::Tensor & w)
{
  auto c = [&](int i) { return w.select(-1, i); };
  const auto z = c(0) * 0.0;
  return at::stack({at::stack({z, -c(2), c(1)}, -1), at::stack({c(2), z, -c(0)}, -1),
                    at::stack({-c(1), c(0), z}, -1)},
                   -2);
}

/// The axial vector of the skew part of a 3x3 matrix.
inline at::Tensor
axial_vector(const at::Tensor & A)
{
  auto m = [&](int i, int j) { return A.select(-1, j).select(-1, i); };
  return at::stack({m(2, 1) - m(1, 2), m(0, 2) - m(2, 0), m(1, 0) - m(0, 1)}, -1) * 0.5;
}

/// Mandel position and weight (1 or 1/sqrt(2)) of the index pair (i, j).
inline std::pair<int, double>
mandel_position(int i, int j)
{
  if (i == j)
    return {i, 1.0};
  return {3 + (3 - i - j), 1.0 / std::sqrt(2.0)};
}

/// The full (..., 3, 3, 3, 3) tensor of a (..., 6, 6) Mandel matrix.
inline at::Tensor
mandel4_to_full(const at::Tensor & c)
{
  std::vector<at::Tensor> parts;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      for (int k = 0; k < 3; ++k)
        for (int l = 0; l < 3; ++l)
        {
          const auto [a, wa] = mandel_position(i, j);
          const auto [b, wb] = mandel_position(k, l);
          parts.push_back(c.select(-1, b).select(-1, a) * (wa * wb));
        }
  auto flat = at::stack(parts, -1);
  auto shape = flat.sizes().vec();
  shape.pop_back();
  for (int n = 0; n < 4; ++n)
    shape.push_back(3);
  return flat.reshape(shape);
}

/// The rotation matrix of angle theta about the unit axis n (Rodrigues' formula), (..., 3, 3).
inline at::Tensor
axis_angle_matrix(const at::Tensor & n, const at::Tensor & theta)
{
  const auto K = skew_matrix(n);
  const auto s = at::sin(theta).unsqueeze(-1).unsqueeze(-1);
  const auto c = (1.0 - at::cos(theta)).unsqueeze(-1).unsqueeze(-1);
  return at::eye(3, n.options()) + s * K + c * at::matmul(K, K);
}

/// The rotation matrix of modified Rodrigues parameters r = n tan(theta/4) (active, right-handed).
inline at::Tensor
mrp_matrix(const at::Tensor & r)
{
  const auto nr = r.mul(r).sum(-1).sqrt();
  const auto safe = at::where(nr > 0, nr, at::ones_like(nr));
  const auto n = r / safe.unsqueeze(-1);
  return axis_angle_matrix(n, 4.0 * at::atan(nr));
}

/// Rotation matrices about z and x by angle a (active): Rz = [[c, -s, 0], [s, c, 0], [0, 0, 1]].
inline at::Tensor
rot_z(double a)
{
  const double c = std::cos(a), s = std::sin(a);
  return at::tensor({c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0}, at::kDouble).reshape({3, 3});
}
inline at::Tensor
rot_x(double a)
{
  const double c = std::cos(a), s = std::sin(a);
  return at::tensor({1.0, 0.0, 0.0, 0.0, c, -s, 0.0, s, c}, at::kDouble).reshape({3, 3});
}

/// Random unit vectors of batch shape `shape` (..., 3).
inline at::Tensor
random_unit_vectors(TensorShapeRef shape)
{
  auto v = at::randn(cat_shape(shape, {3}), at::TensorOptions().dtype(at::kDouble));
  return v / v.mul(v).sum(-1, true).sqrt();
}

/// Random modified Rodrigues parameters of batch shape `shape`, rotation angles uniform in
/// [lo, hi] radians (|r| = tan(theta/4) <= 1 for theta <= pi).
inline at::Tensor
random_mrp(TensorShapeRef shape, double lo = 0.1, double hi = 3.0)
{
  const auto theta = uniform(shape, lo, hi);
  return random_unit_vectors(shape) * at::tan(theta / 4.0).unsqueeze(-1);
}

/// 3x3 matrix from nine numbers, row by row.
inline at::Tensor
matrix3(std::vector<double> rows)
{
  return at::tensor(rows, at::kDouble).reshape({3, 3});
}
} // namespace neml2::test
