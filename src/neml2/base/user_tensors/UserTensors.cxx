#include "neml2/base/user_tensors/UserTensors.h"
#include "neml2/base/Registry.h"
#include "neml2/tensors/constants.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"

#include <ATen/ops/empty.h>
#include <ATen/ops/full.h>
#include <ATen/ops/tensor.h>
#include <sstream>

namespace neml2
{
namespace
{
Size
numel(TensorShapeRef s)
{
  Size n = 1;
  for (auto v : s)
    n *= v;
  return n;
}

template <class T>
TensorShape
base_shape_of(const OptionSet & options)
{
  if constexpr (std::is_same_v<T, Tensor>)
    return options.get<TensorShape>("base_shape");
  else
  {
    const auto s = T::const_base_sizes();
    return TensorShape(s.begin(), s.end());
  }
}

template <class T>
std::string
type_name()
{
  return TensorTypeName<T>::value;
}
} // namespace

// ---- components written out ----

template <class T>
OptionSet
UserPrimitiveTensor<T>::expected_options()
{
  auto options = TensorProvider::expected_options();
  options.doc() = "A tensor of type " + type_name<T>() +
                  " written out by its stored components (row-major, base components last; SR2 "
                  "components in Mandel form, shears already scaled by sqrt(2)).";
  options.add_required<std::vector<double>>(
      "values",
      "The components: one tensor's worth (copied to every batch entry), or one per batch entry "
      "and component.");
  add_batch_options(options);
  return options;
}

template <class T>
UserPrimitiveTensor<T>::UserPrimitiveTensor(const OptionSet & options) : TensorProvider(options)
{
  const auto & values = options.get<std::vector<double>>("values");
  const auto base = base_shape_of<T>(options);
  const auto b = batch_layout();
  const auto n = static_cast<Size>(values.size());
  const auto per = numel(base), all = per * b.numel();
  const auto raw = at::tensor(values, creation_options());
  if (n == per)
    _value = expand_to_batch(raw.reshape(base));
  else if (n == all)
  {
    TensorShape full(b.shape);
    full.append(base.begin(), base.end());
    _value = Tensor(raw.reshape(full), b.dynamic_dim, b.intmd_dim);
  }
  else
  {
    std::ostringstream shape;
    OptionTraits<TensorShape>::print(shape, b.shape);
    if (all == per)
      throw option_error("values",
                         utils::stringify("expected ", per, " values (the components of one ",
                                          type_name<T>(), "), got ", n,
                                          "; set batch_shape to give several tensors"));
    throw option_error("values",
                       utils::stringify("expected ", per, " values (one ", type_name<T>(),
                                        ", copied to every batch entry) or ", all, " (batch shape ",
                                        shape.str(), " times ", per, " components), got ", n));
  }
}

OptionSet
UserTensor::expected_options()
{
  auto options = UserPrimitiveTensor<Tensor>::expected_options();
  options.doc() = "A general tensor written out by its components (row-major).";
  options.add<TensorShape>("base_shape", "Base shape of the tensor, e.g. (3,3); () for a scalar.");
  return options;
}

UserTensor::UserTensor(const OptionSet & options)
    : TensorProvider(options), _value(UserPrimitiveTensor<Tensor>(options).tensor())
{
}

// ---- filled with one value ----

template <class T, FillKind K>
OptionSet
FilledTensor<T, K>::expected_options()
{
  auto options = TensorProvider::expected_options();
  const auto what = type_name<T>();
  switch (K)
  {
  case FillKind::Full:
    options.doc() = "A tensor of type " + what + " with every component equal to `value`.";
    options.add_required<double>("value", "The value of every component.");
    break;
  case FillKind::Zeros:
    options.doc() = "A tensor of type " + what + " filled with zeros.";
    break;
  case FillKind::Ones:
    options.doc() = "A tensor of type " + what + " filled with ones.";
    break;
  case FillKind::Empty:
    options.doc() =
        "A tensor of type " + what + " with uninitialised components (to be overwritten).";
    break;
  }
  add_batch_options(options);
  if constexpr (std::is_same_v<T, Tensor>)
    options.add<TensorShape>("base_shape", "Base shape, e.g. (3,3); () for a scalar.");
  return options;
}

template <class T, FillKind K>
FilledTensor<T, K>::FilledTensor(const OptionSet & options) : TensorProvider(options)
{
  const auto b = batch_layout();
  TensorShape full(b.shape);
  const auto base = base_shape_of<T>(options);
  full.append(base.begin(), base.end());
  const auto o = creation_options();
  at::Tensor t;
  switch (K)
  {
  case FillKind::Full:
    t = at::full(full, options.get<double>("value"), o);
    break;
  case FillKind::Zeros:
    t = at::full(full, 0.0, o);
    break;
  case FillKind::Ones:
    t = at::full(full, 1.0, o);
    break;
  case FillKind::Empty:
    t = at::empty(full, o);
    break;
  }
  _value = Tensor(t, b.dynamic_dim, b.intmd_dim);
}

// ---- identity ----

OptionSet
IdentityTensor::expected_options()
{
  auto options = TensorProvider::expected_options();
  options.doc() = "The n x n identity matrix (a general Tensor of base shape (n,n)), batched.";
  options.add_required<Size>("n", "Size of the matrix.");
  add_batch_options(options);
  return options;
}

IdentityTensor::IdentityTensor(const OptionSet & options) : TensorProvider(options)
{
  const auto n = options.get<Size>("n");
  if (n < 1)
    throw option_error("n", utils::stringify("must be positive, got ", n));
  _value = expand_to_batch(constants::eye(n, creation_options()));
}

// ---- registration: every primitive type, its NEML2 aliases, and the general Tensor ----

template <class T>
using FullOf = FilledTensor<T, FillKind::Full>;
template <class T>
using ZerosOf = FilledTensor<T, FillKind::Zeros>;
template <class T>
using OnesOf = FilledTensor<T, FillKind::Ones>;
template <class T>
using EmptyOf = FilledTensor<T, FillKind::Empty>;

#define NEML2_REGISTER_USER_TENSORS(T, name)                                                       \
  register_NEML2_object_alias(UserPrimitiveTensor<T>, name);                                       \
  register_NEML2_object_alias(NEML2_FILLED(T, Full), "Full" name);                                 \
  register_NEML2_object_alias(NEML2_FILLED(T, Zeros), "Zeros" name);                               \
  register_NEML2_object_alias(NEML2_FILLED(T, Ones), "Ones" name);                                 \
  register_NEML2_object_alias(NEML2_FILLED(T, Empty), "Empty" name);
#define NEML2_FILLED(T, K) K##Of<T>
#define NEML2_REGISTER_PRIMITIVE(T) NEML2_REGISTER_USER_TENSORS(T, #T)
#define NEML2_REGISTER_ALIAS(alias, T) NEML2_REGISTER_USER_TENSORS(T, #alias)
NEML2_FOR_ALL_PRIMITIVE_TENSORS(NEML2_REGISTER_PRIMITIVE)
NEML2_FOR_ALL_TENSOR_ALIASES(NEML2_REGISTER_ALIAS)
register_NEML2_object_alias(UserTensor, "Tensor");
register_NEML2_object_alias(NEML2_FILLED(Tensor, Full), "FullTensor");
register_NEML2_object_alias(NEML2_FILLED(Tensor, Zeros), "ZerosTensor");
register_NEML2_object_alias(NEML2_FILLED(Tensor, Ones), "OnesTensor");
register_NEML2_object_alias(NEML2_FILLED(Tensor, Empty), "EmptyTensor");
register_NEML2_object(IdentityTensor);
#undef NEML2_REGISTER_ALIAS
#undef NEML2_REGISTER_PRIMITIVE
#undef NEML2_FILLED
#undef NEML2_REGISTER_USER_TENSORS
} // namespace neml2
