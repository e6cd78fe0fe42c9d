#include "neml2/base/user_tensors/SpacedTensors.h"
#include "neml2/base/EnumSelection.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"

namespace neml2
{
template <class T, bool Log>
OptionSet
SpacedTensor<T, Log>::expected_options()
{
  auto options = TensorProvider::expected_options();
  const std::string what = TensorTypeName<T>::value;
  options.doc() = Log ? "base^x for x = " + what +
                            "s evenly spaced from `start` to `end` (inclusive) along a new batch "
                            "dimension."
                      : what +
                            "s evenly spaced from `start` to `end` (inclusive) along a new batch "
                            "dimension.";
  options.add_required<TensorName<T>>("start",
                                      "The first " + what + " (a number or a tensor name).");
  options.add_required<TensorName<T>>("end", "The last " + what + " (a number or a tensor name).");
  options.add_required<Size>("nstep", "Number of points (one point gives the start).");
  options.add<Size>("dim", 0,
                    "Position of the new dimension among the batch dimensions of its group "
                    "(negative counts from the end).");
  options.add<EnumSelection>("group", EnumSelection({"dynamic", "intermediate"}, "dynamic"),
                             "Whether the new dimension is a dynamic or an intermediate batch "
                             "dimension.");
  if (Log)
    options.add<double>("base", 10.0, "The base of the exponent.");
  return options;
}

template <class T, bool Log>
SpacedTensor<T, Log>::SpacedTensor(const OptionSet & options) : TensorProvider(options)
{
  const auto start = options.get<TensorName<T>>("start").resolve(factory());
  const auto end = options.get<TensorName<T>>("end").resolve(factory());
  const auto n = options.get<Size>("nstep");
  if (n < 1)
    throw option_error("nstep", utils::stringify("needs at least 1 point, got ", n));
  const auto group = options.get<EnumSelection>("group").selected() == "dynamic"
                         ? BatchGroup::Dynamic
                         : BatchGroup::Intermediate;
  const auto dim = options.get<Size>("dim");
  try
  {
    if constexpr (Log)
      _value = detail::logspace(start, end, n, dim, group, options.get<double>("base"));
    else
      _value = detail::linspace(start, end, n, dim, group);
  }
  catch (const ShapeError & e)
  {
    throw option_error("dim", e.message());
  }
}

#define NEML2_REGISTER_SPACED(T, name)                                                             \
  register_NEML2_object_alias(LinspaceOf<T>, "Linspace" name);                                     \
  register_NEML2_object_alias(LogspaceOf<T>, "Logspace" name);
template <class T>
using LinspaceOf = SpacedTensor<T, false>;
template <class T>
using LogspaceOf = SpacedTensor<T, true>;
#define NEML2_REGISTER_PRIMITIVE(T) NEML2_REGISTER_SPACED(T, #T)
#define NEML2_REGISTER_ALIAS(alias, T) NEML2_REGISTER_SPACED(T, #alias)
NEML2_FOR_ALL_TENSORS(NEML2_REGISTER_PRIMITIVE)
NEML2_FOR_ALL_TENSOR_ALIASES(NEML2_REGISTER_ALIAS)
#undef NEML2_REGISTER_ALIAS
#undef NEML2_REGISTER_PRIMITIVE
#undef NEML2_REGISTER_SPACED
} // namespace neml2
