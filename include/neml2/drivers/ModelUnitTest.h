// The ModelUnitTest driver: evaluates one model on given inputs and checks its outputs, its first
// (and optionally second) derivatives against finite differences, its parameter derivatives by
// automatic differentiation against finite differences, and JIT results against eager ones.
#pragma once

#include <string>
#include <vector>

#include "neml2/drivers/Driver.h"
#include "neml2/models/Model.h"

namespace neml2
{
class ModelUnitTest : public Driver
{
public:
  static OptionSet expected_options();
  explicit ModelUnitTest(const OptionSet & options);

  bool run() override;

  /// What failed in the last run (empty when everything passed).
  const std::vector<std::string> & failures() const { return _failures; }

private:
  /// Model inputs: every input zero, unbatched, then the listed ones.
  ValueMap inputs() const;
  /// Expected outputs, by name.
  ValueMap expected_outputs() const;

  void check_values(const ValueMap & in);
  void check_derivatives(const ValueMap & in);
  void check_second_derivatives(const ValueMap & in);
  void check_parameter_derivatives(const ValueMap & in);
  void check_jit(const ValueMap & in);
  void run_checks(const ValueMap & in, const std::string & where);

  /// Record a failure if a and b differ beyond rtol/atol (shapes broadcast).
  void compare(const std::string & what, const at::Tensor & actual, const at::Tensor & expected,
               double rtol, double atol);

  Model & _model;
  std::vector<std::string> _failures;
};
} // namespace neml2
