// A check that a tensor function survives tracing: trace it at one batch shape, run the compiled
// graph at another with the dynamic dimensions flattened to one (what the model JIT does, see
// Note [flat dynamic batch] in src/neml2/models/Model.cxx), and compare with eager evaluation.
#pragma once

#include <gtest/gtest.h>

#include <exception>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "neml2/jit/TorchScriptFunction.h"
#include "neml2/tensors/Tensor.h"
#include "neml2_testing/tensors.h"

namespace neml2::test
{
/// A function of neml2 tensors, written on general Tensors (convert to the typed inputs inside).
using TensorFunction = std::function<std::vector<Tensor>(const std::vector<Tensor> &)>;
/// Makes the inputs of a TensorFunction. Each batched input has `batch_shape` as its leading
/// dynamic dimensions and may have further (fixed) dynamic, intermediate and base dimensions; an
/// input without dynamic dimensions is passed as it is (like a parameter).
using InputMaker = std::function<std::vector<Tensor>(TensorShapeRef batch_shape)>;

struct TraceCheckOptions
{
  /// The batch shape of the trace (the varying part of every batched input).
  TensorShape trace_shape{2};
  /// The batch shape of the checked evaluation; flattened to one dimension for the graph.
  TensorShape run_shape{5, 3};
  /// How often the graph is run (the profiling executor optimises from the second run on).
  int runs = 3;
  double rtol = 1e-12;
  double atol = 1e-12;
};

namespace detail
{
inline Size
shape_numel(TensorShapeRef s)
{
  Size n = 1;
  for (auto x : s)
    n *= x;
  return n;
}

/// The leading `k` dimensions of `t` merged into one.
inline at::Tensor
flatten_leading(const at::Tensor & t, std::size_t k)
{
  TensorShape shape{shape_numel(t.sizes().slice(0, k))};
  shape.append(t.sizes().begin() + k, t.sizes().end());
  return t.reshape(shape);
}
} // namespace detail

/**
 * Trace `f` on `make(trace_shape)`, then run the compiled graph on `make(run_shape)` with the
 * leading `run_shape` dimensions of every batched input flattened to one; unflatten the outputs
 * and compare them with `f` evaluated eagerly on the unflattened inputs.
 *
 * Inside the graph each raw input is wrapped as a Tensor with one dynamic dimension (plus the
 * input's fixed extra dynamic dimensions) and its intermediate dimensions. An output whose
 * leading dimension does not have the flattened size (a function that reshapes the dynamic
 * dimensions itself) is compared in memory order.
 */
inline ::testing::AssertionResult
traces_correctly(const TensorFunction & f, const InputMaker & make,
                 const TraceCheckOptions & opt = {})
{
  const auto k_trace = opt.trace_shape.size();
  const auto k_run = opt.run_shape.size();

  if (detail::shape_numel(opt.trace_shape) < 1 || detail::shape_numel(opt.run_shape) < 2 ||
      detail::shape_numel(opt.run_shape) == detail::shape_numel(opt.trace_shape))
    return ::testing::AssertionFailure()
           << "the trace shape " << TensorShapeRef(opt.trace_shape) << " and the run shape "
           << TensorShapeRef(opt.run_shape) << " must be non-empty and of different sizes";

  // ---- trace ----
  const auto trace_in = make(opt.trace_shape);
  std::vector<Size> dyn, intmd;
  std::vector<bool> batched;
  std::vector<at::Tensor> trace_raw;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < trace_in.size(); ++i)
  {
    const auto & t = trace_in[i];
    const bool b = t.dynamic_dim() > 0;
    if (b && static_cast<std::size_t>(t.dynamic_dim()) < k_trace)
      return ::testing::AssertionFailure() << "input " << i << " of shape " << t.shape_str()
                                           << " lacks the batch shape of the trace";
    batched.push_back(b);
    dyn.push_back(b ? t.dynamic_dim() - static_cast<Size>(k_trace) + 1 : 0);
    intmd.push_back(t.intmd_dim());
    trace_raw.push_back(b ? detail::flatten_leading(t, k_trace) : at::Tensor(t));
    names.push_back("x" + std::to_string(i));
  }

  std::vector<Size> out_dyn;
  const jit::FlatFunction fn = [&](const std::vector<at::Tensor> & raw)
  {
    std::vector<Tensor> x;
    for (std::size_t i = 0; i < raw.size(); ++i)
      x.emplace_back(raw[i], dyn[i], intmd[i]);
    const auto y = f(x);
    out_dyn.clear();
    std::vector<at::Tensor> out;
    for (const auto & t : y)
    {
      out_dyn.push_back(t.dynamic_dim());
      out.push_back(t);
    }
    return out;
  };

  std::unique_ptr<jit::CompiledFunction> compiled;
  try
  {
    std::vector<std::string> out_names;
    compiled = jit::trace_torchscript("traceable_check", trace_raw, names, out_names, fn).function;
  }
  catch (const std::exception & e)
  {
    return ::testing::AssertionFailure() << "tracing threw: " << e.what();
  }

  // ---- run at another batch shape, flattened ----
  const auto run_in = make(opt.run_shape);
  if (run_in.size() != trace_in.size())
    return ::testing::AssertionFailure() << "the maker gave a different number of inputs";
  std::vector<at::Tensor> run_raw;
  for (std::size_t i = 0; i < run_in.size(); ++i)
  {
    const auto & t = run_in[i];
    const bool b = t.dynamic_dim() > 0;
    if (b != batched[i] || (b && t.dynamic_dim() - static_cast<Size>(k_run) + 1 != dyn[i]) ||
        t.intmd_dim() != intmd[i])
      return ::testing::AssertionFailure()
             << "input " << i << " has layout " << t.shape_str() << " at the run shape, "
             << trace_in[i].shape_str() << " at the trace shape";
    run_raw.push_back(b ? detail::flatten_leading(t, k_run) : at::Tensor(t));
  }

  std::vector<Tensor> eager;
  try
  {
    eager = f(run_in);
  }
  catch (const std::exception & e)
  {
    return ::testing::AssertionFailure() << "eager evaluation threw: " << e.what();
  }
  std::vector<at::Tensor> got;
  const Size n_run = detail::shape_numel(opt.run_shape);
  for (int run = 0; run < opt.runs; ++run)
  {
    try
    {
      got = compiled->run(run_raw);
    }
    catch (const std::exception & e)
    {
      return ::testing::AssertionFailure()
             << "run " << run + 1 << " of the graph threw: " << e.what() << "\ntraced graph:\n"
             << compiled->traced_graph();
    }
    if (got.size() != eager.size())
      return ::testing::AssertionFailure() << "the graph returned " << got.size()
                                           << " outputs, eager evaluation " << eager.size();
    for (std::size_t i = 0; i < got.size(); ++i)
    {
      at::Tensor g = got[i];
      const at::Tensor & e = eager[i];
      if (out_dyn[i] > 0 && g.dim() > 0 && g.size(0) == n_run)
      {
        auto shape = cat_shape(opt.run_shape, g.sizes().slice(1));
        g = g.reshape(shape);
      }
      else if (out_dyn[i] > 0 && g.numel() == e.numel())
        g = g.reshape(e.sizes());
      if (g.sizes() != e.sizes())
        return ::testing::AssertionFailure()
               << "output " << i << " (run " << run + 1 << "): graph shape " << got[i].sizes()
               << " (unflattened " << g.sizes() << "), eager shape " << e.sizes()
               << "\ntraced graph:\n"
               << compiled->traced_graph();
      if (g.scalar_type() != e.scalar_type())
        return ::testing::AssertionFailure() << "output " << i << ": graph dtype "
                                             << g.scalar_type() << ", eager " << e.scalar_type();
      auto c = close(g, e, opt.rtol, opt.atol);
      if (!c)
        return ::testing::AssertionFailure() << "output " << i << " (run " << run + 1
                                             << "): " << c.message() << "\ntraced graph:\n"
                                             << compiled->traced_graph();
    }
  }
  return ::testing::AssertionSuccess();
}
} // namespace neml2::test
