// The common interface of plastic flow rates: maps from the yield function to the flow rate.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
class PlasticFlowRate : public Model
{
public:
  static OptionSet expected_options();
  explicit PlasticFlowRate(const OptionSet & options);

protected:
  const Variable<Scalar> & _f;
  Variable<Scalar> & _gamma_dot;
};
} // namespace neml2
