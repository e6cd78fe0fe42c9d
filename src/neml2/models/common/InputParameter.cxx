#include "neml2/models/common/InputParameter.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/derivatives.h"

namespace neml2
{
#define NEML2_REGISTER_INPUT_PARAMETER(T)                                                          \
  using T##InputParameter = InputParameter<T>;                                                     \
  register_NEML2_object(T##InputParameter);                                                        \
  template class InputParameter<T>;

template <class T>
OptionSet
InputParameter<T>::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = std::string("A ") + TensorTypeName<T>::value +
                  " parameter given by an input variable: the variable is copied to "
                  "parameters/<model name>, so that other models can take it by the model's name.";
  options.add_required<VariableName>("from", "The input variable that gives the parameter.");
  return options;
}

template <class T>
InputParameter<T>::InputParameter(const OptionSet & options)
    : Model(options),
      _from(declare_input_variable<T>("from")),
      _p(declare_output_variable<T>(VariableName("parameters", name())))
{
  if (_from.name() == _p.name())
    throw option_error("from",
                       "the input variable must differ from the output '" + _p.name().str() + "'");
}

template <class T>
void
InputParameter<T>::set_value(const Request & request)
{
  if (request.wants_values())
    _p = _from.value();
  if (request.wants_derivatives())
    _p.d(_from) = identity_map<T>(_from.value().options());
}

NEML2_FOR_ALL_FLOATING_PRIMITIVE_TENSORS(NEML2_REGISTER_INPUT_PARAMETER)
} // namespace neml2
