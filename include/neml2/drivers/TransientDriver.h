// Marches a model through a prescribed time history: at every step the previous step's state
// becomes old_state, the previous forces become old_forces, derived drivers set the new forces,
// a predictor sets the trial state, and the model is evaluated. Results are kept per step and
// can be saved as a TorchScript archive in NEML2's layout (.pt) and as CSV.
#pragma once

#include <string>
#include <vector>

#include "neml2/drivers/Driver.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
class WorkScheduler;

class TransientDriver : public Driver
{
public:
  static OptionSet expected_options();
  explicit TransientDriver(const OptionSet & options);

  bool run() override;

  Model & model() const { return _model; }
  /// What the model saw and produced at every step (step 0: initial conditions).
  const std::vector<ValueMap> & inputs() const { return _result_in; }
  const std::vector<ValueMap> & outputs() const { return _result_out; }
  /// The files results are written to (relative to the working directory).
  const std::vector<std::string> & save_as() const { return _save_as; }
  /// The (last) .pt file among save_as; empty when there is none.
  std::string pt_file() const;
  /// The number of steps, including step 0.
  Size nsteps() const { return _nsteps; }

  void diagnose(std::vector<std::string> & problems) const override;

protected:
  /// Set the forces of step `_step` in `_in`; derived drivers add their driving forces.
  virtual void update_forces();
  /// Adjust the trial state after the predictor set it (e.g. a warm-up guess).
  virtual void after_predictor() {}
  /// Row `step` of a prescribed history (its first dynamic dimension is the step index).
  static Tensor at_step(const Tensor & history, Size step);
  /// Check that a prescribed history has a step dimension matching the time's.
  void check_history(const Tensor & history, const std::string & option,
                     std::vector<std::string> & problems) const;

  Model & _model;
  /// The persistent input map (never cleared between steps).
  ValueMap _in;
  Size _step = 0;
  const VariableName _time_name;
  const Scalar _time;

private:
  void apply_initial_conditions();
  void apply_predictor();
  ValueMap evaluate_model();
  void save() const;

  const Size _nsteps;
  const std::string _predictor;
  const Device _device;
  WorkScheduler * _scheduler = nullptr;
  std::vector<std::string> _save_as;
  ValueMap _ic;
  std::vector<ValueMap> _result_in;
  std::vector<ValueMap> _result_out;
};
} // namespace neml2
