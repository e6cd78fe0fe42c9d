// The common interface of maps from the Cauchy stress to the Mandel stress, the stress measure
// that drives plastic flow.
#pragma once

#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"

namespace neml2
{
class MandelStress : public Model
{
public:
  static OptionSet expected_options();
  explicit MandelStress(const OptionSet & options);

protected:
  const Variable<SR2> & _S;
  Variable<SR2> & _M;
};
} // namespace neml2
