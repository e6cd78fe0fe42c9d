#include "neml2/models/Variable.h"
#include "neml2/models/Model.h"
#include "neml2/misc/error.h"

namespace neml2
{
VariableBase::VariableBase(VariableName name, const Model * owner, std::string type,
                           TensorShape base_sizes)
    : _name(std::move(name)),
      _owner(owner),
      _type(std::move(type)),
      _base_sizes(std::move(base_sizes))
{
}

void
VariableBase::set(const Tensor & value)
{
  NEML2_CHECK(value.defined(), ShapeError, "model '", _owner->name(), "': variable '", _name,
              "' assigned an undefined tensor");
  NEML2_CHECK(value.base_sizes() == TensorShapeRef(_base_sizes), ShapeError, "model '",
              _owner->name(), "': variable '", _name, "' is a ", _type, " with base shape ",
              TensorShapeRef(_base_sizes), ", got a tensor of shape ", value.shape_str());
  _value = value;
}

std::string
VariableBase::describe() const
{
  return _name.str() + " [" + _type + "]";
}
} // namespace neml2
