// A batch size that stays symbolic under tracing: the concrete integer is always known, and while
// the tracer records a graph the size also carries the 0-d tensor the graph computes it from.
#pragma once

#include <ATen/core/Tensor.h>
#include <iosfwd>

#include "neml2/misc/types.h"

namespace neml2
{
class TraceableSize
{
public:
  TraceableSize(Size concrete = 0) // NOLINT(google-explicit-constructor): sizes convert freely
      : _concrete(concrete)
  {
  }
  TraceableSize(Size concrete, at::Tensor traced) : _concrete(concrete), _traced(std::move(traced))
  {
  }

  /// The size as a number. Do not branch on it or bake it into a shape while tracing.
  Size concrete() const { return _concrete; }
  /// Whether the size is recorded in the graph being traced.
  bool traced() const { return _traced.defined(); }
  /// The 0-d tensor the graph computes the size from (undefined when not traced).
  const at::Tensor & traced_value() const { return _traced; }
  /// The size as a 0-d tensor: the traced one if recorded, else a new tensor holding the number.
  at::Tensor as_tensor(const TensorOptions & options) const;

  bool operator==(const TraceableSize & other) const { return _concrete == other._concrete; }
  bool operator!=(const TraceableSize & other) const { return !(*this == other); }

private:
  Size _concrete;
  at::Tensor _traced;
};

std::ostream & operator<<(std::ostream & os, const TraceableSize & s);
} // namespace neml2
