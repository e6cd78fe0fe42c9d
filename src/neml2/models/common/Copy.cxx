#include "neml2/models/common/Copy.h"
#include "neml2/tensors/derivatives.h"
#include "neml2/tensors/tensors.h"

namespace neml2
{
#define NEML2_REGISTER_COPY(T)                                                                     \
  using Copy##T = Copy<T>;                                                                         \
  register_NEML2_object(Copy##T);                                                                  \
  template class Copy<T>;

template <class T>
OptionSet
Copy<T>::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = std::string("Copy a ") + TensorTypeName<T>::value +
                  " variable to another name: to = from, d(to)/d(from) = I. For example, present "
                  "residual/S as residual/mixed_state, the residual of the unknown an "
                  "ImplicitUpdate solves for.";
  options.add_required<VariableName>("from", "The variable copied.");
  options.add_required<VariableName>("to", "The copy.");
  return options;
}

template <class T>
Copy<T>::Copy(const OptionSet & options)
    : Model(options),
      _from(declare_input_variable<T>("from")),
      _to(declare_output_variable<T>("to"))
{
  if (_from.name() == _to.name())
    throw option_error("to", "'" + _to.name().str() + "' is also the variable copied (from)");
}

template <class T>
void
Copy<T>::set_value(const Request & request)
{
  if (request.wants_values())
    _to = _from.value();
  if (request.wants_derivatives())
    _to.d(_from) = identity_map<T>(_from.value().options());
  // second derivatives: zero
}

NEML2_FOR_ALL_FLOATING_PRIMITIVE_TENSORS(NEML2_REGISTER_COPY)
} // namespace neml2
