// A parameter given by an input variable: copies the variable to parameters/<model name>, so that
// models taking that parameter read it from the variable.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class InputParameter : public Model
{
public:
  static OptionSet expected_options();
  explicit InputParameter(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<T> & _from;
  Variable<T> & _p;
};
} // namespace neml2
