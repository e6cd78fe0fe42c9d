// Options shared by the models that relate a variable to its rate in time: VariableRate and the
// backward and forward Euler time integrations.
#pragma once

#include "neml2/base/OptionSet.h"
#include "neml2/models/VariableName.h"

namespace neml2
{
/// Add `rate` (defaulting to the variable's name with `_rate` appended) and `time`.
void add_rate_options(OptionSet & options, const std::string & rate_doc);
/// The rate's name: option `rate` as given, or option `variable`'s name with `_rate` appended.
VariableName rate_name(const OptionSet & options);
} // namespace neml2
