// What a traced graph is specialised on. Batch *sizes* are not part of it: graphs are traced with
// symbolic batch sizes and reused for any size.
#pragma once

#include <ATen/core/Tensor.h>
#include <string>
#include <vector>

#include "neml2/misc/types.h"

namespace neml2::jit
{
/// How one input of a traced function looks, apart from its batch sizes.
struct TensorSignature
{
  Dtype dtype;
  Device device;
  /// Number of (symbolic) dynamic batch dimensions.
  Size dynamic_dim;
  /// The sizes after the dynamic dimensions (intermediate and base), fixed in the trace.
  TensorShape trailing_sizes;
  bool requires_grad;

  bool operator==(const TensorSignature & o) const
  {
    return dtype == o.dtype && device == o.device && dynamic_dim == o.dynamic_dim &&
           trailing_sizes == o.trailing_sizes && requires_grad == o.requires_grad;
  }

  /// Describe `t` given its number of dynamic dimensions.
  static TensorSignature of(const at::Tensor & t, Size dynamic_dim);
};

struct TraceKey
{
  /// What the traced function computes (e.g. a request key).
  std::string what;
  /// Whether autograd was recording when traced.
  bool grad_mode = false;
  std::vector<TensorSignature> inputs;

  bool operator==(const TraceKey & o) const
  {
    return what == o.what && grad_mode == o.grad_mode && inputs == o.inputs;
  }
  /// Human-readable form, for dumps and messages.
  std::string str() const;
};

struct TraceKeyHash
{
  std::size_t operator()(const TraceKey & k) const noexcept;
};
} // namespace neml2::jit
