#include "neml2/misc/types.h"
#include "neml2/misc/torch_compat.h"

namespace neml2
{
namespace
{
TensorOptions &
default_options_storage()
{
  static TensorOptions opts = TensorOptions().dtype(kFloat64).device(kCPU);
  return opts;
}
} // namespace

TensorOptions
default_tensor_options()
{
  return default_options_storage();
}

void
set_default_dtype(Dtype dtype)
{
  default_options_storage() = default_options_storage().dtype(dtype);
}

void
set_default_device(Device device)
{
  default_options_storage() = default_options_storage().device(device);
}

const char *
torch_version_string()
{
  return TORCH_VERSION;
}
} // namespace neml2
