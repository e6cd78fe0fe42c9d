// The common interface of flow rules: maps from the flow rate (the consistency parameter of the
// KKT conditions) to the rates of internal variables.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
class FlowRule : public Model
{
public:
  static OptionSet expected_options();
  explicit FlowRule(const OptionSet & options);

protected:
  const Variable<Scalar> & _gamma_dot;
};
} // namespace neml2
