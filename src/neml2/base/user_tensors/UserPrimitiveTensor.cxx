#include "neml2/base/user_tensors/UserPrimitiveTensor.h"
#include "neml2/base/Registry.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"

#include <ATen/ops/tensor.h>

namespace neml2
{
template <class T>
OptionSet
UserPrimitiveTensor<T>::expected_options()
{
  auto options = TensorProvider::expected_options();
  options.doc() = std::string("A ") + TensorTypeName<T>::value +
                  " written out by its components (row-major, base components last).";
  options.add_required<std::vector<double>>(
      "values",
      "The components: one tensor's worth for an unbatched tensor, or that many times the number "
      "of batch entries.");
  options.add<TensorShape>("batch_shape",
                           "Batch shape, e.g. (20) or (5,4). Without it, the values form one "
                           "tensor, or a 1-D batch if there are several tensors' worth.");
  return options;
}

template <class T>
UserPrimitiveTensor<T>::UserPrimitiveTensor(const OptionSet & options) : TensorProvider(options)
{
  const auto & values = options.get<std::vector<double>>("values");
  const auto base = T::const_base_sizes();
  Size base_numel = 1;
  for (auto s : base)
    base_numel *= s;
  const auto n = static_cast<Size>(values.size());

  TensorShape batch;
  if (options.user_specified("batch_shape"))
    batch = options.get<TensorShape>("batch_shape");
  else if (n != base_numel)
  {
    if (n % base_numel != 0)
      throw option_error("values",
                         utils::stringify(n, " values do not make whole ", TensorTypeName<T>::value,
                                          "s (", base_numel, " components each)"));
    batch = {n / base_numel};
  }
  Size batch_numel = 1;
  for (auto s : batch)
    batch_numel *= s;
  if (n != batch_numel * base_numel)
    throw option_error("values", utils::stringify("expected ", batch_numel * base_numel,
                                                  " values (", batch_numel, " batch entries of ",
                                                  base_numel, " components), got ", n));
  TensorShape shape(batch);
  shape.append(base.begin(), base.end());
  _value = T(at::tensor(values, default_tensor_options()).reshape(shape),
             static_cast<Size>(batch.size()));
}

template <class T>
std::string
UserPrimitiveTensor<T>::tensor_type() const
{
  return TensorTypeName<T>::value;
}

#define NEML2_REGISTER_USER_PRIMITIVE(T)                                                           \
  template class UserPrimitiveTensor<T>;                                                           \
  register_NEML2_object_alias(UserPrimitiveTensor<T>, #T);
NEML2_FOR_ALL_PRIMITIVE_TENSORS(NEML2_REGISTER_USER_PRIMITIVE)
#undef NEML2_REGISTER_USER_PRIMITIVE
} // namespace neml2
