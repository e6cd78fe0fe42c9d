#include "neml2/tensors/MillerIndex.h"
#include "neml2/tensors/Vec.h"

#include <ATen/ops/tensor.h>
#include <ATen/TracerMode.h>

namespace neml2
{
TensorOptions
MillerIndex::default_options()
{
  return default_tensor_options().dtype(kInt64);
}

MillerIndex
MillerIndex::fill(Size h, Size k, Size l, const TensorOptions & options)
{
  at::tracer::impl::NoTracerDispatchMode no_trace;
  return MillerIndex(at::tensor({h, k, l}, at::TensorOptions().dtype(kInt64)).to(options), 0);
}

Vec::Vec(const MillerIndex & m)
    : Vec(m.to(default_tensor_options().device(m.device())), m.dynamic_dim(), m.intmd_dim())
{
}
} // namespace neml2
