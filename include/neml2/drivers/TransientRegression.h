// Runs a transient driver and compares every stored input and output of every step with a gold
// result file (same entries, values within rtol/atol, shapes broadcast).
#pragma once

#include "neml2/drivers/Driver.h"

namespace neml2
{
class TransientDriver;

class TransientRegression : public Driver
{
public:
  static OptionSet expected_options();
  explicit TransientRegression(const OptionSet & options);

  bool run() override;
  void diagnose(std::vector<std::string> & problems) const override;

private:
  TransientDriver & _driver;
  const std::string _reference;
  const double _rtol;
  const double _atol;
};
} // namespace neml2
