// Mixed stress/strain control: per Mandel component, a control signal says whether the prescribed
// value (fixed_values) is the stress or the strain; the other one is the unknown mixed state.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"

namespace neml2
{
class MixedControlSetup : public Model
{
public:
  static OptionSet expected_options();
  explicit MixedControlSetup(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const SR2 & _threshold;
  const Variable<SR2> & _control;
  const Variable<SR2> & _fixed_values;
  const Variable<SR2> & _mixed_state;
  Variable<SR2> & _above;
  Variable<SR2> & _below;
};
} // namespace neml2
