// A weighted sum of variables of one tensor type, u = sum_i c_i v_i. The weights are buffers, or
// (trainable) parameters that may themselves be variables or outputs of other models.
#pragma once

#include <vector>

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class LinearCombination : public Model
{
public:
  static OptionSet expected_options();
  explicit LinearCombination(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  std::vector<const Variable<T> *> _from;
  Variable<T> & _to;
  /// c_i, one per variable (each a buffer, a parameter or a nonlinear parameter's value).
  std::vector<const Scalar *> _coefs;
  /// The input variable standing for c_i when it is a nonlinear parameter, else nullptr.
  std::vector<const VariableBase *> _coef_vars;
};

using ScalarLinearCombination = LinearCombination<Scalar>;
using VecLinearCombination = LinearCombination<Vec>;
using SR2LinearCombination = LinearCombination<SR2>;
} // namespace neml2
