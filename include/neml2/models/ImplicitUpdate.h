// Solves residual(unknowns; givens) = 0 for the unknowns with a nonlinear solver. The residual
// model runs (and is traced) inside; the Newton loop stays outside any trace. Derivatives of the
// solution follow from the implicit function theorem: du/dg = -(dr/du)^{-1} dr/dg.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
class NonlinearSolver;

class ImplicitUpdate : public Model
{
public:
  static OptionSet expected_options();
  explicit ImplicitUpdate(const OptionSet & options);

  bool jit_allowed() const override { return false; }

protected:
  void set_value(const Request & request) override;

private:
  class System;

  Model & _model;
  NonlinearSolver & _solver;
  /// The unknowns (inputs of the implicit model on the state axis) and their residuals.
  std::vector<VariableBase *> _unknowns;
  std::vector<VariableBase *> _residuals;
  /// This model's outputs, one per unknown.
  std::vector<VariableBase *> _solution;
};
} // namespace neml2
