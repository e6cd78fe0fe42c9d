#include "neml2/jit/TorchScriptFunction.h"
#include "neml2/jit/utils.h"
#include "neml2/misc/error.h"

#include <torch/csrc/jit/api/function_impl.h>
#include <torch/csrc/jit/frontend/tracer.h>
#include <torch/csrc/jit/passes/shape_analysis.h>
#include <torch/csrc/jit/runtime/graph_executor.h>

#include <mutex>

namespace neml2::jit
{
namespace
{
/// Name the values that become outputs, so that dumps read like the model's equations. A value
/// that already has a name (e.g. an input passed straight through) keeps it.
void
name_graph_outputs(torch::jit::Graph & graph, const std::vector<std::string> & names)
{
  if (names.empty())
    return;
  auto * tuple = graph.outputs().at(0)->node();
  if (tuple->kind() != c10::prim::TupleConstruct || tuple->inputs().size() != names.size())
    return;
  for (std::size_t i = 0; i < names.size(); ++i)
  {
    auto * v = tuple->inputs()[i];
    if (!v->hasDebugName() && v->node()->kind() != c10::prim::Param)
      v->setDebugName(names[i]);
  }
}

class TorchScriptFunction : public CompiledFunction
{
public:
  TorchScriptFunction(const std::string & name, std::shared_ptr<torch::jit::Graph> graph)
      : _traced(graph->toString(/*print_source_locations=*/false)),
        _structure(structure_of(*graph)),
        _function(c10::QualifiedName(name), std::move(graph), nullptr)
  {
  }

  std::vector<at::Tensor> run(const std::vector<at::Tensor> & inputs) override
  {
    torch::jit::Stack stack(inputs.begin(), inputs.end());
    _function.run(stack);
    // The executor's record of the optimized graph is thread-local and dies with the function:
    // keep our own reference right away.
    auto graph = torch::jit::lastExecutedOptimizedGraph();
    {
      std::lock_guard<std::mutex> lock(_mutex);
      _optimized = graph;
    }
    utils_set(graph);
    detail::count_compiled_run();
    const auto & elems = stack.back().toTupleRef().elements();
    std::vector<at::Tensor> out;
    out.reserve(elems.size());
    for (const auto & e : elems)
      out.push_back(e.toTensor());
    return out;
  }

  void name_outputs(const std::vector<std::string> & names) override
  {
    auto graph = _function.graph();
    name_graph_outputs(*graph, names);
    _traced = graph->toString(false);
  }

  std::string traced_graph() const override { return _traced; }

  std::string structure() const override { return _structure; }

  std::string optimized_graph() const override
  {
    std::lock_guard<std::mutex> lock(_mutex);
    if (!_optimized)
      return "(not executed yet)\n";
    return _optimized->toString(false);
  }

  std::string backend() const override { return "torchscript"; }

private:
  static void utils_set(std::shared_ptr<torch::jit::Graph> g)
  {
    jit::detail::set_last_executed_optimized_graph(std::move(g));
  }

  /// The graph text without the example's shapes.
  static std::string structure_of(torch::jit::Graph & graph)
  {
    auto copy = graph.copy();
    torch::jit::EraseShapeInformation(copy);
    return copy->toString(false);
  }

  std::string _traced;
  std::string _structure;
  torch::jit::GraphFunction _function;
  mutable std::mutex _mutex;
  std::shared_ptr<torch::jit::Graph> _optimized;
};

torch::jit::Stack
pack(const std::vector<at::Tensor> & tensors)
{
  return torch::jit::Stack(tensors.begin(), tensors.end());
}
} // namespace

bool
is_tracing()
{
  return torch::jit::tracer::isTracing();
}

TraceResult
trace_torchscript(const std::string & name, const std::vector<at::Tensor> & inputs,
                  const std::vector<std::string> & input_names,
                  const std::vector<std::string> & output_names, const FlatFunction & fn)
{
  NEML2_ASSERT(input_names.size() == inputs.size(), "one name per traced input is needed");
  NEML2_ASSERT(!torch::jit::tracer::isTracing(), "nested trace of '", name, "'");

  std::vector<at::Tensor> outputs;
  auto traced_fn = [&](torch::jit::Stack stack) -> torch::jit::Stack
  {
    std::vector<at::Tensor> x;
    x.reserve(stack.size());
    for (auto & v : stack)
      x.push_back(v.toTensor());
    outputs = fn(x);
    std::vector<c10::IValue> elems(outputs.begin(), outputs.end());
    // An output no traced operation produced (a constant such as an identity derivative, returned
    // as is) has no value in the graph and the tracer rejects it; a copy records it as a constant.
    const auto & state = torch::jit::tracer::getTracingState();
    for (auto & e : elems)
      if (!state->hasValue(e))
        e = e.toTensor().clone();
    return {c10::ivalue::Tuple::create(std::move(elems))};
  };

  auto traced = torch::jit::tracer::trace(
      pack(inputs), traced_fn, [](const at::Tensor &) { return std::string(); },
      /*strict=*/false,
      /*force_outplace=*/false,
      /*self=*/nullptr, input_names);
  auto graph = traced.first->graph;

  name_graph_outputs(*graph, output_names);
  return TraceResult{std::make_unique<TorchScriptFunction>(name, graph), std::move(outputs)};
}
} // namespace neml2::jit
