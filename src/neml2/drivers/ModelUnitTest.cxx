#include "neml2/drivers/ModelUnitTest.h"
#include "neml2/base/Factory.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/tensor_types.h"

#include <ATen/Context.h>
#include <ATen/TensorOperators.h>
#include <ATen/core/grad_mode.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/broadcast_tensors.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/ones_like.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/zeros.h>
#include <ATen/ops/zeros_like.h>
#include <torch/csrc/autograd/autograd.h>
#include <iostream>
#include <sstream>

namespace neml2
{
register_NEML2_object(ModelUnitTest);

namespace
{
// The tensor types ModelUnitTest accepts, with the spellings NEML2's inputs use.
#define NEML2_UNIT_TEST_TYPES(X)                                                                   \
  NEML2_FOR_ALL_TENSORS(X)                                                                         \
  X(SFR4)                                                                                          \
  X(WFR4)

template <class T>
void
add_io_options(OptionSet & options, const std::string & t)
{
  options.add<std::vector<VariableName>>("input_" + t + "_names",
                                         "Names of input variables of type " + t + ".");
  options.add<std::vector<TensorName<T>>>(
      "input_" + t + "_values", "Values of the input_" + t + "_names, in the same order.");
  options.add<std::vector<VariableName>>("output_" + t + "_names",
                                         "Names of expected output variables of type " + t + ".");
  options.add<std::vector<TensorName<T>>>(
      "output_" + t + "_values", "Expected values of the output_" + t + "_names, in order.");
}

template <class T>
void
read_io(const OptionSet & options, const std::string & t, const std::string & io, Factory * factory,
        const TensorOptions & topts, ValueMap & out)
{
  const auto & names = options.get<std::vector<VariableName>>(io + "_" + t + "_names");
  const auto & values = options.get<std::vector<TensorName<T>>>(io + "_" + t + "_values");
  if (names.size() != values.size())
    throw options.error(io + "_" + t + "_values",
                        utils::stringify(names.size(), " names but ", values.size(), " values"));
  for (std::size_t i = 0; i < names.size(); ++i)
    out[names[i]] = values[i].resolve(factory, topts);
}

std::string
max_difference(const at::Tensor & a, const at::Tensor & b)
{
  std::ostringstream os;
  auto ab = at::broadcast_tensors({a, b});
  const auto d = at::abs(ab[0] - ab[1]);
  os << "max |actual - expected| = " << d.max().item<double>();
  return os.str();
}

/// Jacobians of all outputs with respect to input x by forward differences: [y] -> (batch, y.base,
/// x.base). The step of component x_i is max(1e-6 |x_i|, 1e-6).
std::map<VariableName, Tensor>
fd_wrt(const ValueMap & in, const VariableName & x, const ValueMap & y0,
       const std::function<ValueMap(const ValueMap &)> & eval)
{
  const auto & xv = in.at(x);
  const auto xf = xv.base_flatten();
  const Size n = xf.base_size(0);
  const at::Tensor h = at::clamp(at::abs(xf) * 1e-6, 1e-6);
  std::map<VariableName, std::vector<at::Tensor>> cols;
  std::map<VariableName, Tensor> layout;
  for (Size i = 0; i < n; ++i)
  {
    auto dx = at::zeros_like(xf);
    dx.select(-1, i).copy_(h.select(-1, i));
    auto in2 = in;
    in2[x] = Tensor(xf + dx, xv.dynamic_dim(), xv.intmd_dim()).base_reshape(xv.base_sizes());
    const auto out = eval(in2);
    for (const auto & [y, v0] : y0)
    {
      at::Tensor hi = h.select(-1, i);
      for (Size k = 0; k < v0.base_dim(); ++k)
        hi = hi.unsqueeze(-1);
      const auto & v = out.at(y);
      auto ab = at::broadcast_tensors({v, v0});
      cols[y].push_back((ab[0] - ab[1]) / hi);
      layout[y] = v.dynamic_dim() >= v0.dynamic_dim() ? v : v0;
    }
  }
  std::map<VariableName, Tensor> J;
  for (auto & [y, c] : cols)
  {
    const auto & ly = layout[y];
    const Size dyn = std::max(ly.dynamic_dim(), xv.dynamic_dim());
    TensorShape base(y0.at(y).base_sizes().begin(), y0.at(y).base_sizes().end());
    base.append(xv.base_sizes().begin(), xv.base_sizes().end());
    J[y] = Tensor(at::stack(at::broadcast_tensors(c), -1), dyn, ly.intmd_dim()).base_reshape(base);
  }
  return J;
}
} // namespace

OptionSet
ModelUnitTest::expected_options()
{
  auto options = Driver::expected_options();
  options.doc() = "Evaluate one model on given inputs and check its outputs, its derivatives "
                  "against finite differences, its parameter derivatives (automatic "
                  "differentiation against finite differences), and its JIT results against "
                  "eager ones. Inputs not listed are zero; listed names that are not inputs of "
                  "the model are ignored; every output of the model must be listed.";
  options.add_required<std::string>("model", "Name of the model under test.");
#define NEML2_ADD_IO(T) add_io_options<T>(options, #T);
  NEML2_UNIT_TEST_TYPES(NEML2_ADD_IO)
#undef NEML2_ADD_IO
  options.add<bool>("check_values", true, "Compare the output values.");
  options.add<bool>("check_derivatives", true,
                    "Compare first derivatives with finite differences.");
  options.add<bool>("check_second_derivatives", false,
                    "Compare second derivatives with finite differences of the first.");
  options.add<bool>("check_AD_parameter_derivatives", true,
                    "Compare parameter derivatives from automatic differentiation with finite "
                    "differences.");
  options.add<bool>("check_cuda", true,
                    "If CUDA is available, repeat every check with the model and inputs on the "
                    "GPU.");
  options.add<bool>("check_jit", true,
                    "Compare the JIT's results with eager evaluation at two batch shapes.");
  options.add<double>("value_rel_tol", 1e-5, "Relative tolerance of the value check.");
  options.add<double>("value_abs_tol", 1e-8, "Absolute tolerance of the value check.");
  options.add<double>("derivative_rel_tol", 1e-5, "Relative tolerance of the derivative check.");
  options.add<double>("derivative_abs_tol", 1e-8, "Absolute tolerance of the derivative check.");
  options.add<double>("second_derivative_rel_tol", 1e-5,
                      "Relative tolerance of the second derivative check.");
  options.add<double>("second_derivative_abs_tol", 1e-8,
                      "Absolute tolerance of the second derivative check.");
  options.add<double>("parameter_derivative_rel_tol", 1e-5,
                      "Relative tolerance of the parameter derivative check.");
  options.add<double>("parameter_derivative_abs_tol", 1e-8,
                      "Absolute tolerance of the parameter derivative check.");
  options.add<bool>("show_parameters", false, "Print the model's parameters.");
  options.add<bool>("show_input_axis", false, "Print the model's input variables.");
  options.add<bool>("show_output_axis", false, "Print the model's output variables.");
  return options;
}

ModelUnitTest::ModelUnitTest(const OptionSet & options)
    : Driver(options),
      _model(factory() ? factory()->get_object<Model>("Models", options.get<std::string>("model"),
                                                      options.location_of("model"))
                       : throw OptionError("ModelUnitTest needs a model from an input file"))
{
}

ValueMap
ModelUnitTest::inputs() const
{
  const auto topts = _model.tensor_options();
  ValueMap in;
  for (const auto * v : _model.input_variables())
    in[v->name()] = Tensor::zeros(v->base_sizes(), topts);
  ValueMap listed;
#define NEML2_READ_INPUT(T) read_io<T>(input_options(), #T, "input", factory(), topts, listed);
  NEML2_UNIT_TEST_TYPES(NEML2_READ_INPUT)
#undef NEML2_READ_INPUT
  for (const auto & [name, value] : listed)
    if (_model.has_input(name))
    {
      const auto & var = _model.input_variable(name);
      if (value.base_sizes() != var.base_sizes())
        throw option_error("model", "input '" + name.str() + "' of model '" + _model.name() +
                                        "' is a " + var.type() +
                                        ", but the value given has shape " + value.shape_str());
      in[name] = value;
    }
  return in;
}

ValueMap
ModelUnitTest::expected_outputs() const
{
  ValueMap out;
#define NEML2_READ_OUTPUT(T)                                                                       \
  read_io<T>(input_options(), #T, "output", factory(), _model.tensor_options(), out);
  NEML2_UNIT_TEST_TYPES(NEML2_READ_OUTPUT)
#undef NEML2_READ_OUTPUT
  return out;
}

void
ModelUnitTest::compare(const std::string & what, const at::Tensor & actual,
                       const at::Tensor & expected, double rtol, double atol)
{
  std::vector<at::Tensor> ab;
  try
  {
    ab = at::broadcast_tensors({actual, expected});
  }
  catch (const c10::Error &)
  {
    _failures.push_back(what + ": shapes " + utils::stringify(actual.sizes()) + " and " +
                        utils::stringify(expected.sizes()) + " do not broadcast");
    return;
  }
  if (!at::allclose(ab[0], ab[1], rtol, atol))
  {
    std::ostringstream os;
    os << what << ": " << max_difference(actual, expected) << " (rtol " << rtol << ", atol " << atol
       << ")\n  actual:   " << actual.flatten().slice(0, 0, 12)
       << "\n  expected: " << expected.flatten().slice(0, 0, 12);
    _failures.push_back(os.str());
  }
}

void
ModelUnitTest::check_values(const ValueMap & in)
{
  const auto expected = expected_outputs();
  const auto out = _model.value(in);
  for (const auto & [y, v] : out)
    if (!expected.count(y))
      _failures.push_back("output '" + y.str() + "' of model '" + _model.name() +
                          "' is not listed among the expected outputs");
  for (const auto & [y, v] : expected)
  {
    if (!out.count(y))
    {
      _failures.push_back("'" + y.str() + "' is listed as an expected output, but model '" +
                          _model.name() + "' has no such output");
      continue;
    }
    compare("value of " + y.str(), out.at(y), v, input_options().get<double>("value_rel_tol"),
            input_options().get<double>("value_abs_tol"));
  }
}

void
ModelUnitTest::check_derivatives(const ValueMap & in)
{
  const auto [y0, dy] = _model.value_and_dvalue(in);
  const auto rtol = input_options().get<double>("derivative_rel_tol");
  const auto atol = input_options().get<double>("derivative_abs_tol");
  auto eval = [&](const ValueMap & x) { return _model.value(x); };
  for (const auto * x : _model.input_variables())
  {
    const auto fd = fd_wrt(in, x->name(), y0, eval);
    for (const auto & [y, J] : fd)
    {
      at::Tensor analytic;
      if (dy.count(y) && dy.at(y).count(x->name()))
        analytic = dy.at(y).at(x->name());
      else
        analytic = at::zeros_like(J);
      compare("d(" + y.str() + ")/d(" + x->name().str() + ")", analytic, J, rtol, atol);
    }
  }
}

void
ModelUnitTest::check_second_derivatives(const ValueMap & in)
{
  const auto [dy0, d2y] = _model.dvalue_and_d2value(in);
  const auto rtol = input_options().get<double>("second_derivative_rel_tol");
  const auto atol = input_options().get<double>("second_derivative_abs_tol");

  // Every first-derivative block as one "output" to differentiate: absent blocks are zero.
  const auto out0 = _model.value(in);
  auto flat = [&](const DerivMap & d)
  {
    ValueMap m;
    for (const auto * y : _model.output_variables())
      for (const auto * x1 : _model.input_variables())
      {
        const VariableName key(y->name().str() + "/" + x1->name().str());
        if (d.count(y->name()) && d.at(y->name()).count(x1->name()))
          m[key] = d.at(y->name()).at(x1->name());
        else
        {
          TensorShape base(y->base_sizes().begin(), y->base_sizes().end());
          base.append(x1->base_sizes().begin(), x1->base_sizes().end());
          m[key] = Tensor::zeros(base, _model.tensor_options());
        }
      }
    return m;
  };
  const auto base0 = flat(dy0);
  auto eval = [&](const ValueMap & x) { return flat(_model.dvalue(x)); };
  for (const auto * x2 : _model.input_variables())
  {
    const auto fd = fd_wrt(in, x2->name(), base0, eval);
    for (const auto * y : _model.output_variables())
      for (const auto * x1 : _model.input_variables())
      {
        const auto & J = fd.at(VariableName(y->name().str() + "/" + x1->name().str()));
        at::Tensor analytic;
        if (d2y.count(y->name()) && d2y.at(y->name()).count(x1->name()) &&
            d2y.at(y->name()).at(x1->name()).count(x2->name()))
          analytic = d2y.at(y->name()).at(x1->name()).at(x2->name());
        else
          analytic = at::zeros_like(J);
        compare("d2(" + y->name().str() + ")/d(" + x1->name().str() + ")d(" + x2->name().str() +
                    ")",
                analytic, J, rtol, atol);
      }
  }
  (void)out0;
}

void
ModelUnitTest::check_parameter_derivatives(const ValueMap & in)
{
  const auto params = _model.named_parameters();
  if (params.empty())
    return;
  const auto rtol = input_options().get<double>("parameter_derivative_rel_tol");
  const auto atol = input_options().get<double>("parameter_derivative_abs_tol");

  std::map<std::string, Tensor> original;
  for (const auto & [name, p] : params)
    original[name] = p->tensor();

  for (const auto & [name, p] : params)
  {
    const auto p0 = original[name];
    // autograd: every element of every output with respect to the parameter
    const auto leaf = at::Tensor(p0).detach().clone().requires_grad_(true);
    p->set(Tensor(leaf, p0.dynamic_dim(), p0.intmd_dim()));
    std::map<VariableName, at::Tensor> ad;
    {
      at::AutoGradMode grad(true);
      const auto out = _model.value(in);
      for (const auto & [y, v] : out)
      {
        const auto flat = at::Tensor(v).flatten();
        std::vector<at::Tensor> rows;
        for (int64_t i = 0; i < flat.numel(); ++i)
        {
          at::Tensor g;
          if (flat.requires_grad())
            g = torch::autograd::grad({flat[i]}, {leaf}, {}, true, false, true)[0];
          rows.push_back(g.defined() ? g : at::zeros_like(leaf));
        }
        // (output shape ++ parameter shape)
        auto shape = v.sizes().vec();
        for (auto s : leaf.sizes())
          shape.push_back(s);
        ad[y] = at::stack(rows).reshape(shape).detach();
      }
    }
    // finite differences: overwrite one component of the parameter at a time
    const auto y0 = [&]
    {
      p->set(p0);
      return _model.value(in);
    }();
    const auto pf = at::Tensor(p0).flatten();
    std::map<VariableName, std::vector<at::Tensor>> cols;
    for (int64_t j = 0; j < pf.numel(); ++j)
    {
      const double h = std::max(1e-6 * std::abs(pf[j].item<double>()), 1e-6);
      auto pp = pf.clone();
      pp[j] += h;
      p->set(Tensor(pp.reshape(p0.sizes()), p0.dynamic_dim(), p0.intmd_dim()));
      const auto out = _model.value(in);
      for (const auto & [y, v] : y0)
        cols[y].push_back((at::Tensor(out.at(y)) - v) / h);
    }
    p->set(p0);
    for (const auto & [y, c] : cols)
    {
      auto shape = y0.at(y).sizes().vec();
      for (auto s : p0.sizes())
        shape.push_back(s);
      const auto fd = at::stack(c, -1).reshape(shape);
      compare("d(" + y.str() + ")/d(parameter " + name + ")", ad.at(y), fd, rtol, atol);
    }
  }
  for (const auto & [name, p] : params)
    p->set(original[name]);
}

void
ModelUnitTest::check_jit(const ValueMap & in)
{
  if (!_model.jit_enabled())
    return;
  const bool second = input_options().get<bool>("check_second_derivatives");
  const auto request = second ? Request::all() : Request::values_and_derivatives();
  // the common batch shape of the inputs, extended by new leading dynamic dimensions
  std::vector<Tensor> all;
  for (const auto & [name, v] : in)
    all.push_back(v);
  const auto common = broadcast_batch(all);
  for (const TensorShape & extra : {TensorShape{3}, TensorShape{2, 2}})
  {
    ValueMap batched;
    std::size_t i = 0;
    for (const auto & [name, v] : in)
    {
      const auto & c = common[i++];
      auto shape = TraceableTensorShape(extra).append(c.sizes().slice(0, c.dynamic_dim()));
      batched[name] = c.batch_expand(shape, c.intmd_sizes());
    }
    const auto & shape = extra;
    const auto jit = _model.evaluate(batched, request);
    EvaluationResult eager;
    {
      EagerEvaluation guard;
      eager = _model.evaluate(batched, request);
    }
    const auto where = " (batch " + utils::stringify(TensorShapeRef(shape)) + ", JIT vs eager)";
    for (const auto & [y, v] : eager.values)
      compare("value of " + y.str() + where, jit.values.at(y), v, 1e-10, 1e-12);
    for (const auto & [y, row] : eager.derivatives)
      for (const auto & [x, v] : row)
      {
        const bool have = jit.derivatives.count(y) && jit.derivatives.at(y).count(x);
        compare("d(" + y.str() + ")/d(" + x.str() + ")" + where,
                have ? at::Tensor(jit.derivatives.at(y).at(x)) : at::zeros_like(v), v, 1e-10,
                1e-12);
      }
  }
}

void
ModelUnitTest::run_checks(const ValueMap & in, const std::string & where)
{
  const auto before = _failures.size();
  const auto & o = input_options();
  auto guarded = [&](const char * what, auto && f)
  {
    try
    {
      f();
    }
    catch (const c10::Error & e)
    {
      _failures.push_back(std::string(what) + " check raised: " + e.what_without_backtrace());
    }
    catch (const std::exception & e)
    {
      _failures.push_back(std::string(what) + " check raised: " + e.what());
    }
  };
  if (o.get<bool>("check_values"))
    guarded("value", [&] { check_values(in); });
  if (o.get<bool>("check_derivatives"))
    guarded("derivative", [&] { check_derivatives(in); });
  if (o.get<bool>("check_second_derivatives"))
    guarded("second derivative", [&] { check_second_derivatives(in); });
  if (o.get<bool>("check_AD_parameter_derivatives"))
    guarded("parameter derivative", [&] { check_parameter_derivatives(in); });
  if (o.get<bool>("check_jit"))
    guarded("JIT", [&] { check_jit(in); });
  for (auto i = before; i < _failures.size(); ++i)
    _failures[i] = "[" + where + "] " + _failures[i];
}

bool
ModelUnitTest::run()
{
  _failures.clear();
  const auto & o = input_options();
  if (o.get<bool>("show_parameters"))
    for (const auto & [n, p] : _model.named_parameters())
      std::cout << n << " = " << p->tensor() << std::endl;
  if (o.get<bool>("show_input_axis") || o.get<bool>("show_output_axis"))
    std::cout << _model << std::endl;

  const auto in = inputs();
  run_checks(in, "cpu");
  if (o.get<bool>("check_cuda") && at::hasCUDA())
  {
    const auto cuda = TensorOptions().device(kCUDA);
    _model.to(_model.tensor_options().device(kCUDA));
    ValueMap in_cuda;
    for (const auto & [n, v] : in)
      in_cuda[n] = v.to(cuda);
    run_checks(in_cuda, "cuda");
    _model.to(_model.tensor_options().device(kCPU));
  }

  for (const auto & f : _failures)
    std::cout << path() << ": " << f << "\n";
  if (verbose() || !_failures.empty())
    std::cout << path() << " (model '" << _model.name() << "'): "
              << (_failures.empty() ? "all checks passed"
                                    : std::to_string(_failures.size()) + " check(s) failed")
              << std::endl;
  return _failures.empty();
}
} // namespace neml2
