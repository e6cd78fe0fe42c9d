#include "neml2/jit/utils.h"
#include "neml2/misc/error.h"

namespace neml2
{
namespace
{
thread_local std::shared_ptr<torch::jit::Graph> t_last_graph;
}

namespace jit::detail
{
void
set_last_executed_optimized_graph(std::shared_ptr<torch::jit::Graph> graph)
{
  t_last_graph = std::move(graph);
}
} // namespace jit::detail

std::shared_ptr<torch::jit::Graph>
utils::last_executed_optimized_graph()
{
  NEML2_CHECK(t_last_graph, Error,
              "no traced graph has been executed on this thread yet (is the JIT disabled for the "
              "model, or was it never evaluated?)");
  return t_last_graph;
}
} // namespace neml2
