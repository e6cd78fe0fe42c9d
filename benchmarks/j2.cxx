// Time to march the J2 viscoplastic example (examples/j2_viscoplasticity/input.i: linear isotropic
// hardening, Perzyna flow, backward-Euler return mapping solved by Newton in ImplicitUpdate)
// through 100 strain-controlled steps with its SDTSolidMechanicsDriver, at batch sizes from 1 to
// 65536, with the JIT on and off (eager, the baseline) measured in the same run.
//
// What is timed: TransientDriver::run() of an already built driver, i.e. all 100 steps (101 time
// points; step 0 only sets the initial state), without parsing the input or building the objects.
// Each (batch, JIT) pair gets its own Factory; its driver runs once untimed (the warm-up, where the
// residual model is traced and TorchScript's profiling executor optimizes the graph), then is
// re-run on the same objects: run() restarts from step 0 and keeps only the models' trace caches,
// so a re-run is a warm run of the same load history. The figure is the best of the timed runs,
// repeated until they add up to 1 s (one run at the larger batches). A re-run also frees the
// previous run's per-step results, inside the timed region. Nothing is written to disk
// (save_as is overridden to nothing). As in the other benchmarks, one intra-op thread by default
// and large allocations stay on the heap (mallopt).
//
// Usage: bench_j2 [--quick] [--threads N] [--csv FILE]   (the input is found relative to this
// program's source folder through NEML2_BENCHMARK_DIR; progress goes to stderr)
#include "common.h"
#include "neml2/base/Factory.h"
#include "neml2/base/HITParser.h"
#include "neml2/drivers/TransientDriver.h"
#include "neml2/models/Model.h"

#include <ATen/Parallel.h>
#include <ATen/TensorOperators.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace neml2;
using Clock = std::chrono::steady_clock;

namespace
{
constexpr Size steps = 100;
const char * const scenario = "j2_viscoplastic_sdt";

double
seconds_since(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Timing
{
  double best_s = 0;
  int runs = 0;
  /// The last step's outputs of the last timed run (to check JIT against eager).
  ValueMap final_state;
};

/// The largest |a - b| over every output, relative to the largest |a|.
double
relative_difference(const ValueMap & a, const ValueMap & b)
{
  double diff = 0, scale = 0;
  for (const auto & [name, x] : a)
  {
    const at::Tensor y = b.at(name);
    diff = std::max(diff, (x - y).abs().max().item<double>());
    scale = std::max(scale, at::Tensor(x).abs().max().item<double>());
  }
  return scale > 0 ? diff / scale : diff;
}

Timing
time_driver(const std::string & file, Size batch, bool jit, double target_s)
{
  const std::string overrides =
      "nbatch := " + std::to_string(batch) + "\nnsteps := " + std::to_string(steps + 1) +
      "\nDrivers/driver/save_as := ''\n" + (jit ? "" : "Settings/disable_jit = true\n");
  const char * mode = jit ? "on" : "off";

  auto start = Clock::now();
  Factory factory(hit::parse_file_with_overrides(file, overrides));
  auto & driver = factory.get_object<TransientDriver>("Drivers", "driver");
  // the residual model is what the JIT traces (ImplicitUpdate's Newton loop stays eager)
  const auto & residual = factory.get_object<Model>("Models", "implicit_rate");
  if (residual.jit_enabled() != jit || driver.nsteps() != steps + 1)
    throw std::runtime_error("the input did not take the overrides (JIT " + std::string(mode) +
                             ", " + std::to_string(driver.nsteps()) + " time points)");
  std::fprintf(stderr, "batch %6ld, JIT %-3s: built in %.2f s", (long)batch, mode,
               seconds_since(start));

  start = Clock::now();
  driver.run();
  const ValueMap warm_state = driver.outputs().back();
  std::fprintf(stderr, "; warm-up %.2f s; timed", seconds_since(start));

  Timing t;
  t.best_s = 1e300;
  double total = 0;
  do
  {
    start = Clock::now();
    driver.run();
    const double s = seconds_since(start);
    t.best_s = std::min(t.best_s, s);
    total += s;
    ++t.runs;
    std::fprintf(stderr, " %.3f", s);
  } while (total < target_s && t.runs < 50);
  std::fprintf(stderr, " s\n");
  t.final_state = driver.outputs().back();
  // a re-run must march the same history as the first run did
  const double rerun_diff = relative_difference(warm_state, t.final_state);
  if (rerun_diff > 1e-10)
    throw std::runtime_error("a re-run of the driver differs from its first run by " +
                             std::to_string(rerun_diff) + " (relative)");
  return t;
}
} // namespace

int
main(int argc, char ** argv)
{
  bench::Args args;
  if (!bench::parse_args(argc, argv, "bench_j2", args))
    return 2;
  bench::setup_process(args.threads);
  const bool quick = args.quick;
  const std::string & csv = args.csv;
  const std::string file =
      std::string(NEML2_BENCHMARK_DIR) + "/../examples/j2_viscoplasticity/input.i";
  const std::vector<Size> batches =
      quick ? std::vector<Size>{1, 64, 4096}
            : std::vector<Size>{1, 4, 16, 64, 256, 1024, 4096, 16384, 65536};
  // the whole quick run has to fit in a minute: one timed run each
  const double target_s = quick ? 0 : 1.0;

  std::ofstream out;
  if (!csv.empty())
  {
    out.open(csv);
    out << "scenario,batch,jit,ms_per_run,ns_per_point_step,us_per_step\n";
  }
  std::printf("%s: %ld steps per run, %d intra-op thread%s; per (batch, JIT): one warm-up run, "
              "then %s\n\n",
              scenario, (long)steps, at::get_num_threads(), at::get_num_threads() == 1 ? "" : "s",
              quick ? "one timed run" : "the best of timed runs adding up to 1 s (at least one)");
  std::printf("%-20s %6s %4s %12s %17s %12s %5s\n", "scenario", "batch", "jit", "ms_per_run",
              "ns_per_point_step", "us_per_step", "runs");
  std::fflush(stdout);

  std::map<Size, std::map<bool, double>> ms;
  try
  {
    for (const Size batch : batches)
    {
      std::map<bool, ValueMap> final_state;
      for (const bool jit : {true, false})
      {
        const auto t = time_driver(file, batch, jit, target_s);
        final_state[jit] = t.final_state;
        const double run_ms = t.best_s * 1e3;
        const double ns_point_step = t.best_s * 1e9 / double(batch * steps);
        const double us_step = t.best_s * 1e6 / double(steps);
        ms[batch][jit] = run_ms;
        std::printf("%-20s %6ld %4s %12.2f %17.1f %12.1f %5d\n", scenario, (long)batch,
                    jit ? "on" : "off", run_ms, ns_point_step, us_step, t.runs);
        std::fflush(stdout);
        if (out)
          out << scenario << ',' << batch << ',' << (jit ? "on" : "off") << ',' << run_ms << ','
              << ns_point_step << ',' << us_step << '\n';
      }
      // README: results are identical to eager evaluation
      const double diff = relative_difference(final_state[false], final_state[true]);
      if (diff > 1e-8)
        throw std::runtime_error("at batch " + std::to_string(batch) +
                                 ", the JIT's final state differs from eager by " +
                                 std::to_string(diff) + " (relative)");
    }
  }
  catch (const std::exception & e)
  {
    std::fprintf(stderr, "\nbench_j2: error: %s\n", e.what());
    return 1;
  }

  std::printf("\n%6s %14s %14s %10s\n", "batch", "JIT ms/run", "eager ms/run", "JIT/eager");
  for (const auto & [batch, t] : ms)
    std::printf("%6ld %14.2f %14.2f %10.2f\n", (long)batch, t.at(true), t.at(false),
                t.at(true) / t.at(false));
  return 0;
}
