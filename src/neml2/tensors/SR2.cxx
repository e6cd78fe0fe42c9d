#include "neml2/tensors/SR2.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/SFR3.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/functions/einsum.h"
#include "neml2/misc/error.h"
#include "internal/constant.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/sqrt.h>
#include <cmath>

namespace neml2
{
namespace
{
const double sqrt2 = std::sqrt(2.0);

/// Mandel position of full index pair (i, j).
Size
mandel_index(Size i, Size j)
{
  NEML2_CHECK(i >= 0 && i < 3 && j >= 0 && j < 3, ShapeError, "SR2 index (", i, ", ", j,
              ") out of range");
  if (i == j)
    return i;
  const Size k = 3 - i - j; // the index not involved: (1,2)->0, (0,2)->1, (0,1)->2
  return 3 + k;
}
} // namespace

SR2::SR2(const R2 & full)
    : SR2(einsum("ij,mij->m", {full, neml2::Tensor(constants::mandel_map(full.options()), 0)}))
{
}

SR2
SR2::fill(double a, const TensorOptions & options)
{
  return fill(a, a, a, options);
}

SR2
SR2::fill(double a11, double a22, double a33, const TensorOptions & options)
{
  return fill(a11, a22, a33, 0, 0, 0, options);
}

SR2
SR2::fill(double a11, double a22, double a33, double a23, double a13, double a12,
          const TensorOptions & options)
{
  return SR2(
      detail::constant_tensor({a11, a22, a33, sqrt2 * a23, sqrt2 * a13, sqrt2 * a12}, {6}, options),
      0);
}

SR2
SR2::fill(const std::vector<Scalar> & c)
{
  std::vector<neml2::Tensor> parts;
  if (c.size() == 1)
  {
    const auto z = Scalar::zeros_like(c[0]);
    parts = {c[0], c[0], c[0], z, z, z};
  }
  else if (c.size() == 3)
  {
    const auto z = Scalar::zeros_like(c[0]);
    parts = {c[0], c[1], c[2], z, z, z};
  }
  else if (c.size() == 6)
    parts = {c[0], c[1], c[2], c[3] * sqrt2, c[4] * sqrt2, c[5] * sqrt2};
  else
    throw ShapeError(utils::stringify("SR2::fill needs 1, 3 or 6 components, got ", c.size()));
  return SR2(base_stack(parts, 0));
}

SR2
SR2::identity(const TensorOptions & options)
{
  return SR2(constants::sr2_identity(options), 0);
}

Scalar
SR2::operator()(Size i, Size j) const
{
  const auto m = mandel_index(i, j);
  Scalar v(base_index({m}));
  return i == j ? v : v / sqrt2;
}

Scalar
SR2::tr() const
{
  return Scalar(narrow(-1, 0, 3).sum(-1), dynamic_dim(), intmd_dim());
}

SR2
SR2::vol() const
{
  // tr/3 on the diagonal: the first three Mandel components
  const auto m = tr().div(3.0).unsqueeze(-1);
  return SR2(m.mul(constants::sr2_identity(options())), dynamic_dim(), intmd_dim());
}

SR2
SR2::dev() const
{
  return *this - vol();
}

Scalar
SR2::det() const
{
  const auto a = unbind(-1);
  // a23 = a[3]/sqrt2, a13 = a[4]/sqrt2, a12 = a[5]/sqrt2
  const auto d = a[0] * a[1] * a[2] + a[3] * a[4] * a[5] / sqrt2 -
                 (a[0] * a[3] * a[3] + a[1] * a[4] * a[4] + a[2] * a[5] * a[5]) / 2.0;
  return Scalar(d, dynamic_dim(), intmd_dim());
}

SR2
SR2::inverse() const
{
  return SR2(R2(*this).inverse());
}

Scalar
SR2::inner(const SR2 & other) const
{
  auto o = detail::align_batch("inner", *this, other);
  return Scalar(o.a.mul(o.b).sum(-1), o.dynamic_dim, o.intmd_dim);
}

Scalar
SR2::norm_sq() const
{
  return Scalar(mul(*this).sum(-1), dynamic_dim(), intmd_dim());
}

Scalar
SR2::norm(double eps) const
{
  const auto n2 = mul(*this).sum(-1);
  return Scalar(at::sqrt(eps == 0 ? n2 : n2.add(eps)), dynamic_dim(), intmd_dim());
}

SSR4
SR2::outer(const SR2 & other) const
{
  auto o = detail::align_batch("outer", *this, other);
  return SSR4(o.a.unsqueeze(-1).mul(o.b.unsqueeze(-2)), o.dynamic_dim, o.intmd_dim);
}
} // namespace neml2

namespace neml2
{
SR2
SR2::rotate(const Rot & r) const
{
  return SR2(R2(*this).rotate(r));
}

SFR3
SR2::drotate(const Rot & r) const
{
  return SFR3(R2(*this).drotate(r));
}
} // namespace neml2
