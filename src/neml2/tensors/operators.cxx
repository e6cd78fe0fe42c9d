#include "neml2/tensors/operators.h"
#include "neml2/misc/error.h"

#include <ATen/ops/rsub.h>
#include <algorithm>

namespace neml2::detail
{
namespace
{
[[noreturn]] void
shape_mismatch(const char * op, const at::Tensor & a, Size ad, Size ai, const at::Tensor & b,
               Size bd, Size bi, const char * why)
{
  throw ShapeError(utils::stringify("operator", op, ": ", why, ": ",
                                    shape_string(a.sizes(), ad, ai), " vs ",
                                    shape_string(b.sizes(), bd, bi)));
}

bool
broadcastable_from_right(TensorShapeRef x, TensorShapeRef y)
{
  const auto n = std::min(x.size(), y.size());
  for (std::size_t i = 1; i <= n; ++i)
  {
    const auto sx = x[x.size() - i], sy = y[y.size() - i];
    if (sx != sy && sx != 1 && sy != 1)
      return false;
  }
  return true;
}
} // namespace

BinaryOperands
align_batch(const char * op, const at::Tensor & a, Size ad, Size ai, const at::Tensor & b, Size bd,
            Size bi)
{
  const auto as = a.sizes(), bs = b.sizes();
  if (!broadcastable_from_right(as.slice(0, ad), bs.slice(0, bd)))
    shape_mismatch(op, a, ad, ai, b, bd, bi, "dynamic batch shapes do not broadcast");
  if (!broadcastable_from_right(as.slice(ad, ai), bs.slice(bd, bi)))
    shape_mismatch(op, a, ad, ai, b, bd, bi, "intermediate batch shapes do not broadcast");

  BinaryOperands out{a, b, std::max(ad, bd), std::max(ai, bi)};
  // Pad intermediate dimensions so that both operands have the same number of them; ATen then
  // aligns intermediate dims with intermediate dims and dynamic dims at the last dynamic dim.
  for (Size i = ai; i < out.intmd_dim; ++i)
    out.a = out.a.unsqueeze(ad);
  for (Size i = bi; i < out.intmd_dim; ++i)
    out.b = out.b.unsqueeze(bd);
  return out;
}

BinaryOperands
align_operands(const char * op, const at::Tensor & a, Size ad, Size ai, const at::Tensor & b,
               Size bd, Size bi)
{
  const Size ab = a.dim() - ad - ai;
  const Size bb = b.dim() - bd - bi;
  if (ab == bb)
  {
    if (a.sizes().slice(ad + ai) != b.sizes().slice(bd + bi))
      shape_mismatch(op, a, ad, ai, b, bd, bi, "base shapes differ");
  }
  else if (ab != 0 && bb != 0)
    shape_mismatch(op, a, ad, ai, b, bd, bi, "base shapes differ");

  auto out = align_batch(op, a, ad, ai, b, bd, bi);
  // A scalar-like operand (no base dimensions) broadcasts over the other's base dimensions.
  for (Size i = ab; i < bb; ++i)
    out.a = out.a.unsqueeze(-1);
  for (Size i = bb; i < ab; ++i)
    out.b = out.b.unsqueeze(-1);
  return out;
}

at::Tensor
scalar_minus_tensor(double a, const at::Tensor & b)
{
  return at::rsub(b, a);
}
} // namespace neml2::detail
