// Runs a transient driver and compares result variables, step by step, with reference time series
// (e.g. from a .vtest table computed by an independent code).
#pragma once

#include "neml2/drivers/Driver.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
class TransientDriver;

class VTestVerification : public Driver
{
public:
  static OptionSet expected_options();
  explicit VTestVerification(const OptionSet & options);

  bool run() override;
  void diagnose(std::vector<std::string> & problems) const override;

private:
  TransientDriver & _driver;
  std::vector<std::string> _variables;
  std::vector<Tensor> _references;
  const double _rtol;
  const double _atol;
};
} // namespace neml2
