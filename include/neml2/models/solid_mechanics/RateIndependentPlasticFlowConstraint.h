// The KKT conditions of rate-independent plasticity (flow rate >= 0, yield function <= 0, their
// product = 0) as one equation through the Fischer-Burmeister complementarity function.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
class RateIndependentPlasticFlowConstraint : public Model
{
public:
  static OptionSet expected_options();
  explicit RateIndependentPlasticFlowConstraint(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<Scalar> & _fp;
  const Variable<Scalar> & _gamma_dot;
  Variable<Scalar> & _r;
};
} // namespace neml2
