#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/operators.h"
#include "neml2/misc/error.h"
#include "neml2/tensors/tracing.h"

#include <ATen/ops/broadcast_tensors.h>
#include <ATen/ops/cat.h>
#include <ATen/ops/linspace.h>
#include <ATen/ops/pow.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros_like.h>
#include <c10/util/Exception.h>
#include <algorithm>

namespace neml2
{
namespace
{
/// Absolute position of a new dimension at `dim` of `group` in a tensor with the given layout.
Size
new_dim_position(Size dim, BatchGroup group, Size dynamic_dim, Size intmd_dim)
{
  const Size n = group == BatchGroup::Dynamic ? dynamic_dim : intmd_dim;
  NEML2_CHECK(
      dim >= -(n + 1) && dim <= n, ShapeError, "position ", dim, " is out of range for a new ",
      group == BatchGroup::Dynamic ? "dynamic" : "intermediate", " dimension (", n, " existing)");
  const Size d = dim < 0 ? dim + n + 1 : dim;
  return group == BatchGroup::Dynamic ? d : dynamic_dim + d;
}

/// Pad intermediate dimensions so that all tensors have the same number.
std::vector<at::Tensor>
pad_intermediate(const std::vector<Tensor> & tensors, Size & dynamic_dim, Size & intmd_dim)
{
  dynamic_dim = 0;
  intmd_dim = 0;
  for (const auto & t : tensors)
  {
    dynamic_dim = std::max(dynamic_dim, t.dynamic_dim());
    intmd_dim = std::max(intmd_dim, t.intmd_dim());
  }
  std::vector<at::Tensor> out;
  for (const auto & t : tensors)
  {
    at::Tensor r = t;
    for (Size i = t.intmd_dim(); i < intmd_dim; ++i)
      r = r.unsqueeze(t.dynamic_dim());
    out.push_back(r);
  }
  return out;
}
} // namespace

std::vector<Tensor>
broadcast_batch(const std::vector<Tensor> & tensors)
{
  if (tensors.size() < 2)
    return tensors;
  Size dyn = 0, intmd = 0;
  auto raw = pad_intermediate(tensors, dyn, intmd);

  bool same_base = true;
  for (const auto & t : tensors)
    same_base = same_base && t.base_sizes() == tensors.front().base_sizes();

  std::vector<Tensor> out;
  if (same_base)
  {
    // Base shapes agree: broadcasting everything only touches the batch dimensions.
    for (auto & r : at::broadcast_tensors(raw))
      out.emplace_back(r, dyn, intmd);
    return out;
  }

  // Different base shapes: broadcast batch-shaped zeros, then add them (size-free, traceable).
  std::vector<at::Tensor> probes;
  for (std::size_t i = 0; i < raw.size(); ++i)
  {
    at::Tensor p = raw[i];
    for (Size b = 0; b < tensors[i].base_dim(); ++b)
      p = p.select(-1, 0);
    probes.push_back(at::zeros_like(p));
  }
  auto common = at::broadcast_tensors(probes);
  for (std::size_t i = 0; i < raw.size(); ++i)
  {
    at::Tensor z = common[i];
    for (Size b = 0; b < tensors[i].base_dim(); ++b)
      z = z.unsqueeze(-1);
    out.emplace_back(raw[i].add(z), dyn, intmd);
  }
  return out;
}

Tensor
batch_cat(const std::vector<Tensor> & tensors, Size dim, BatchGroup group)
{
  NEML2_CHECK(!tensors.empty(), ShapeError, "batch_cat of no tensors");
  for (const auto & t : tensors)
    NEML2_CHECK(t.base_sizes() == tensors.front().base_sizes(), ShapeError,
                "batch_cat needs tensors of one base shape: ", tensors.front().shape_str(), " vs ",
                t.shape_str());
  // Give every tensor the same number of dynamic and intermediate dimensions.
  Size dyn = 0, intmd = 0;
  auto raw = pad_intermediate(tensors, dyn, intmd);
  for (std::size_t i = 0; i < raw.size(); ++i)
    for (Size k = tensors[i].dynamic_dim(); k < dyn; ++k)
      raw[i] = raw[i].unsqueeze(0);
  const Size n = group == BatchGroup::Dynamic ? dyn : intmd;
  NEML2_CHECK(dim >= -n && dim < n, ShapeError, "batch_cat: dimension ", dim, " is out of range (",
              n, group == BatchGroup::Dynamic ? " dynamic" : " intermediate", " dimensions)");
  const Size d = (dim < 0 ? dim + n : dim) + (group == BatchGroup::Dynamic ? 0 : dyn);

  // Broadcast every batch dimension except the one concatenated along: the size of a dimension
  // is taken (traced) from a tensor that has it.
  const Size nbatch = dyn + intmd;
  for (Size k = 0; k < nbatch; ++k)
  {
    if (k == d)
      continue;
    std::size_t from = 0;
    for (std::size_t i = 0; i < raw.size(); ++i)
      if (raw[i].size(k) != 1)
        from = i;
    const auto target = raw[from].size(k);
    for (std::size_t i = 0; i < raw.size(); ++i)
    {
      if (raw[i].size(k) == target)
        continue;
      NEML2_CHECK(raw[i].size(k) == 1, ShapeError,
                  "batch_cat: batch shapes do not broadcast: ", tensors[from].shape_str(), " vs ",
                  tensors[i].shape_str());
      TraceableTensorShape shape(raw[i].sizes());
      if (k < dyn && tracing::is_tracing())
        shape[k] = TraceableSize(target, tracing::traced_size_of(raw[from], k));
      else
        shape[k] = TraceableSize(target);
      shape.stash("size", shape.size());
      raw[i] = raw[i].expand(shape.concrete());
    }
  }
  try
  {
    return Tensor(at::cat(raw, d), dyn, intmd);
  }
  catch (const c10::Error & e)
  {
    throw ShapeError(std::string("batch_cat: ") + e.what_without_backtrace());
  }
}

Tensor
batch_stack(const std::vector<Tensor> & tensors, Size dim, BatchGroup group)
{
  NEML2_CHECK(!tensors.empty(), ShapeError, "batch_stack of no tensors");
  auto b = broadcast_batch(tensors);
  std::vector<at::Tensor> raw(b.begin(), b.end());
  const auto & f = b.front();
  const Size d = new_dim_position(dim, group, f.dynamic_dim(), f.intmd_dim());
  return group == BatchGroup::Dynamic
             ? Tensor(at::stack(raw, d), f.dynamic_dim() + 1, f.intmd_dim())
             : Tensor(at::stack(raw, d), f.dynamic_dim(), f.intmd_dim() + 1);
}

Tensor
base_cat(const std::vector<Tensor> & tensors, Size dim)
{
  NEML2_CHECK(!tensors.empty(), ShapeError, "base_cat of no tensors");
  auto b = broadcast_batch(tensors);
  std::vector<at::Tensor> raw(b.begin(), b.end());
  const auto & f = b.front();
  const Size n = f.base_dim();
  NEML2_CHECK(dim >= -n && dim < n, ShapeError, "base_cat: base dimension ", dim,
              " out of range for ", f.shape_str());
  try
  {
    return Tensor(at::cat(raw, f.batch_dim() + (dim < 0 ? dim + n : dim)), f.dynamic_dim(),
                  f.intmd_dim());
  }
  catch (const c10::Error & e)
  {
    throw ShapeError(std::string("base_cat: ") + e.what_without_backtrace());
  }
}

Tensor
base_stack(const std::vector<Tensor> & tensors, Size dim)
{
  NEML2_CHECK(!tensors.empty(), ShapeError, "base_stack of no tensors");
  auto b = broadcast_batch(tensors);
  std::vector<at::Tensor> raw(b.begin(), b.end());
  const auto & f = b.front();
  const Size n = f.base_dim() + 1;
  NEML2_CHECK(dim >= -n && dim < n, ShapeError, "base_stack: position ", dim, " out of range for ",
              f.shape_str());
  try
  {
    return Tensor(at::stack(raw, f.batch_dim() + (dim < 0 ? dim + n : dim)), f.dynamic_dim(),
                  f.intmd_dim());
  }
  catch (const c10::Error & e)
  {
    throw ShapeError(std::string("base_stack: ") + e.what_without_backtrace());
  }
}

namespace detail
{
Tensor
linspace(const Tensor & start, const Tensor & end, Size n, Size dim, BatchGroup group)
{
  // one point is the start, as in torch.linspace
  NEML2_CHECK(n >= 1, ShapeError, "linspace needs at least 1 point, got ", n);
  const Tensor diff = end - start;
  const auto b = broadcast_batch({start, diff});
  const Size pos = new_dim_position(dim, group, b[0].dynamic_dim(), b[0].intmd_dim());
  // weights 0, 1/(n-1), ..., 1 placed along the new dimension
  at::Tensor w = at::linspace(0.0, 1.0, n, start.options());
  for (Size i = pos + 1; i < b[0].dim() + 1; ++i)
    w = w.unsqueeze(-1);
  const at::Tensor r = b[0].unsqueeze(pos).add(b[1].unsqueeze(pos).mul(w));
  return group == BatchGroup::Dynamic ? Tensor(r, b[0].dynamic_dim() + 1, b[0].intmd_dim())
                                      : Tensor(r, b[0].dynamic_dim(), b[0].intmd_dim() + 1);
}

Tensor
logspace(const Tensor & start, const Tensor & end, Size n, Size dim, BatchGroup group, double base)
{
  const auto x = linspace(start, end, n, dim, group);
  return Tensor(at::pow(base, x), x.dynamic_dim(), x.intmd_dim());
}
} // namespace detail
} // namespace neml2
