// The one place where differences between libtorch versions are absorbed.
// Library code spells version-sensitive names through this header only.
#pragma once

#include <c10/util/Optional.h>
#include <torch/csrc/api/include/torch/version.h>

/// True when the libtorch we build against is at least MAJOR.MINOR.
#define NEML2_TORCH_AT_LEAST(major, minor)                                                         \
  (TORCH_VERSION_MAJOR > (major) ||                                                                \
   (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace neml2
{
// c10::optional became an alias of std::optional in libtorch 2.4; spelling it through this alias
// keeps calls into libtorch APIs that take c10::optional valid on every version.
template <typename T>
using TorchOptional = c10::optional<T>;
inline constexpr auto torch_nullopt = c10::nullopt;

/// The libtorch version this library was compiled against, as "MAJOR.MINOR.PATCH".
const char * torch_version_string();
} // namespace neml2
