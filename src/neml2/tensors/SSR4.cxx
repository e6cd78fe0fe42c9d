#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/R4.h"
#include "neml2/tensors/R5.h"
#include "neml2/tensors/SSFR5.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/einsum.h"
#include "internal/constant.h"

#include <ATen/ops/inverse.h>
#include <ATen/ops/matmul.h>

namespace neml2
{
SSR4::SSR4(const R4 & full)
    : SSR4(
          einsum("ijkl,mij,nkl->mn", {full, neml2::Tensor(constants::mandel_map(full.options()), 0),
                                      neml2::Tensor(constants::mandel_map(full.options()), 0)}))
{
}

SSR4
SSR4::identity(const TensorOptions & options)
{
  const auto i = constants::sr2_identity(options);
  return SSR4(i.unsqueeze(-1).mul(i.unsqueeze(-2)), 0);
}

SSR4
SSR4::identity_sym(const TensorOptions & options)
{
  return SSR4(constants::eye(6, options), 0);
}

SSR4
SSR4::identity_vol(const TensorOptions & options)
{
  return identity(options) / 3.0;
}

SSR4
SSR4::identity_dev(const TensorOptions & options)
{
  return identity_sym(options) - identity_vol(options);
}

SSR4
SSR4::identity_C1(const TensorOptions & options)
{
  return SSR4(constants::sr2_identity(options).diag(), 0);
}

SSR4
SSR4::identity_C2(const TensorOptions & options)
{
  return identity(options) - identity_C1(options);
}

SSR4
SSR4::identity_C3(const TensorOptions & options)
{
  return SSR4(constants::sr2_shear_mask(options).diag(), 0);
}

SSR4
SSR4::fill_C1_C2_C3(const Scalar & C1, const Scalar & C2, const Scalar & C3)
{
  const auto o = C1.options();
  return identity_C1(o) * C1 + identity_C2(o) * C2 + identity_C3(o) * C3;
}

SSR4
SSR4::isotropic_E_nu(const Scalar & E, const Scalar & nu)
{
  const auto pf = E / ((1.0 + nu) * (1.0 - 2.0 * nu));
  return fill_C1_C2_C3((1.0 - nu) * pf, nu * pf, (1.0 - 2.0 * nu) * pf);
}

SSR4
SSR4::inverse() const
{
  return wrap(at::inverse(*this));
}

SSR4
SSR4::transpose() const
{
  return wrap(at::Tensor::transpose(-1, -2));
}

SSR4
operator*(const SSR4 & a, const SSR4 & b)
{
  auto o = detail::align_batch("SSR4*SSR4", a, b);
  return SSR4(at::matmul(o.a, o.b), o.dynamic_dim, o.intmd_dim);
}

SR2
operator*(const SSR4 & a, const SR2 & b)
{
  auto o = detail::align_batch("SSR4*SR2", a, b);
  return SR2(at::matmul(o.a, o.b.unsqueeze(-1)).squeeze(-1), o.dynamic_dim, o.intmd_dim);
}
} // namespace neml2

namespace neml2
{
SSR4
SSR4::rotate(const Rot & r) const
{
  return SSR4(R4(*this).rotate(r));
}

SSFR5
SSR4::drotate(const Rot & r) const
{
  return SSFR5(R4(*this).drotate(r));
}
} // namespace neml2
