// A parameter as a model: its value is the output parameters/<model name>, so that several models
// can refer to one parameter by the model's name.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class ConstantParameter : public Model
{
public:
  static OptionSet expected_options();
  explicit ConstantParameter(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const T & _value;
  Variable<T> & _p;
};
} // namespace neml2
