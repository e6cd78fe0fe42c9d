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
class Tensor;

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
 *
 * Shape operations come per group: dynamic_*, intmd_* and base_*. Dimension arguments count
 * within the group (negative values from its end). Operations on dynamic and intermediate
 * dimensions keep the type; operations on base dimensions change the base shape and return a
 * general Tensor.
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
  static Derived rand_like(const Derived & other);
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
  Size intmd_size(Size i) const;
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
  /// This tensor with its dimensions relabelled (same data).
  Derived with_layout(Size dynamic_dim, Size intmd_dim) const;
  ///@}

  /// @name Dynamic batch dimensions (traceable)
  ///@{
  Derived dynamic_index(const TensorIndices & indices) const;
  /// Elements start, start+step, ... before end along dynamic dimension d.
  Derived dynamic_slice(Size d, Size start, Size end, Size step = 1) const;
  Derived dynamic_expand(const TraceableTensorShape & shape) const;
  Derived dynamic_reshape(const TraceableTensorShape & shape) const;
  Derived dynamic_squeeze(Size d) const;
  Derived dynamic_unsqueeze(Size d) const;
  Derived dynamic_transpose(Size d1, Size d2) const;
  Derived dynamic_movedim(Size from, Size to) const;
  /// All dynamic dimensions as one.
  Derived dynamic_flatten() const;
  Derived dynamic_sum(Size d) const;
  Derived dynamic_mean(Size d) const;
  ///@}

  /// @name Intermediate batch dimensions (fixed in a trace)
  ///@{
  Derived intmd_index(const TensorIndices & indices) const;
  Derived intmd_slice(Size d, Size start, Size end, Size step = 1) const;
  Derived intmd_expand(TensorShapeRef shape) const;
  Derived intmd_reshape(TensorShapeRef shape) const;
  Derived intmd_squeeze(Size d) const;
  Derived intmd_unsqueeze(Size d) const;
  Derived intmd_transpose(Size d1, Size d2) const;
  Derived intmd_movedim(Size from, Size to) const;
  Derived intmd_flatten() const;
  Derived intmd_sum(Size d) const;
  Derived intmd_mean(Size d) const;
  ///@}

  /// @name Base dimensions (the result is a general Tensor)
  ///@{
  neml2::Tensor base_index(const TensorIndices & indices) const;
  neml2::Tensor base_slice(Size d, Size start, Size end, Size step = 1) const;
  neml2::Tensor base_expand(TensorShapeRef shape) const;
  neml2::Tensor base_reshape(TensorShapeRef shape) const;
  neml2::Tensor base_squeeze(Size d) const;
  neml2::Tensor base_unsqueeze(Size d) const;
  neml2::Tensor base_transpose(Size d1, Size d2) const;
  neml2::Tensor base_movedim(Size from, Size to) const;
  neml2::Tensor base_flatten() const;
  neml2::Tensor base_sum(Size d) const;
  neml2::Tensor base_mean(Size d) const;
  ///@}

  /// @name Batch dimensions as a whole
  ///@{
  /// Index the batch dimensions; only for tensors without intermediate dimensions.
  Derived batch_index(const TensorIndices & indices) const;
  /// Expand the dynamic dimensions to `dynamic_shape` and the intermediate ones to `intmd_shape`.
  Derived batch_expand(const TraceableTensorShape & dynamic_shape,
                       TensorShapeRef intmd_shape) const;
  /// Give this tensor the batch layout of `other`: missing dimensions are added and expanded.
  template <class Other>
  Derived batch_expand_as(const TensorBase<Other> & other) const
  {
    return batch_expand(other.dynamic_sizes(), other.intmd_sizes());
  }
  ///@}

protected:
  /// Raw tensor with the same batch layout as this one.
  Derived wrap(const at::Tensor & t) const { return Derived(t, _dynamic_dim, _intmd_dim); }

private:
  /// Absolute position of dimension d of a group [begin, begin + n), with range check.
  Size group_dim(const char * group, Size d, Size begin, Size n) const;

  Size _dynamic_dim = 0;
  Size _intmd_dim = 0;
};
} // namespace neml2
