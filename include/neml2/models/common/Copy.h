// A variable copied under another name (output = input, derivative the identity), e.g. to present
// a residual under the name of the unknown an ImplicitUpdate solves for.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class Copy : public Model
{
public:
  static OptionSet expected_options();
  explicit Copy(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<T> & _from;
  Variable<T> & _to;
};
} // namespace neml2
