#include "neml2/tensors/TensorBase.h"
#include "neml2/tensors/Tensor.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"
#include "neml2/tensors/tracing.h"
#include "neml2/misc/error.h"

#include <ATen/ops/empty_like.h>
#include <ATen/ops/full_like.h>
#include <ATen/ops/ones_like.h>
#include <ATen/ops/rand_like.h>
#include <ATen/ops/zeros_like.h>
#include <sstream>

namespace neml2
{
std::string
shape_string(TensorShapeRef sizes, Size dynamic_dim, Size intmd_dim)
{
  auto join = [&](Size from, Size to)
  {
    std::ostringstream os;
    for (Size i = from; i < to; ++i)
      os << (i > from ? "," : "") << sizes[i];
    return os.str();
  };
  const auto n = static_cast<Size>(sizes.size());
  std::string out = "(" + join(0, dynamic_dim);
  if (intmd_dim > 0)
    out += "|" + join(dynamic_dim, dynamic_dim + intmd_dim);
  return out + ";" + join(dynamic_dim + intmd_dim, n) + ")";
}

template <class Derived>
TensorBase<Derived>::TensorBase(const at::Tensor & tensor, Size dynamic_dim, Size intmd_dim)
    : at::Tensor(tensor), _dynamic_dim(dynamic_dim), _intmd_dim(intmd_dim)
{
  NEML2_CHECK(tensor.defined(), ShapeError, "cannot wrap an undefined tensor");
  NEML2_CHECK(dynamic_dim >= 0 && intmd_dim >= 0 && dynamic_dim + intmd_dim <= tensor.dim(),
              ShapeError, "cannot mark ", dynamic_dim, " dynamic and ", intmd_dim,
              " intermediate batch dimensions on a tensor of shape ", tensor.sizes());
}

template <class Derived>
Derived
TensorBase<Derived>::empty_like(const Derived & other)
{
  return other.wrap(at::empty_like(other));
}

template <class Derived>
Derived
TensorBase<Derived>::zeros_like(const Derived & other)
{
  return other.wrap(at::zeros_like(other));
}

template <class Derived>
Derived
TensorBase<Derived>::ones_like(const Derived & other)
{
  return other.wrap(at::ones_like(other));
}

template <class Derived>
Derived
TensorBase<Derived>::full_like(const Derived & other, double value)
{
  return other.wrap(at::full_like(other, value));
}

template <class Derived>
Derived
TensorBase<Derived>::rand_like(const Derived & other)
{
  return other.wrap(at::rand_like(other));
}

template <class Derived>
TraceableTensorShape
TensorBase<Derived>::batch_sizes() const
{
  return dynamic_sizes().append(intmd_sizes());
}

template <class Derived>
TraceableTensorShape
TensorBase<Derived>::dynamic_sizes() const
{
  TraceableTensorShape out;
  out.reserve(_dynamic_dim);
  const bool tracing = tracing::is_tracing();
  for (Size i = 0; i < _dynamic_dim; ++i)
    out.emplace_back(size(i), tracing ? tracing::traced_size_of(*this, i) : at::Tensor());
  return out;
}

template <class Derived>
TraceableSize
TensorBase<Derived>::dynamic_size(Size i) const
{
  const auto n = _dynamic_dim;
  NEML2_CHECK(i >= -n && i < n, ShapeError, "dynamic dimension ", i, " out of range for shape ",
              shape_str());
  const Size d = i < 0 ? i + n : i;
  return tracing::is_tracing() ? TraceableSize(size(d), tracing::traced_size_of(*this, d))
                               : TraceableSize(size(d));
}

template <class Derived>
TensorShapeRef
TensorBase<Derived>::intmd_sizes() const
{
  return sizes().slice(_dynamic_dim, _intmd_dim);
}

template <class Derived>
Size
TensorBase<Derived>::intmd_size(Size i) const
{
  return size(group_dim("intermediate", i, _dynamic_dim, _intmd_dim));
}

template <class Derived>
TensorShapeRef
TensorBase<Derived>::base_sizes() const
{
  return sizes().slice(batch_dim());
}

template <class Derived>
Size
TensorBase<Derived>::base_size(Size i) const
{
  const auto n = base_dim();
  NEML2_CHECK(i >= -n && i < n, ShapeError, "base dimension ", i, " out of range for shape ",
              shape_str());
  return size(batch_dim() + (i < 0 ? i + n : i));
}

template <class Derived>
Size
TensorBase<Derived>::base_numel() const
{
  Size n = 1;
  for (auto s : base_sizes())
    n *= s;
  return n;
}

template <class Derived>
Derived
TensorBase<Derived>::clone() const
{
  return wrap(at::Tensor::clone());
}

template <class Derived>
Derived
TensorBase<Derived>::detach() const
{
  return wrap(at::Tensor::detach());
}

template <class Derived>
Derived
TensorBase<Derived>::contiguous() const
{
  return wrap(at::Tensor::contiguous());
}

template <class Derived>
Derived
TensorBase<Derived>::to(const TensorOptions & options) const
{
  return wrap(at::Tensor::to(options));
}

template <class Derived>
Derived
TensorBase<Derived>::operator-() const
{
  return wrap(neg());
}

template <class Derived>
Derived
TensorBase<Derived>::with_layout(Size dynamic_dim, Size intmd_dim) const
{
  return Derived(*this, dynamic_dim, intmd_dim);
}

template <class Derived>
Size
TensorBase<Derived>::group_dim(const char * group, Size d, Size begin, Size n) const
{
  NEML2_CHECK(d >= -n && d < n, ShapeError, group, " dimension ", d,
              " is out of range for a tensor of shape ", shape_str(), " (", n, " ", group,
              " dimensions)");
  return begin + (d < 0 ? d + n : d);
}

// ---- dynamic dimensions ----

template <class Derived>
Derived
TensorBase<Derived>::dynamic_index(const TensorIndices & indices) const
{
  TensorIndices idx(indices);
  idx.emplace_back(at::indexing::Ellipsis);
  const auto r = index(idx);
  const Size trailing = _intmd_dim + base_dim();
  return Derived(r, r.dim() - trailing, _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_slice(Size d, Size start, Size end, Size step) const
{
  return wrap(slice(group_dim("dynamic", d, 0, _dynamic_dim), start, end, step));
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_expand(const TraceableTensorShape & shape) const
{
  NEML2_CHECK(static_cast<Size>(shape.size()) >= _dynamic_dim, ShapeError,
              "cannot expand the dynamic shape of ", shape_str(), " to the shorter shape ", shape);
  const auto full = shape.append(sizes().slice(_dynamic_dim));
  shape.stash("size", full.size());
  return Derived(expand(full.concrete()), static_cast<Size>(shape.size()), _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_reshape(const TraceableTensorShape & shape) const
{
  const auto full = shape.append(sizes().slice(_dynamic_dim));
  shape.stash("shape", full.size());
  return Derived(reshape(full.concrete()), static_cast<Size>(shape.size()), _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_squeeze(Size d) const
{
  const auto a = group_dim("dynamic", d, 0, _dynamic_dim);
  NEML2_CHECK(size(a) == 1, ShapeError, "cannot squeeze dynamic dimension ", d, " of size ",
              size(a), " in ", shape_str());
  return Derived(squeeze(a), _dynamic_dim - 1, _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_unsqueeze(Size d) const
{
  return Derived(unsqueeze(group_dim("dynamic", d, 0, _dynamic_dim + 1)), _dynamic_dim + 1,
                 _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_transpose(Size d1, Size d2) const
{
  return wrap(transpose(group_dim("dynamic", d1, 0, _dynamic_dim),
                        group_dim("dynamic", d2, 0, _dynamic_dim)));
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_movedim(Size from, Size to) const
{
  return wrap(movedim(group_dim("dynamic", from, 0, _dynamic_dim),
                      group_dim("dynamic", to, 0, _dynamic_dim)));
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_flatten() const
{
  if (_dynamic_dim == 0)
    return Derived(unsqueeze(0), 1, _intmd_dim);
  if (_dynamic_dim == 1)
    return wrap(*this);
  return Derived(flatten(0, _dynamic_dim - 1), 1, _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_sum(Size d) const
{
  return Derived(sum(group_dim("dynamic", d, 0, _dynamic_dim)), _dynamic_dim - 1, _intmd_dim);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_mean(Size d) const
{
  return Derived(mean(group_dim("dynamic", d, 0, _dynamic_dim)), _dynamic_dim - 1, _intmd_dim);
}

// ---- intermediate dimensions ----

template <class Derived>
Derived
TensorBase<Derived>::intmd_index(const TensorIndices & indices) const
{
  TensorIndices idx(static_cast<std::size_t>(_dynamic_dim), at::indexing::Slice());
  idx.insert(idx.end(), indices.begin(), indices.end());
  idx.emplace_back(at::indexing::Ellipsis);
  const auto r = index(idx);
  return Derived(r, _dynamic_dim, r.dim() - _dynamic_dim - base_dim());
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_slice(Size d, Size start, Size end, Size step) const
{
  return wrap(slice(group_dim("intermediate", d, _dynamic_dim, _intmd_dim), start, end, step));
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_expand(TensorShapeRef shape) const
{
  const auto n = static_cast<Size>(shape.size());
  NEML2_CHECK(n >= _intmd_dim, ShapeError, "cannot expand the intermediate shape of ", shape_str(),
              " to the shorter shape ", shape);
  at::Tensor t = *this;
  for (Size i = _intmd_dim; i < n; ++i)
    t = t.unsqueeze(_dynamic_dim);
  const auto full = dynamic_sizes().append(shape).append(base_sizes());
  full.stash("size", full.size());
  return Derived(t.expand(full.concrete()), _dynamic_dim, n);
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_reshape(TensorShapeRef shape) const
{
  const auto full = dynamic_sizes().append(shape).append(base_sizes());
  full.stash("shape", full.size());
  return Derived(reshape(full.concrete()), _dynamic_dim, static_cast<Size>(shape.size()));
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_squeeze(Size d) const
{
  const auto a = group_dim("intermediate", d, _dynamic_dim, _intmd_dim);
  NEML2_CHECK(size(a) == 1, ShapeError, "cannot squeeze intermediate dimension ", d, " of size ",
              size(a), " in ", shape_str());
  return Derived(squeeze(a), _dynamic_dim, _intmd_dim - 1);
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_unsqueeze(Size d) const
{
  return Derived(unsqueeze(group_dim("intermediate", d, _dynamic_dim, _intmd_dim + 1)),
                 _dynamic_dim, _intmd_dim + 1);
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_transpose(Size d1, Size d2) const
{
  return wrap(transpose(group_dim("intermediate", d1, _dynamic_dim, _intmd_dim),
                        group_dim("intermediate", d2, _dynamic_dim, _intmd_dim)));
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_movedim(Size from, Size to) const
{
  return wrap(movedim(group_dim("intermediate", from, _dynamic_dim, _intmd_dim),
                      group_dim("intermediate", to, _dynamic_dim, _intmd_dim)));
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_flatten() const
{
  if (_intmd_dim == 0)
    return Derived(unsqueeze(_dynamic_dim), _dynamic_dim, 1);
  if (_intmd_dim == 1)
    return wrap(*this);
  return Derived(flatten(_dynamic_dim, _dynamic_dim + _intmd_dim - 1), _dynamic_dim, 1);
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_sum(Size d) const
{
  return Derived(sum(group_dim("intermediate", d, _dynamic_dim, _intmd_dim)), _dynamic_dim,
                 _intmd_dim - 1);
}

template <class Derived>
Derived
TensorBase<Derived>::intmd_mean(Size d) const
{
  return Derived(mean(group_dim("intermediate", d, _dynamic_dim, _intmd_dim)), _dynamic_dim,
                 _intmd_dim - 1);
}

// ---- base dimensions ----

template <class Derived>
Tensor
TensorBase<Derived>::base_index(const TensorIndices & indices) const
{
  TensorIndices idx(static_cast<std::size_t>(batch_dim()), at::indexing::Slice());
  idx.insert(idx.end(), indices.begin(), indices.end());
  return neml2::Tensor(index(idx), _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_slice(Size d, Size start, Size end, Size step) const
{
  return neml2::Tensor(slice(group_dim("base", d, batch_dim(), base_dim()), start, end, step),
                       _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_expand(TensorShapeRef shape) const
{
  NEML2_CHECK(static_cast<Size>(shape.size()) == base_dim(), ShapeError, "base_expand needs ",
              base_dim(), " sizes for a tensor of shape ", shape_str(), ", got ", shape);
  const auto full = batch_sizes().append(shape);
  full.stash("size", full.size());
  return neml2::Tensor(expand(full.concrete()), _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_reshape(TensorShapeRef shape) const
{
  const auto full = batch_sizes().append(shape);
  full.stash("shape", full.size());
  return neml2::Tensor(reshape(full.concrete()), _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_squeeze(Size d) const
{
  const auto a = group_dim("base", d, batch_dim(), base_dim());
  NEML2_CHECK(size(a) == 1, ShapeError, "cannot squeeze base dimension ", d, " of size ", size(a),
              " in ", shape_str());
  return neml2::Tensor(squeeze(a), _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_unsqueeze(Size d) const
{
  return neml2::Tensor(unsqueeze(group_dim("base", d, batch_dim(), base_dim() + 1)), _dynamic_dim,
                       _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_transpose(Size d1, Size d2) const
{
  return neml2::Tensor(transpose(group_dim("base", d1, batch_dim(), base_dim()),
                                 group_dim("base", d2, batch_dim(), base_dim())),
                       _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_movedim(Size from, Size to) const
{
  return neml2::Tensor(movedim(group_dim("base", from, batch_dim(), base_dim()),
                               group_dim("base", to, batch_dim(), base_dim())),
                       _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_flatten() const
{
  if (base_dim() == 0)
    return neml2::Tensor(unsqueeze(-1), _dynamic_dim, _intmd_dim);
  if (base_dim() == 1)
    return neml2::Tensor(*this, _dynamic_dim, _intmd_dim);
  return neml2::Tensor(flatten(batch_dim(), -1), _dynamic_dim, _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_sum(Size d) const
{
  return neml2::Tensor(sum(group_dim("base", d, batch_dim(), base_dim())), _dynamic_dim,
                       _intmd_dim);
}

template <class Derived>
Tensor
TensorBase<Derived>::base_mean(Size d) const
{
  return neml2::Tensor(mean(group_dim("base", d, batch_dim(), base_dim())), _dynamic_dim,
                       _intmd_dim);
}

// ---- batch as a whole ----

template <class Derived>
Derived
TensorBase<Derived>::batch_index(const TensorIndices & indices) const
{
  NEML2_CHECK(_intmd_dim == 0, ShapeError, "batch_index on a tensor with intermediate dimensions ",
              shape_str(), " is ambiguous; use dynamic_index or intmd_index");
  return dynamic_index(indices);
}

template <class Derived>
Derived
TensorBase<Derived>::batch_expand(const TraceableTensorShape & dynamic_shape,
                                  TensorShapeRef intmd_shape) const
{
  const auto nd = static_cast<Size>(dynamic_shape.size());
  const auto ni = static_cast<Size>(intmd_shape.size());
  NEML2_CHECK(nd >= _dynamic_dim && ni >= _intmd_dim, ShapeError,
              "cannot expand the batch shape of ", shape_str(), " to ", dynamic_shape, " | ",
              intmd_shape);
  at::Tensor t = *this;
  for (Size i = _intmd_dim; i < ni; ++i)
    t = t.unsqueeze(_dynamic_dim);
  const auto full = dynamic_shape.append(intmd_shape).append(base_sizes());
  full.stash("size", full.size());
  return Derived(t.expand(full.concrete()), nd, ni);
}

#define NEML2_INSTANTIATE(T) template class TensorBase<T>;
NEML2_FOR_ALL_TENSORS(NEML2_INSTANTIATE)
#undef NEML2_INSTANTIATE
} // namespace neml2
