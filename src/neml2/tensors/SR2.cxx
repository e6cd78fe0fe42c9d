#include "neml2/tensors/SR2.h"

#include <ATen/ops/tensor.h>
#include <cmath>

namespace neml2
{
SR2
SR2::fill(double a, const TensorOptions & options)
{
  return fill(a, a, a, options);
}

SR2
SR2::fill(double a11, double a22, double a33, const TensorOptions & options)
{
  return fill(a11, a22, a33, 0, 0, 0, options);
}

SR2
SR2::fill(double a11, double a22, double a33, double a23, double a13, double a12,
          const TensorOptions & options)
{
  const double s = std::sqrt(2.0);
  return SR2(at::tensor({a11, a22, a33, s * a23, s * a13, s * a12}, options), 0);
}
} // namespace neml2
