#include "neml2/tensors/tracing.h"
#include "neml2/misc/error.h"

#include <torch/csrc/jit/frontend/tracer.h>

namespace neml2::tracing
{
bool
is_tracing()
{
  return torch::jit::tracer::isTracing();
}

at::Tensor
traced_size_of(const at::Tensor & t, Size dim)
{
  return torch::jit::tracer::getSizeOf(t, dim);
}

void
stash_int_list_element(const char * arg_name, std::size_t list_size, std::size_t index,
                       const at::Tensor & value)
{
  torch::jit::tracer::ArgumentStash::stashIntArrayRefElem(arg_name, list_size, index, value);
}

void
forbid_while_tracing(const char * what)
{
  NEML2_CHECK(!is_tracing(), NotTraceable, what,
              " reads tensor data or batch sizes as numbers, which a traced graph would freeze "
              "into constants");
}
} // namespace neml2::tracing
