// Perzyna's viscoplastic flow rate: a power law of the positive part of the yield function.
#pragma once

#include "neml2/models/solid_mechanics/PlasticFlowRate.h"

namespace neml2
{
class PerzynaPlasticFlowRate : public PlasticFlowRate
{
public:
  static OptionSet expected_options();
  explicit PerzynaPlasticFlowRate(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Scalar & _eta;
  const Scalar & _n;
};
} // namespace neml2
