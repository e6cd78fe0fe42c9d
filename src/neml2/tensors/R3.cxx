#include "neml2/tensors/R3.h"
#include "neml2/tensors/SFR3.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/einsum.h"

namespace neml2
{
R3::R3(const SFR3 & sym)
    : R3(einsum("mk,mij->ijk", {sym, neml2::Tensor(constants::mandel_map(sym.options()), 0)}))
{
}

R3
R3::levi_civita(const TensorOptions & options)
{
  return R3(constants::levi_civita(options), 0);
}
} // namespace neml2
