#include "neml2/models/common/ConstantParameter.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
#define NEML2_REGISTER_CONSTANT_PARAMETER(T)                                                       \
  using T##ConstantParameter = ConstantParameter<T>;                                               \
  register_NEML2_object(T##ConstantParameter);                                                     \
  template class ConstantParameter<T>;

template <class T>
OptionSet
ConstantParameter<T>::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = std::string("A ") + TensorTypeName<T>::value +
                  " parameter as a model: its value is the output parameters/<model name>, so "
                  "that other models can take it by the model's name.";
  options.add_required<TensorName<T>>(
      "value", "The value (a parameter named value). It may also be a variable name or another "
               "model's name, which makes the parameter an input of this model.");
  return options;
}

template <class T>
ConstantParameter<T>::ConstantParameter(const OptionSet & options)
    : Model(options),
      _value(declare_parameter<T>("value", "value", /*allow_nonlinear=*/true)),
      _p(declare_output_variable<T>(VariableName("parameters", name())))
{
}

template <class T>
void
ConstantParameter<T>::set_value(const Request & request)
{
  if (request.wants_values())
    _p = _value;
  if (request.wants_derivatives())
    if (const auto * v = nl_param("value"))
      _p.d(*v) = identity_map<T>(_value.options());
}

NEML2_FOR_ALL_FLOATING_PRIMITIVE_TENSORS(NEML2_REGISTER_CONSTANT_PARAMETER)
} // namespace neml2
