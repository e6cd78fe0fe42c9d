// The TorchScript backend: traces a flat function with torch::jit::tracer and runs it through a
// profiling GraphFunction, which optimises the graph on its second run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "neml2/jit/TraceCache.h"

namespace neml2::jit
{
struct TraceResult
{
  std::unique_ptr<CompiledFunction> function;
  /// The outputs computed while tracing (valid results for the traced call).
  std::vector<at::Tensor> outputs;
};

/// Trace `fn` on `inputs`. Graph inputs are named `input_names`, the function is named `name`.
/// Exceptions from `fn` (NotTraceable included) propagate; the tracer state is cleaned up.
TraceResult trace_torchscript(const std::string & name, const std::vector<at::Tensor> & inputs,
                              const std::vector<std::string> & input_names,
                              const std::vector<std::string> & output_names,
                              const FlatFunction & fn);

/// Whether the current thread is recording a trace.
bool is_tracing();
} // namespace neml2::jit
