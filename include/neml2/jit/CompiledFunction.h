// A function of a flat list of tensors that a JIT backend compiled from a trace. The trace cache
// and the dump API use only this interface, so backends other than TorchScript can join.
#pragma once

#include <ATen/core/Tensor.h>
#include <string>
#include <vector>

namespace neml2::jit
{
class CompiledFunction
{
public:
  virtual ~CompiledFunction() = default;

  /// Evaluate on `inputs` (same signature as the trace).
  virtual std::vector<at::Tensor> run(const std::vector<at::Tensor> & inputs) = 0;

  /// Give the outputs readable names in graph dumps (before the first run).
  virtual void name_outputs(const std::vector<std::string> & names) = 0;
  /// Text of the graph as traced.
  virtual std::string traced_graph() const = 0;
  /// Text of the graph the backend last executed (after its optimisations), or an explanation of
  /// why there is none yet.
  virtual std::string optimized_graph() const = 0;
  /// The traced graph with the example's shapes erased: two traces of the same function at
  /// different batch sizes have equal structures unless the function baked a size into the graph.
  virtual std::string structure() const = 0;
  /// Name of the backend ("torchscript", ...).
  virtual std::string backend() const = 0;
};
} // namespace neml2::jit
