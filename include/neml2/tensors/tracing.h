// The tensor layer's only contact with the tracer: asking whether a trace is being recorded and
// recording batch sizes symbolically. Everything TorchScript-specific beyond this lives in jit/.
#pragma once

#include <ATen/core/Tensor.h>

#include "neml2/misc/types.h"

namespace neml2::tracing
{
/// Whether the current thread is recording a trace.
bool is_tracing();

/// The size of dimension `dim` of `t` as a 0-d tensor recorded in the trace (aten::size).
at::Tensor traced_size_of(const at::Tensor & t, Size dim);

/// Stash one traced element of an int list argument (see TraceableTensorShape::stash).
void stash_int_list_element(const char * arg_name, std::size_t list_size, std::size_t index,
                            const at::Tensor & value);

/// Throw NotTraceable when tracing: for operations that read data (item(), data_ptr()) or batch
/// sizes as numbers, which a trace would freeze into constants.
void forbid_while_tracing(const char * what);
} // namespace neml2::tracing
