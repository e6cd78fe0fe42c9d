#include "neml2/jit/TraceKey.h"

#include <functional>
#include <sstream>

namespace neml2::jit
{
TensorSignature
TensorSignature::of(const at::Tensor & t, Size dynamic_dim)
{
  const auto s = t.sizes().slice(static_cast<std::size_t>(dynamic_dim));
  return TensorSignature{t.scalar_type(), t.device(), dynamic_dim, TensorShape(s.begin(), s.end()),
                         t.requires_grad()};
}

std::string
TraceKey::str() const
{
  std::ostringstream os;
  os << what << (grad_mode ? " grad" : "") << " [";
  for (std::size_t i = 0; i < inputs.size(); ++i)
  {
    const auto & s = inputs[i];
    os << (i ? ", " : "") << c10::toString(s.dtype) << ' ' << s.device << " dyn" << s.dynamic_dim
       << " (";
    for (std::size_t j = 0; j < s.trailing_sizes.size(); ++j)
      os << (j ? "," : "") << s.trailing_sizes[j];
    os << ')' << (s.requires_grad ? " grad" : "");
  }
  os << ']';
  return os.str();
}

std::size_t
TraceKeyHash::operator()(const TraceKey & k) const noexcept
{
  std::size_t h = std::hash<std::string>()(k.what) ^ (k.grad_mode ? 0x9e3779b9u : 0u);
  auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); };
  for (const auto & s : k.inputs)
  {
    mix(static_cast<std::size_t>(s.dtype));
    mix(std::hash<c10::Device>()(s.device));
    mix(static_cast<std::size_t>(s.dynamic_dim));
    for (auto v : s.trailing_sizes)
      mix(static_cast<std::size_t>(v));
    mix(s.requires_grad);
  }
  return h;
}
} // namespace neml2::jit
