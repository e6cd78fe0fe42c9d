#include "neml2/base/TensorProvider.h"
#include "neml2/misc/error.h"

namespace neml2
{
OptionSet
TensorProvider::expected_options()
{
  auto options = NEML2Object::expected_options();
  options.section() = "Tensors";
  return options;
}

TensorProvider::TensorProvider(const OptionSet & options) : NEML2Object(options) {}

void
TensorProvider::add_batch_options(OptionSet & options)
{
  options.add<TensorShape>("batch_shape", "Batch shape, e.g. (20) or (5,4); () for one tensor.");
  options.add<Size>("intermediate_dimension", 0,
                    "How many trailing dimensions of batch_shape are intermediate batch dimensions "
                    "(fixed in a traced graph, e.g. slip systems) rather than dynamic ones.");
}

Size
TensorProvider::BatchLayout::numel() const
{
  Size n = 1;
  for (auto s : shape)
    n *= s;
  return n;
}

TensorProvider::BatchLayout
TensorProvider::batch_layout() const
{
  const auto & shape = input_options().get<TensorShape>("batch_shape");
  const auto intmd = input_options().get<Size>("intermediate_dimension");
  if (intmd < 0 || intmd > static_cast<Size>(shape.size()))
    throw option_error("intermediate_dimension",
                       utils::stringify("must be between 0 and the number of batch dimensions (",
                                        shape.size(), "), got ", intmd));
  return {shape, static_cast<Size>(shape.size()) - intmd, intmd};
}

Tensor
TensorProvider::expand_to_batch(const at::Tensor & base) const
{
  const auto b = batch_layout();
  TensorShape full(b.shape);
  full.append(base.sizes().begin(), base.sizes().end());
  return Tensor(base.expand(full).contiguous(), b.dynamic_dim, b.intmd_dim);
}
} // namespace neml2
