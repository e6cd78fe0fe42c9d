#include "neml2/tensors/TraceableSize.h"
#include "neml2/tensors/TraceableTensorShape.h"
#include "neml2/tensors/tracing.h"

#include <ATen/ops/scalar_tensor.h>
#include <ostream>

namespace neml2
{
at::Tensor
TraceableSize::as_tensor(const TensorOptions & options) const
{
  if (traced())
    return _traced.to(options);
  return at::scalar_tensor(_concrete, options);
}

std::ostream &
operator<<(std::ostream & os, const TraceableSize & s)
{
  return os << s.concrete();
}

TraceableTensorShape::TraceableTensorShape(TensorShapeRef sizes)
{
  reserve(sizes.size());
  for (auto s : sizes)
    emplace_back(s);
}

TensorShape
TraceableTensorShape::concrete() const
{
  TensorShape out;
  out.reserve(size());
  for (const auto & s : *this)
    out.push_back(s.concrete());
  return out;
}

neml2::Size
TraceableTensorShape::numel() const
{
  neml2::Size n = 1;
  for (const auto & s : *this)
    n *= s.concrete();
  return n;
}

bool
TraceableTensorShape::any_traced() const
{
  for (const auto & s : *this)
    if (s.traced())
      return true;
  return false;
}

void
TraceableTensorShape::stash(const char * arg_name, std::size_t list_size, std::size_t offset) const
{
  if (!tracing::is_tracing())
    return;
  for (std::size_t i = 0; i < size(); ++i)
    if ((*this)[i].traced())
      tracing::stash_int_list_element(arg_name, list_size, offset + i, (*this)[i].traced_value());
}

TraceableTensorShape
TraceableTensorShape::append(TensorShapeRef tail) const
{
  TraceableTensorShape out(*this);
  for (auto s : tail)
    out.emplace_back(s);
  return out;
}

bool
TraceableTensorShape::operator==(const TraceableTensorShape & other) const
{
  if (size() != other.size())
    return false;
  for (std::size_t i = 0; i < size(); ++i)
    if ((*this)[i] != other[i])
      return false;
  return true;
}

std::ostream &
operator<<(std::ostream & os, const TraceableTensorShape & s)
{
  os << '(';
  for (std::size_t i = 0; i < s.size(); ++i)
    os << (i ? "," : "") << s[i].concrete();
  return os << ')';
}
} // namespace neml2
