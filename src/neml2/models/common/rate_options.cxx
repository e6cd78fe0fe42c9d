#include "neml2/models/common/rate_options.h"

namespace neml2
{
void
add_rate_options(OptionSet & options, const std::string & rate_doc)
{
  options.add<VariableName>("rate", rate_doc + " Defaults to the variable's name with '_rate' "
                                               "appended (state/a gives state/a_rate).");
  options.add<VariableName>("time", VariableName("forces", "t"), "The time t.");
}

VariableName
rate_name(const OptionSet & options)
{
  if (options.user_specified("rate"))
    return options.get<VariableName>("rate");
  return options.get<VariableName>("variable").with_suffix("_rate");
}
} // namespace neml2
