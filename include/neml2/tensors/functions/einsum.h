// Einstein summation over base dimensions, batch dimensions broadcast.
#pragma once

#include <string>
#include <vector>

#include "neml2/tensors/Tensor.h"

namespace neml2
{
/// einsum over the base dimensions of `operands`: the equation names base indices only
/// ("ij,jk->ik"); batch dimensions (dynamic and intermediate) broadcast and lead the result.
Tensor einsum(const std::string & equation, const std::vector<Tensor> & operands);
} // namespace neml2
