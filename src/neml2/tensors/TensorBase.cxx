#include "neml2/tensors/TensorBase.h"
#include "neml2/tensors/Tensor.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/Vec.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/SSR4.h"
#include "neml2/tensors/tensor_types.h"
#include "neml2/tensors/tracing.h"
#include "neml2/misc/error.h"

#include <ATen/ops/empty_like.h>
#include <ATen/ops/full_like.h>
#include <ATen/ops/ones_like.h>
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
TensorBase<Derived>::dynamic_expand(const TraceableTensorShape & shape) const
{
  NEML2_CHECK(static_cast<Size>(shape.size()) >= _dynamic_dim, ShapeError,
              "cannot expand dynamic batch shape of ", shape_str(), " to the shorter shape ",
              shape);
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
TensorBase<Derived>::batch_index(const TensorIndices & indices) const
{
  NEML2_CHECK(_intmd_dim == 0, ShapeError, "batch_index on a tensor with intermediate dimensions ",
              shape_str(), " is ambiguous; use dynamic_index");
  return dynamic_index(indices);
}

template <class Derived>
Derived
TensorBase<Derived>::dynamic_unsqueeze(Size d) const
{
  const Size n = _dynamic_dim + 1;
  NEML2_CHECK(d >= -n && d < n, ShapeError, "cannot insert dynamic dimension at ", d, " in ",
              shape_str());
  return Derived(unsqueeze(d < 0 ? d + n : d), n, _intmd_dim);
}

#define NEML2_INSTANTIATE(T) template class TensorBase<T>;
NEML2_FOR_ALL_TENSORS(NEML2_INSTANTIATE)
#undef NEML2_INSTANTIATE
} // namespace neml2
