// The yield function of classical macroscale plasticity: the effective stress in excess of the
// yield stress and the isotropic hardening.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
class YieldFunction : public Model
{
public:
  static OptionSet expected_options();
  explicit YieldFunction(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  const Variable<Scalar> & _s;
  /// The isotropic hardening, when the option names one.
  const Variable<Scalar> * _h;
  Variable<Scalar> & _f;
  const Scalar & _sy;
};
} // namespace neml2
