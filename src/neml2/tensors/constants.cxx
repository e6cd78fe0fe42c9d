#include "neml2/tensors/constants.h"

#include <ATen/TracerMode.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>
#include <cmath>
#include <map>
#include <mutex>
#include <tuple>

namespace neml2::constants
{
namespace
{
// Note [constants outside traces]: a tensor filled element by element while the tracer records
// would enter the graph as an uninitialised aten::empty (element writes are not recorded). Built
// with the tracer off and cached, the finished tensor enters a graph as a constant instead.
template <typename Builder>
at::Tensor
cached(const char * /*name*/, const TensorOptions & options, Builder build)
{
  // One cache per call site (each passes its own lambda type), keyed by dtype and device.
  static std::mutex mutex;
  static std::map<std::tuple<int, int, int>, at::Tensor> cache;
  const auto dtype = c10::typeMetaToScalarType(options.dtype());
  const auto device = options.device();
  const auto key = std::make_tuple(static_cast<int>(dtype), static_cast<int>(device.type()),
                                   static_cast<int>(device.index()));
  std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(key);
  if (it != cache.end())
    return it->second;
  at::tracer::impl::NoTracerDispatchMode no_trace;
  auto cpu = build(at::TensorOptions().dtype(at::kDouble));
  auto t = cpu.to(TensorOptions().dtype(dtype).device(device));
  cache.emplace(key, t);
  return t;
}
} // namespace

at::Tensor
mandel_map(const TensorOptions & options)
{
  return cached("mandel", options,
                [](const at::TensorOptions & o)
                {
                  auto m = at::zeros({6, 3, 3}, o);
                  auto a = m.accessor<double, 3>();
                  const double s = 1.0 / std::sqrt(2.0);
                  for (int i = 0; i < 3; ++i)
                    a[i][i][i] = 1.0;
                  // shear components 23, 13, 12
                  const int pairs[3][2] = {{1, 2}, {0, 2}, {0, 1}};
                  for (int k = 0; k < 3; ++k)
                  {
                    a[3 + k][pairs[k][0]][pairs[k][1]] = s;
                    a[3 + k][pairs[k][1]][pairs[k][0]] = s;
                  }
                  return m;
                });
}

at::Tensor
levi_civita(const TensorOptions & options)
{
  return cached("levi_civita", options,
                [](const at::TensorOptions & o)
                {
                  auto e = at::zeros({3, 3, 3}, o);
                  auto a = e.accessor<double, 3>();
                  a[0][1][2] = a[1][2][0] = a[2][0][1] = 1.0;
                  a[0][2][1] = a[2][1][0] = a[1][0][2] = -1.0;
                  return e;
                });
}

at::Tensor
skew_map(const TensorOptions & options)
{
  // W_ij = -e_ijk w_k, i.e. W = [[0, -w3, w2], [w3, 0, -w1], [-w2, w1, 0]]
  return cached("skew", options, [](const at::TensorOptions & o) { return levi_civita(o).neg(); });
}

at::Tensor
sr2_identity(const TensorOptions & options)
{
  return cached("sr2_identity", options,
                [](const at::TensorOptions & o) {
                  return at::tensor({1.0, 1.0, 1.0, 0.0, 0.0, 0.0}, o);
                });
}

at::Tensor
sr2_shear_mask(const TensorOptions & options)
{
  return cached("sr2_shear_mask", options,
                [](const at::TensorOptions & o) {
                  return at::tensor({0.0, 0.0, 0.0, 1.0, 1.0, 1.0}, o);
                });
}

at::Tensor
quaternion_conjugation(const TensorOptions & options)
{
  return cached("quaternion_conjugation", options,
                [](const at::TensorOptions & o) {
                  return at::tensor({1.0, -1.0, -1.0, -1.0}, o);
                });
}

at::Tensor
eye(Size n, const TensorOptions & options)
{
  return at::eye(n, options);
}
} // namespace neml2::constants
