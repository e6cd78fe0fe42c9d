// Overhead of the tensor wrappers over raw ATen doing the same work.
//
// For each operation, the neml2 form and the raw ATen calls it amounts to are timed alternately in
// the same process; the table gives ns per call for both, the difference (the wrapper's
// overhead) and the ratio. Usage: bench_tensor_ops [--quick] [--threads N] [--csv FILE]
#include "common.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/functions/linalg.h"
#include "neml2/tensors/functions/math.h"

#include <ATen/Parallel.h>
#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/rand.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/tensor.h>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

using namespace neml2;

namespace
{
/// Best time per call (ns) over `repeats` blocks of at least `block_seconds` each.
struct Case
{
  std::string name;
  std::function<void()> neml2_op;
  std::function<void()> aten_op;
};

std::vector<Case>
make_cases(Size n)
{
  const auto o = default_tensor_options();
  at::manual_seed(0);
  // neml2 operands and the raw tensors behind them
  const auto s1 = Scalar(at::rand({n}, o).add(1.0)), s2 = Scalar(at::rand({n}, o).add(1.0));
  const auto a = SR2(at::rand({n, 6}, o)), b = SR2(at::rand({n, 6}, o));
  const auto A = R2(at::rand({n, 3, 3}, o)), B = R2(at::rand({n, 3, 3}, o));
  const auto v = Vec(at::rand({n, 3}, o));
  const auto C = SSR4(at::rand({n, 6, 6}, o));
  const at::Tensor rs1 = s1, rs2 = s2, ra = a, rb = b, rA = A, rB = B, rv = v, rC = C;
  const auto vol_map = at::tensor({1.0, 1.0, 1.0, 0.0, 0.0, 0.0}, o);

  std::vector<Case> cases;
  cases.push_back({"Scalar + Scalar", [=] { (void)(s1 + s2); }, [=] { (void)rs1.add(rs2); }});
  cases.push_back({"Scalar / Scalar", [=] { (void)(s1 / s2); }, [=] { (void)rs1.div(rs2); }});
  cases.push_back({"Scalar * 2.0", [=] { (void)(s1 * 2.0); }, [=] { (void)rs1.mul(2.0); }});
  cases.push_back({"exp(Scalar)", [=] { (void)neml2::exp(s1); }, [=] { (void)at::exp(rs1); }});
  cases.push_back({"macaulay(Scalar)", [=] { (void)neml2::macaulay(s1); },
                   [=] { (void)at::abs(rs1).add(rs1).mul(0.5); }});
  cases.push_back({"SR2 + SR2", [=] { (void)(a + b); }, [=] { (void)ra.add(rb); }});
  cases.push_back(
      {"SR2 * Scalar", [=] { (void)(a * s1); }, [=] { (void)ra.mul(rs1.unsqueeze(-1)); }});
  cases.push_back({"SR2 inner", [=] { (void)a.inner(b); }, [=] { (void)ra.mul(rb).sum(-1); }});
  cases.push_back(
      {"SR2 norm", [=] { (void)a.norm(); }, [=] { (void)at::sqrt(ra.mul(ra).sum(-1)); }});
  cases.push_back({"SR2 dev", [=] { (void)a.dev(); },
                   [=]
                   {
                     auto m = ra.narrow(-1, 0, 3).sum(-1).div(3.0).unsqueeze(-1);
                     (void)ra.sub(m.mul(vol_map));
                   }});
  cases.push_back({"SSR4 * SR2", [=] { (void)(C * a); },
                   [=] { (void)at::matmul(rC, ra.unsqueeze(-1)).squeeze(-1); }});
  cases.push_back({"R2 * R2", [=] { (void)(A * B); }, [=] { (void)at::matmul(rA, rB); }});
  cases.push_back({"R2 * Vec", [=] { (void)(A * v); },
                   [=] { (void)at::matmul(rA, rv.unsqueeze(-1)).squeeze(-1); }});
  return cases;
}
} // namespace

int
main(int argc, char ** argv)
{
  bench::Args args;
  if (!bench::parse_args(argc, argv, "bench_tensor_ops", args))
    return 2;
  bench::setup_process(args.threads);
  const bool quick = args.quick;
  const std::string & csv = args.csv;
  const double block = quick ? 0.02 : 0.1;
  const int repeats = quick ? 3 : 7;

  std::ofstream out;
  if (!csv.empty())
  {
    out.open(csv);
    out << "operation,batch,neml2_ns,aten_ns,overhead_ns,ratio\n";
  }
  std::printf("%d intra-op thread(s); best of %d blocks of %.2f s per measurement\n\n",
              at::get_num_threads(), repeats, block);
  std::printf("%-18s %8s %12s %12s %12s %8s\n", "operation", "batch", "neml2 ns", "ATen ns",
              "overhead ns", "ratio");
  for (Size n : {Size(1), Size(100000)})
    for (const auto & c : make_cases(n))
    {
      // alternate the two measurements to share any drift of the machine
      double tn = 1e300, ta = 1e300;
      for (int k = 0; k < 2; ++k)
      {
        ta = std::min(ta, 1e9 * bench::seconds_per_call(c.aten_op, block, repeats, 16));
        tn = std::min(tn, 1e9 * bench::seconds_per_call(c.neml2_op, block, repeats, 16));
      }
      std::printf("%-18s %8ld %12.0f %12.0f %12.0f %8.3f\n", c.name.c_str(), (long)n, tn, ta,
                  tn - ta, tn / ta);
      if (out)
        out << c.name << ',' << n << ',' << tn << ',' << ta << ',' << tn - ta << ',' << tn / ta
            << '\n';
    }
  return 0;
}
