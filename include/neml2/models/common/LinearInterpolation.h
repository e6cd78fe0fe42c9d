// Piecewise-linear interpolation of a table (abscissa X, ordinate Y) at an argument x. The last
// batch dimension of X and Y is the table; the segment is found with branch-free masks, so the
// model traces.
#pragma once

#include "neml2/models/Model.h"

namespace neml2
{
template <class T>
class LinearInterpolation : public Model
{
public:
  static OptionSet expected_options();
  explicit LinearInterpolation(const OptionSet & options);

protected:
  void set_value(const Request & request) override;

private:
  /// Abscissa and ordinate, the table along their last intermediate dimension.
  const Scalar & _X;
  const T & _Y;
  const Variable<Scalar> & _x;
  Variable<T> & _y;
};

using ScalarLinearInterpolation = LinearInterpolation<Scalar>;
using VecLinearInterpolation = LinearInterpolation<Vec>;
using SR2LinearInterpolation = LinearInterpolation<SR2>;
} // namespace neml2
