// Creating tensors from other tensors: linspace and logspace along a new batch dimension,
// concatenation and stacking per dimension group, and batch broadcasting.
#pragma once

#include <vector>

#include "neml2/tensors/PrimitiveTensor.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
namespace detail
{
Tensor linspace(const Tensor & start, const Tensor & end, Size n, Size dim, BatchGroup group);
Tensor logspace(const Tensor & start, const Tensor & end, Size n, Size dim, BatchGroup group,
                double base);
} // namespace detail

/// Tensors brought to a common batch shape (dynamic and intermediate dimensions broadcast; base
/// shapes untouched). Traceable: no batch size is read as a number.
std::vector<Tensor> broadcast_batch(const std::vector<Tensor> & tensors);

/// Concatenate along dynamic (or intermediate) dimension `dim`; batch shapes otherwise broadcast.
Tensor batch_cat(const std::vector<Tensor> & tensors, Size dim,
                 BatchGroup group = BatchGroup::Dynamic);
/// Stack along a new dynamic (or intermediate) dimension at position `dim`.
Tensor batch_stack(const std::vector<Tensor> & tensors, Size dim,
                   BatchGroup group = BatchGroup::Dynamic);
/// Concatenate along base dimension `dim`.
Tensor base_cat(const std::vector<Tensor> & tensors, Size dim);
/// Stack along a new base dimension at position `dim`.
Tensor base_stack(const std::vector<Tensor> & tensors, Size dim);

/// Typed versions of batch_cat and batch_stack.
template <class T>
T
batch_cat(const std::vector<T> & tensors, Size dim, BatchGroup group = BatchGroup::Dynamic)
{
  return T(batch_cat(std::vector<Tensor>(tensors.begin(), tensors.end()), dim, group));
}
template <class T>
T
batch_stack(const std::vector<T> & tensors, Size dim, BatchGroup group = BatchGroup::Dynamic)
{
  return T(batch_stack(std::vector<Tensor>(tensors.begin(), tensors.end()), dim, group));
}
} // namespace neml2
