// Small deformation, total formulation: the strain (or stress) of every step is prescribed.
#pragma once

#include "neml2/drivers/solid_mechanics/SolidMechanicsDriver.h"

namespace neml2
{
class SDTSolidMechanicsDriver : public SolidMechanicsDriver
{
public:
  static OptionSet expected_options();
  explicit SDTSolidMechanicsDriver(const OptionSet & options);
};
} // namespace neml2
