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

Size
VariableBase::base_numel() const
{
  Size n = 1;
  for (auto s : _base_sizes)
    n *= s;
  return n;
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

VariableBase::Slot &
VariableBase::Slot::operator=(const Tensor & value)
{
  const auto & request = _y._owner->current_request();
  if (!request.wants_derivatives_wrt(_x1.name()) ||
      (_x2 && !request.wants_derivatives_wrt(_x2->name())))
    return *this;
  TensorShape expected(_y._base_sizes);
  expected.append(_x1.base_sizes().begin(), _x1.base_sizes().end());
  if (_x2)
    expected.append(_x2->base_sizes().begin(), _x2->base_sizes().end());
  NEML2_CHECK(value.defined(), ShapeError, "model '", _y._owner->name(), "': derivative of '",
              _y._name, "' assigned an undefined tensor");
  NEML2_CHECK(value.base_sizes() == TensorShapeRef(expected), ShapeError, "model '",
              _y._owner->name(), "': d(", _y._name, ")/d(", _x1.name(),
              _x2 ? ")d(" + _x2->name().str() : std::string(), ") must have base shape ",
              TensorShapeRef(expected), ", got a tensor of shape ", value.shape_str());
  if (_x2)
    _y.set_second_derivative_unchecked(_x1, *_x2, value);
  else
    _y.set_derivative_unchecked(_x1, value);
  return *this;
}

VariableBase::Slot
VariableBase::d(const VariableBase & x)
{
  return Slot(*this, x, nullptr);
}

VariableBase::Slot
VariableBase::d(const VariableBase & x1, const VariableBase & x2)
{
  return Slot(*this, x1, &x2);
}

Tensor
VariableBase::derivative(const VariableBase & x) const
{
  for (const auto & [v, t] : _d1)
    if (v == &x)
      return t;
  return Tensor();
}

Tensor
VariableBase::second_derivative(const VariableBase & x1, const VariableBase & x2) const
{
  for (const auto & [vv, t] : _d2)
    if (vv.first == &x1 && vv.second == &x2)
      return t;
  for (const auto & [vv, t] : _d2)
    if (vv.first == &x2 && vv.second == &x1)
    {
      // swap the two input groups of the base dimensions
      const Size ny = base_dim(), n1 = x1.base_dim(), n2 = x2.base_dim();
      std::vector<int64_t> perm;
      const Size b = t.batch_dim();
      for (Size i = 0; i < b + ny; ++i)
        perm.push_back(i);
      for (Size i = 0; i < n1; ++i)
        perm.push_back(b + ny + n2 + i);
      for (Size i = 0; i < n2; ++i)
        perm.push_back(b + ny + i);
      return Tensor(t.permute(perm), t.dynamic_dim(), t.intmd_dim());
    }
  return Tensor();
}

void
VariableBase::set_derivative_unchecked(const VariableBase & x, const Tensor & value)
{
  for (auto & [v, t] : _d1)
    if (v == &x)
    {
      t = value;
      return;
    }
  _d1.emplace_back(&x, value);
}

void
VariableBase::set_second_derivative_unchecked(const VariableBase & x1, const VariableBase & x2,
                                              const Tensor & value)
{
  for (auto & [vv, t] : _d2)
    if (vv.first == &x1 && vv.second == &x2)
    {
      t = value;
      return;
    }
  _d2.emplace_back(std::make_pair(&x1, &x2), value);
}

void
VariableBase::clear_derivatives()
{
  _d1.clear();
  _d2.clear();
}

std::string
VariableBase::describe() const
{
  return _name.str() + " [" + _type + "]";
}
} // namespace neml2
