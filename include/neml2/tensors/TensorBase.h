// The common base of every tensor type: an at::Tensor whose leading dimensions are batch dimensions
// (dynamic ones first, then intermediate ones) and whose trailing dimensions are base dimensions.
#pragma once

#include <ATen/core/Tensor.h>
#include <ATen/TensorIndexing.h>
#include <string>
#include <vector>

#include "neml2/misc/types.h"
#include "neml2/tensors/TraceableTensorShape.h"

namespace neml2
{
using TensorIndex = at::indexing::TensorIndex;
using TensorIndices = std::vector<TensorIndex>;

/// "(dynamic|intermediate;base)" e.g. "(5,3;6)" or "(5|2;6)"; intermediate part only if present.
std::string shape_string(TensorShapeRef sizes, Size dynamic_dim, Size intmd_dim);

/**
 * Batch bookkeeping over an at::Tensor.
 *
 * Layout of the dimensions: (dynamic... ; intermediate... ; base...). Dynamic batch dimensions
 * are the workload (material points, time steps) and stay symbolic under tracing; intermediate
 * dimensions belong to the model (slip systems, table points) and are fixed in a trace; base
 * dimensions are fixed by the tensor type.
 */
template <class Derived>
class TensorBase : public at::Tensor
{
public:
  TensorBase() = default;

  /// Wrap `tensor`, marking its first `dynamic_dim` dimensions dynamic and the next `intmd_dim`
  /// intermediate.
  TensorBase(const at::Tensor & tensor, Size dynamic_dim, Size intmd_dim = 0);

  /// @name Creation from another tensor's layout
  ///@{
  static Derived empty_like(const Derived & other);
  static Derived zeros_like(const Derived & other);
  static Derived ones_like(const Derived & other);
  static Derived full_like(const Derived & other, double value);
  ///@}

  /// @name Dimensions and sizes
  ///@{
  bool batched() const { return batch_dim() > 0; }
  Size batch_dim() const { return _dynamic_dim + _intmd_dim; }
  Size dynamic_dim() const { return _dynamic_dim; }
  Size intmd_dim() const { return _intmd_dim; }
  Size base_dim() const { return dim() - batch_dim(); }

  /// Dynamic sizes (traced while tracing) followed by intermediate sizes.
  TraceableTensorShape batch_sizes() const;
  /// Dynamic batch sizes; symbolic under tracing.
  TraceableTensorShape dynamic_sizes() const;
  TraceableSize dynamic_size(Size i) const;
  TensorShapeRef intmd_sizes() const;
  TensorShapeRef base_sizes() const;
  Size base_size(Size i) const;
  Size base_numel() const;
  /// The shape in the "(batch;base)" notation, for messages.
  std::string shape_str() const { return shape_string(sizes(), _dynamic_dim, _intmd_dim); }
  ///@}

  /// @name Copies and conversions that keep the type and batch layout
  ///@{
  Derived clone() const;
  Derived detach() const;
  Derived contiguous() const;
  Derived to(const TensorOptions & options) const;
  Derived operator-() const;
  ///@}

  /// @name Dynamic batch dimension operations
  ///@{
  /// Broadcast the dynamic batch dimensions to `shape` (traceable).
  Derived dynamic_expand(const TraceableTensorShape & shape) const;
  /// Reshape the dynamic batch dimensions to `shape` (traceable).
  Derived dynamic_reshape(const TraceableTensorShape & shape) const;
  /// Index the dynamic batch dimensions.
  Derived dynamic_index(const TensorIndices & indices) const;
  /// Index the batch dimensions (dynamic then intermediate).
  Derived batch_index(const TensorIndices & indices) const;
  /// Insert a dynamic dimension of size one at position `d` (negative counts from the end).
  Derived dynamic_unsqueeze(Size d) const;
  ///@}

protected:
  /// Raw tensor with the same batch layout as this one.
  Derived wrap(const at::Tensor & t) const { return Derived(t, _dynamic_dim, _intmd_dim); }

private:
  Size _dynamic_dim = 0;
  Size _intmd_dim = 0;
};
} // namespace neml2
