// Graph dumps for users: the optimized graph TorchScript last executed on this thread.
#pragma once

#include <memory>

#include <torch/csrc/jit/ir/ir.h>

namespace neml2::utils
{
/// The optimized graph of the last compiled function executed on this thread. It stays valid after
/// the function that produced it is gone. Throws neml2::Error when no compiled function has run on
/// this thread (for example when the JIT is disabled).
std::shared_ptr<torch::jit::Graph> last_executed_optimized_graph();
} // namespace neml2::utils

namespace neml2::jit::detail
{
/// Record the graph just executed (called by the TorchScript backend right after a run).
void set_last_executed_optimized_graph(std::shared_ptr<torch::jit::Graph> graph);
} // namespace neml2::jit::detail
