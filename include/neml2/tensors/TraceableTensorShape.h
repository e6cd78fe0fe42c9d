// A list of TraceableSize: the shape of the batch dimensions that stays symbolic under tracing.
// Shape-taking operations pass it to the tracer's argument stash right before the ATen call.
#pragma once

#include <initializer_list>
#include <iosfwd>

#include "neml2/tensors/TraceableSize.h"

namespace neml2
{
class TraceableTensorShape : public c10::SmallVector<TraceableSize, 6>
{
public:
  using Base = c10::SmallVector<TraceableSize, 6>;
  using Base::Base;
  TraceableTensorShape() = default;
  TraceableTensorShape(std::initializer_list<TraceableSize> sizes) : Base(sizes) {}
  TraceableTensorShape(TensorShapeRef sizes); // NOLINT(google-explicit-constructor)
  TraceableTensorShape(const TensorShape & sizes) : TraceableTensorShape(TensorShapeRef(sizes)) {}

  /// The sizes as plain numbers.
  TensorShape concrete() const;
  /// Number of elements (concrete).
  neml2::Size numel() const; // qualified: SmallVector has a member named Size
  /// Whether any element is recorded in the graph being traced.
  bool any_traced() const;

  /// Tell the tracer that the next ATen call taking the int list argument `arg_name`, which has
  /// `list_size` elements whose first elements are this shape, should record the traced sizes.
  void stash(const char * arg_name, std::size_t list_size, std::size_t offset = 0) const;

  /// This shape followed by plain sizes (e.g. base sizes).
  TraceableTensorShape append(TensorShapeRef tail) const;

  bool operator==(const TraceableTensorShape & other) const;
  bool operator!=(const TraceableTensorShape & other) const { return !(*this == other); }
};

std::ostream & operator<<(std::ostream & os, const TraceableTensorShape & s);
} // namespace neml2
