// The common interface of linear elasticity models: a map from strain to stress (or, in compliance
// form, from stress to strain), optionally between their rates.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"

namespace neml2
{
class Elasticity : public Model
{
public:
  static OptionSet expected_options();
  explicit Elasticity(const OptionSet & options);

protected:
  /// Whether the model maps stress to strain instead of strain to stress.
  const bool _compliance;
  /// Whether the model relates the rates of strain and stress instead of the quantities.
  const bool _rate_form;
  /// The strain (or stress, in compliance form).
  const Variable<SR2> & _from;
  /// The stress (or strain, in compliance form).
  Variable<SR2> & _to;
};
} // namespace neml2
