// A model made of other models, wired by variable names: each variable has one provider, the
// sub-models run in dependency order, and the result is itself a model.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
class ComposedModel : public Model
{
public:
  static OptionSet expected_options();
  explicit ComposedModel(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  /// Copy `src`'s value into `dst` before a sub-model runs (or into an output after the last).
  struct Link
  {
    VariableBase * dst;
    const VariableBase * src;
  };
  struct Step
  {
    Model * model;
    std::vector<Link> inputs;
  };
  std::vector<Step> _steps;
  std::vector<Link> _outputs;
};
} // namespace neml2
