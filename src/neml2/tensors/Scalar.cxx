#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/tracing.h"
#include "neml2/misc/error.h"

#include <ATen/ops/scalar_tensor.h>

namespace neml2
{
Scalar::Scalar(double value, const TensorOptions & options)
    : Scalar(at::scalar_tensor(value, options), 0)
{
}

double
Scalar::item_double() const
{
  tracing::forbid_while_tracing("Scalar::item_double()");
  NEML2_CHECK(!batched(), ShapeError, "item_double() needs an unbatched Scalar, got shape ",
              shape_str());
  return item<double>();
}
} // namespace neml2
