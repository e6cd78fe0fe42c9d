// Per-evaluation cost of the model framework at small batch sizes, with the JIT on and off,
// measured in the same run: the seed tutorial's composed rates and the residual of a composed
// elastic-plastic model, for values and for values with first derivatives.
//
// Usage: bench_model_overhead [--quick] [--threads N] [--csv FILE]   (run from anywhere; inputs are
// found relative to this program's source folder through NEML2_BENCHMARK_DIR)
#include "common.h"
#include "neml2/base/Factory.h"
#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Tensor.h"

#include <ATen/Parallel.h>
#include <ATen/ops/rand.h>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

using namespace neml2;

namespace
{
/// Inputs with values in [0.5, 1.5) (time increments stay away from zero).
ValueMap
inputs(const Model & m, Size batch)
{
  at::manual_seed(0);
  ValueMap in;
  for (const auto * v : m.input_variables())
  {
    TensorShape shape{batch};
    shape.append(v->base_sizes().begin(), v->base_sizes().end());
    auto t = at::rand(shape, default_tensor_options()).add(0.5);
    if (v->name() == VariableName("forces", "t"))
      t = t.add(1.0);
    in[v->name()] = Tensor(t, 1);
  }
  return in;
}
} // namespace

int
main(int argc, char ** argv)
{
  bench::Args args;
  if (!bench::parse_args(argc, argv, "bench_model_overhead", args))
    return 2;
  bench::setup_process(args.threads);
  const bool quick = args.quick;
  const std::string & csv = args.csv;
  const double block = quick ? 0.05 : 0.3;
  const int repeats = quick ? 3 : 5;
  const std::string dir = NEML2_BENCHMARK_DIR;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"seed rates", dir + "/../examples/jit/input.i|eq"},
      {"elastoplastic residual", dir + "/inputs/elastoplastic_residual.i|model"}};

  std::ofstream out;
  if (!csv.empty())
  {
    out.open(csv);
    out << "model,request,batch,jit_us,eager_us\n";
  }
  std::printf("%d intra-op thread(s); best of %d blocks of %.2f s\n\n", at::get_num_threads(),
              repeats, block);
  std::printf("%-24s %-16s %6s %12s %12s %8s\n", "model", "request", "batch", "JIT us", "eager us",
              "JIT/eager");
  for (const auto & [label, spec] : cases)
  {
    const auto bar = spec.find('|');
    const auto file = spec.substr(0, bar), name = spec.substr(bar + 1);
    for (const auto & [rname, request] : std::vector<std::pair<std::string, Request>>{
             {"value", Request::values()}, {"value+dvalue", Request::values_and_derivatives()}})
      for (Size batch : {Size(1), Size(100)})
      {
        Factory jit_f(hit::parse_file(file));
        Factory eager_f(hit::parse_file_with_overrides(file, "Settings/disable_jit = true\n"));
        auto & mj = jit_f.get_object<Model>("Models", name);
        auto & me = eager_f.get_object<Model>("Models", name);
        const auto in = inputs(mj, batch);
        const double tj =
            1e6 * bench::seconds_per_call([&] { mj.evaluate(in, request); }, block, repeats);
        const double te =
            1e6 * bench::seconds_per_call([&] { me.evaluate(in, request); }, block, repeats);
        std::printf("%-24s %-16s %6ld %12.1f %12.1f %8.2f\n", label.c_str(), rname.c_str(),
                    (long)batch, tj, te, tj / te);
        if (out)
          out << label << ',' << rname << ',' << batch << ',' << tj << ',' << te << '\n';
      }
  }
  return 0;
}
