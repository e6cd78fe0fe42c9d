// SSR4: a batch of fourth-order tensors with both minor symmetries, stored as 6x6 Mandel
// matrices (the derivative of an SR2 with respect to an SR2).
#pragma once

#include "neml2/tensors/PrimitiveTensor.h"

namespace neml2
{
class SSR4 : public PrimitiveTensor<SSR4, 6, 6>
{
public:
  using PrimitiveTensor<SSR4, 6, 6>::PrimitiveTensor;
  SSR4() = default;
};
} // namespace neml2

#include "neml2/tensors/operators.h"
