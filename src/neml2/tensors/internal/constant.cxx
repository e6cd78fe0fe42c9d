#include "internal/constant.h"

#include <ATen/TracerMode.h>
#include <ATen/ops/tensor.h>

namespace neml2::detail
{
at::Tensor
constant_tensor(const std::vector<double> & values, TensorShapeRef shape,
                const TensorOptions & options)
{
  at::tracer::impl::NoTracerDispatchMode no_trace;
  return at::tensor(values, at::TensorOptions().dtype(at::kDouble))
      .reshape(shape)
      .to(options.device(), c10::typeMetaToScalarType(options.dtype()));
}
} // namespace neml2::detail
