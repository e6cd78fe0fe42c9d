// Models that exist only for the tests: one with a parameter and a buffer (to check that they are
// graph inputs), and one that cannot be traced (to check the eager fallback).
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"

namespace neml2
{
/// y = a * x + b, with a a parameter and b a buffer.
class TestAffine : public Model
{
public:
  static OptionSet expected_options()
  {
    auto options = Model::expected_options();
    options.doc() = "Test model y = a x + b.";
    options.add<VariableName>("x", VariableName("state", "x"), "Input.");
    options.add<VariableName>("y", VariableName("state", "y"), "Output.");
    options.add<TensorName<Scalar>>("a", TensorName<Scalar>("2"), "Slope (a parameter).");
    options.add<TensorName<Scalar>>("b", TensorName<Scalar>("1"), "Offset (a buffer).");
    return options;
  }

  explicit TestAffine(const OptionSet & options)
      : Model(options),
        _x(declare_input_variable<Scalar>("x")),
        _y(declare_output_variable<Scalar>("y")),
        _a(declare_parameter<Scalar>("a", "a")),
        _b(declare_buffer<Scalar>("b", "b"))
  {
  }

protected:
  void set_value(const Request & request) override
  {
    if (request.wants_values())
      _y = _a * _x + _b;
    if (request.wants_derivatives())
      _y.d(_x) = _a;
  }

private:
  const Variable<Scalar> & _x;
  Variable<Scalar> & _y;
  const Scalar & _a;
  const Scalar & _b;
};
register_NEML2_object(TestAffine);

/// y = x * c where c is read as a number: fine eagerly, impossible to trace.
class TestUntraceable : public Model
{
public:
  static OptionSet expected_options()
  {
    auto options = Model::expected_options();
    options.doc() = "Test model that reads a parameter as a number.";
    options.add<VariableName>("x", VariableName("state", "x"), "Input.");
    options.add<VariableName>("y", VariableName("state", "y"), "Output.");
    return options;
  }

  explicit TestUntraceable(const OptionSet & options)
      : Model(options),
        _x(declare_input_variable<Scalar>("x")),
        _y(declare_output_variable<Scalar>("y")),
        _c(declare_parameter<Scalar>("c", Scalar::full(3.0)))
  {
  }

protected:
  void set_value(const Request & request) override
  {
    if (request.wants_values())
      _y = _x * _c.item_double();
  }

private:
  const Variable<Scalar> & _x;
  Variable<Scalar> & _y;
  const Scalar & _c;
};
register_NEML2_object(TestUntraceable);

/// y = 2 x, computed through a reshape to the batch size read as a number: the trace bakes it.
class TestLeakySize : public Model
{
public:
  static OptionSet expected_options()
  {
    auto options = Model::expected_options();
    options.doc() = "Test model whose trace depends on the batch size.";
    options.add<VariableName>("x", VariableName("state", "x"), "Input.");
    options.add<VariableName>("y", VariableName("state", "y"), "Output.");
    return options;
  }

  explicit TestLeakySize(const OptionSet & options)
      : Model(options),
        _x(declare_input_variable<Scalar>("x")),
        _y(declare_output_variable<Scalar>("y"))
  {
  }

protected:
  void set_value(const Request & request) override
  {
    if (!request.wants_values())
      return;
    const at::Tensor x = _x.value();
    _y = Scalar(x.reshape({x.numel()}).mul(2.0).reshape(x.sizes()), _x.value().dynamic_dim());
  }

private:
  const Variable<Scalar> & _x;
  Variable<Scalar> & _y;
};
register_NEML2_object(TestLeakySize);

/// y = 2 x, but it reports dy/dx = 3: the unit-test driver must catch that.
class TestWrongDerivative : public Model
{
public:
  static OptionSet expected_options()
  {
    auto options = Model::expected_options();
    options.doc() = "Test model with a wrong derivative.";
    return options;
  }

  explicit TestWrongDerivative(const OptionSet & options)
      : Model(options),
        _x(declare_input_variable<Scalar>(VariableName("state", "x"))),
        _y(declare_output_variable<Scalar>(VariableName("state", "y")))
  {
  }

protected:
  void set_value(const Request & request) override
  {
    if (request.wants_values())
      _y = 2.0 * _x;
    if (request.wants_derivatives())
      _y.d(_x) = Scalar::full(3.0, _x.value().options());
  }

private:
  const Variable<Scalar> & _x;
  Variable<Scalar> & _y;
};
register_NEML2_object(TestWrongDerivative);

/// residual/x = x^2 - c: no real solution where c < 0.
class TestSquareResidual : public Model
{
public:
  static OptionSet expected_options()
  {
    auto options = Model::expected_options();
    options.doc() = "Test residual x^2 - c.";
    return options;
  }

  explicit TestSquareResidual(const OptionSet & options)
      : Model(options),
        _x(declare_input_variable<Scalar>(VariableName("state", "x"))),
        _c(declare_input_variable<Scalar>(VariableName("forces", "c"))),
        _r(declare_output_variable<Scalar>(VariableName("residual", "x")))
  {
  }

protected:
  void set_value(const Request & request) override
  {
    if (request.wants_values())
      _r = _x * _x - _c;
    if (request.wants_derivatives())
    {
      _r.d(_x) = 2.0 * _x;
      _r.d(_c) = -Scalar::ones_like(_c.value());
    }
  }

private:
  const Variable<Scalar> & _x;
  const Variable<Scalar> & _c;
  Variable<Scalar> & _r;
};
register_NEML2_object(TestSquareResidual);
} // namespace neml2
