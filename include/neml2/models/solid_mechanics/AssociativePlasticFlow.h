// Associative plastic flow: the plastic strain rate along the flow direction, Ep_rate = gamma_rate
// NM, with NM = df/dM from Normality.
#pragma once

#include "neml2/models/solid_mechanics/FlowRule.h"
#include "neml2/tensors/SR2.h"

namespace neml2
{
class AssociativePlasticFlow : public FlowRule
{
public:
  static OptionSet expected_options();
  explicit AssociativePlasticFlow(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<SR2> & _NM;
  Variable<SR2> & _Ep_dot;
};
} // namespace neml2
