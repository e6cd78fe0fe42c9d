// Internal helpers of the tensor layer (not installed).
#pragma once

#include <ATen/core/Tensor.h>
#include <initializer_list>
#include <vector>

#include "neml2/misc/types.h"

namespace neml2::detail
{
/// A tensor holding `values` with shape `shape`, created with the tracer off, so that a trace
/// records it as a constant (see Note [constants outside traces] in constants.cxx).
at::Tensor constant_tensor(const std::vector<double> & values, TensorShapeRef shape,
                           const TensorOptions & options);
} // namespace neml2::detail
