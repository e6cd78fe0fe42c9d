// Associative isotropic hardening: the equivalent plastic strain rate ep_rate = -gamma_rate Nk,
// with Nk = df/dk from Normality.
#pragma once

#include "neml2/models/solid_mechanics/FlowRule.h"

namespace neml2
{
class AssociativeIsotropicPlasticHardening : public FlowRule
{
public:
  static OptionSet expected_options();
  explicit AssociativeIsotropicPlasticHardening(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<Scalar> & _Nk;
  Variable<Scalar> & _ep_dot;
};
} // namespace neml2
