#include "neml2/tensors/SFR3.h"
#include "neml2/tensors/R3.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/functions/einsum.h"

namespace neml2
{
SFR3::SFR3(const R3 & full)
    : SFR3(einsum("ijk,mij->mk", {full, neml2::Tensor(constants::mandel_map(full.options()), 0)}))
{
}
} // namespace neml2
