#include "neml2/tensors/R4.h"
#include "neml2/tensors/R2.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/R5.h"
#include "neml2/tensors/SSFR5.h"
#include "neml2/tensors/Rot.h"
#include "neml2/tensors/SFFR4.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/SWR4.h"
#include "neml2/tensors/WFFR4.h"
#include "neml2/tensors/WSR4.h"
#include "neml2/tensors/WWR4.h"
#include "neml2/tensors/WR2.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/einsum.h"

#include <ATen/ops/matmul.h>

// Note [reduced storage of fourth-order tensors]: with M the Mandel map and S the skew map of
// constants.h, a reduced tensor is the chain rule applied to the full one. For Y = f(X):
//   Mandel output (SR2):  y_a = M_aij Y_ij          axial output (WR2): y_m = S_ijm Y_ij / 2
//   Mandel input (SR2):   X_kl = M_bkl x_b          axial input (WR2):  X_kl = S_kln x_n
// so e.g. SWR4 = M_aij F_ijkl S_kln. Converting back to R4 uses the inverse maps, and
// converting R4 -> reduced -> R4 is the identity on tensors with the corresponding symmetries.

namespace neml2
{
namespace
{
neml2::Tensor
mandel(const TensorOptions & o)
{
  return neml2::Tensor(constants::mandel_map(o), 0);
}
neml2::Tensor
skew(const TensorOptions & o)
{
  return neml2::Tensor(constants::skew_map(o), 0);
}
} // namespace

R4::R4(const SSR4 & t)
    : R4(einsum("ab,aij,bkl->ijkl", {t, mandel(t.options()), mandel(t.options())}))
{
}

R4::R4(const SFFR4 & t) : R4(einsum("akl,aij->ijkl", {t, mandel(t.options())})) {}

R4::R4(const WFFR4 & t) : R4(einsum("mkl,ijm->ijkl", {t, skew(t.options())})) {}

R4::R4(const SWR4 & t)
    : R4(einsum("an,aij,kln->ijkl", {t, mandel(t.options()), skew(t.options())}) * 0.5)
{
}

R4::R4(const WSR4 & t) : R4(einsum("mb,ijm,bkl->ijkl", {t, skew(t.options()), mandel(t.options())}))
{
}

R4::R4(const WWR4 & t)
    : R4(einsum("mn,ijm,kln->ijkl", {t, skew(t.options()), skew(t.options())}) * 0.5)
{
}

R4
R4::identity(const TensorOptions & options)
{
  return R4(constants::eye(9, options).reshape({3, 3, 3, 3}), 0);
}

R4
R4::transpose_major() const
{
  std::vector<int64_t> perm;
  const auto b = batch_dim();
  for (Size i = 0; i < b; ++i)
    perm.push_back(i);
  for (Size i : {2, 3, 0, 1})
    perm.push_back(b + i);
  return wrap(permute(perm));
}

R4
R4::rotate(const Rot & r) const
{
  const auto R = r.euler_rodrigues();
  return R4(einsum("im,jn,ko,lp,mnop->ijkl", {R, R, R, R, *this}));
}

R5
R4::drotate(const Rot & r) const
{
  const auto R = r.euler_rodrigues();
  const auto F = r.deuler_rodrigues();
  return R5(einsum("imt,jn,ko,lp,mnop->ijklt", {F, R, R, R, *this}) +
            einsum("im,jnt,ko,lp,mnop->ijklt", {R, F, R, R, *this}) +
            einsum("im,jn,kot,lp,mnop->ijklt", {R, R, F, R, *this}) +
            einsum("im,jn,ko,lpt,mnop->ijklt", {R, R, R, F, *this}));
}

SSFR5::SSFR5(const R5 & full)
    : SSFR5(einsum("ijklt,aij,bkl->abt", {full, mandel(full.options()), mandel(full.options())}))
{
}

R2
operator*(const R4 & a, const R2 & b)
{
  return R2(einsum("ijkl,kl->ij", {a, b}));
}

R4
operator*(const R4 & a, const R4 & b)
{
  return R4(einsum("ijmn,mnkl->ijkl", {a, b}));
}

SFFR4::SFFR4(const R4 & full) : SFFR4(einsum("ijkl,aij->akl", {full, mandel(full.options())})) {}

WFFR4::WFFR4(const R4 & full) : WFFR4(einsum("ijkl,ijm->mkl", {full, skew(full.options())}) * 0.5)
{
}

SWR4::SWR4(const R4 & full)
    : SWR4(einsum("ijkl,aij,kln->an", {full, mandel(full.options()), skew(full.options())}))
{
}

WSR4::WSR4(const R4 & full)
    : WSR4(einsum("ijkl,ijm,bkl->mb", {full, skew(full.options()), mandel(full.options())}) * 0.5)
{
}

WWR4::WWR4(const R4 & full)
    : WWR4(einsum("ijkl,ijm,kln->mn", {full, skew(full.options()), skew(full.options())}) * 0.5)
{
}

WWR4
WWR4::identity(const TensorOptions & options)
{
  return WWR4(constants::eye(3, options), 0);
}

WR2
operator*(const WWR4 & a, const WR2 & b)
{
  auto o = detail::align_batch("WWR4*WR2", a, b);
  return WR2(at::matmul(o.a, o.b.unsqueeze(-1)).squeeze(-1), o.dynamic_dim, o.intmd_dim);
}

WWR4
operator*(const WWR4 & a, const WWR4 & b)
{
  auto o = detail::align_batch("WWR4*WWR4", a, b);
  return WWR4(at::matmul(o.a, o.b), o.dynamic_dim, o.intmd_dim);
}
} // namespace neml2
