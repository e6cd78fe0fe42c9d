// Normality: the first derivatives of a scalar function (the output of another model) with
// respect to some of its arguments, stored as variables, e.g. the flow direction df/dM.
#pragma once

#include <vector>

#include "neml2/models/Model.h"

namespace neml2
{
class Normality : public Model
{
public:
  static OptionSet expected_options();
  explicit Normality(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  /// The model computing the function.
  Model & _model;
  /// The function (an output of _model).
  const VariableBase & _f;
  /// Each input of _model and the input of this model that feeds it.
  struct Link
  {
    VariableBase * sub;
    const VariableBase * mine;
  };
  std::vector<Link> _inputs;
  /// Each argument v_i of the function (an input of _model) and the output u_i = df/dv_i.
  struct Pair
  {
    const VariableBase * from;
    VariableBase * to;
  };
  std::vector<Pair> _pairs;
};
} // namespace neml2
