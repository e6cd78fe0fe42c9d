#include "neml2/tensors/Vec.h"

#include <ATen/ops/tensor.h>

namespace neml2
{
Vec
Vec::fill(double x, double y, double z, const TensorOptions & options)
{
  return Vec(at::tensor({x, y, z}, options), 0);
}
} // namespace neml2
