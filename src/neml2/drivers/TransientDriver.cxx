#include "neml2/drivers/TransientDriver.h"
#include "neml2/base/EnumSelection.h"
#include "neml2/base/Factory.h"
#include "neml2/base/TensorName.h"
#include "neml2/drivers/WorkScheduler.h"
#include "neml2/drivers/results.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/tensors.h"

#include <ATen/TensorOperators.h>
#include <iostream>
#include <unistd.h>

namespace neml2
{
namespace
{
// The tensor types initial conditions may have.
#define NEML2_IC_TYPES(X) X(Scalar) X(Vec) X(Rot) X(WR2) X(R2) X(SR2) X(SSR4) X(Tensor)

template <class T>
void
add_ic_options(OptionSet & options, const std::string & t)
{
  options.add<std::vector<VariableName>>("ic_" + t + "_names", "State variables of type " + t +
                                                                   " with initial conditions.");
  options.add<std::vector<TensorName<T>>>("ic_" + t + "_values",
                                          "Initial values of the ic_" + t + "_names.");
}

template <class T>
void
read_ic(const OptionSet & options, const std::string & t, Factory * factory, const Model & model,
        ValueMap & out)
{
  const auto & names = options.get<std::vector<VariableName>>("ic_" + t + "_names");
  const auto & values = options.get<std::vector<TensorName<T>>>("ic_" + t + "_values");
  if (names.size() != values.size())
    throw options.error("ic_" + t + "_values",
                        utils::stringify(names.size(), " names but ", values.size(), " values"));
  for (std::size_t i = 0; i < names.size(); ++i)
  {
    if (!names[i].is_state())
      throw options.error("ic_" + t + "_names", "'" + names[i].str() +
                                                    "' is not on the state axis: initial "
                                                    "conditions are for state variables");
    if (!model.has_output(names[i]))
      throw options.error("ic_" + t + "_names", "'" + names[i].str() +
                                                    "' has an initial condition but is not an "
                                                    "output of model '" +
                                                    model.name() + "'");
    out[names[i]] = values[i].resolve(factory);
  }
}
} // namespace

OptionSet
TransientDriver::expected_options()
{
  auto options = Driver::expected_options();
  options.doc() = "March a model through a prescribed time history. At each step the previous "
                  "state becomes old_state, the previous forces old_forces, the forces of the "
                  "step are set, the predictor sets the trial state, and the model is evaluated.";
  options.add_required<std::string>("model", "The model to march.");
  options.add<Device>("device", Device(kCPU), "The device the model is evaluated on.");
  options.add<VariableName>("time", VariableName("forces", "t"), "The time variable.");
  options.add_required<TensorName<Scalar>>(
      "prescribed_time",
      "The time of every step: a Scalar whose first batch dimension is the step.");
  options.add<EnumSelection>(
      "predictor", EnumSelection({"PREVIOUS_STATE", "LINEAR_EXTRAPOLATION"}, "PREVIOUS_STATE"),
      "The trial state of a step: the previous state, or a linear "
      "extrapolation in time from the two previous states.");
#define NEML2_ADD_IC(T) add_ic_options<T>(options, #T);
  NEML2_IC_TYPES(NEML2_ADD_IC)
#undef NEML2_ADD_IC
  options.add<std::vector<std::string>>(
      "save_as",
      "Files to save the results to, relative to the working directory: .pt (a TorchScript "
      "archive in NEML2's layout) and/or .csv.");
  options.add<std::string>("scheduler",
                           "A work scheduler from [Schedulers] that distributes each step's "
                           "batch (default: the whole batch at once).");
  options.add<bool>("show_parameters", false, "Print the model's parameters before running.");
  options.add<bool>("show_input_axis", false, "Print the model's inputs before running.");
  options.add<bool>("show_output_axis", false, "Print the model's outputs before running.");
  return options;
}

TransientDriver::TransientDriver(const OptionSet & options)
    : Driver(options),
      _model(factory()->get_object<Model>("Models", options.get<std::string>("model"),
                                          options.location_of("model"))),
      _time_name(options.get<VariableName>("time")),
      _time(options.get<TensorName<Scalar>>("prescribed_time").resolve(factory())),
      _nsteps(_time.dynamic_dim() > 0 ? _time.size(0) : 0),
      _predictor(options.get<EnumSelection>("predictor").selected()),
      _device(options.get<Device>("device")),
      _save_as(options.get<std::vector<std::string>>("save_as"))
{
  if (_time.dynamic_dim() < 1)
    throw option_error("prescribed_time",
                       "needs at least one batch dimension (the steps), got shape " +
                           _time.shape_str());
  for (const auto & f : _save_as)
    if (!utils::ends_with(f, ".pt") && !utils::ends_with(f, ".csv"))
      throw option_error("save_as", "'" + f + "' is neither a .pt nor a .csv file");
  if (options.user_specified("scheduler"))
    _scheduler = &factory()->get_object<WorkScheduler>(
        "Schedulers", options.get<std::string>("scheduler"), options.location_of("scheduler"));
#define NEML2_READ_IC(T) read_ic<T>(options, #T, factory(), _model, _ic);
  NEML2_IC_TYPES(NEML2_READ_IC)
#undef NEML2_READ_IC
}

void
TransientDriver::diagnose(std::vector<std::string> & problems) const
{
  for (const auto * v : _model.input_variables())
    if (v->name().is_old_state() && !_model.has_output(v->name().current()))
      problems.push_back("[" + path() + "] model '" + _model.name() + "' takes '" +
                         v->name().str() + "' but has no output '" + v->name().current().str() +
                         "' to carry from one step to the next");
}

Tensor
TransientDriver::at_step(const Tensor & history, Size step)
{
  return history.dynamic_index({step});
}

void
TransientDriver::check_history(const Tensor & history, const std::string & option,
                               std::vector<std::string> & problems) const
{
  if (history.dynamic_dim() < 1)
    problems.push_back(input_options()
                           .error(option, "needs at least one batch dimension (the "
                                          "steps), got shape " +
                                              history.shape_str())
                           .what());
  else if (history.size(0) != _nsteps)
    problems.push_back(input_options()
                           .error(option, utils::stringify("has ", history.size(0),
                                                           " steps, the time has ", _nsteps))
                           .what());
}

void
TransientDriver::update_forces()
{
  if (_model.has_input(_time_name))
    _in[_time_name] = at_step(_time, _step);
}

void
TransientDriver::apply_initial_conditions()
{
  // every output starts at zero, broadcast to the batch shape of the inputs and initial conditions
  std::vector<Tensor> all;
  for (const auto & [n, v] : _in)
    all.push_back(v);
  for (const auto & [n, v] : _ic)
    all.push_back(v);
  const Tensor probe =
      all.empty() ? Tensor(Scalar::zeros(_model.tensor_options())) : broadcast_batch(all).front();
  ValueMap out;
  for (const auto * y : _model.output_variables())
  {
    if (_ic.count(y->name()))
      out[y->name()] = _ic.at(y->name());
    else
      out[y->name()] = Tensor::zeros(y->base_sizes(), _model.tensor_options())
                           .batch_expand(probe.dynamic_sizes(), probe.intmd_sizes());
  }
  _result_out.push_back(out);
}

void
TransientDriver::apply_predictor()
{
  const auto & prev = _result_out[_step - 1];
  for (const auto * v : _model.input_variables())
  {
    const auto & x = v->name();
    if (!x.is_state() || !_model.has_output(x) || !prev.count(x))
      continue;
    if (_predictor == "LINEAR_EXTRAPOLATION" && _step >= 2 && _result_out[_step - 2].count(x))
    {
      const auto & older = _result_out[_step - 2].at(x);
      const auto t = at_step(_time, _step), tn = at_step(_time, _step - 1),
                 tnn = at_step(_time, _step - 2);
      const Tensor ratio = (t - tn) / (tn - tnn);
      _in[x] = prev.at(x) + (prev.at(x) - older) * ratio;
    }
    else
      _in[x] = prev.at(x);
  }
}

ValueMap
TransientDriver::evaluate_model()
{
  ValueMap in;
  for (const auto * v : _model.input_variables())
  {
    if (!_in.count(v->name()))
      throw ModelError("[" + path() + "] model '" + _model.name() + "' needs input '" +
                       v->name().str() + "', which this driver does not provide at step " +
                       std::to_string(_step));
    in[v->name()] = _in.at(v->name()).to(_device);
  }
  return _scheduler ? _scheduler->evaluate(_model, in) : _model.value(in);
}

std::string
TransientDriver::pt_file() const
{
  std::string pt;
  for (const auto & f : _save_as)
    if (utils::ends_with(f, ".pt"))
      pt = f;
  return pt;
}

bool
TransientDriver::run()
{
  const auto & o = input_options();
  if (o.get<bool>("show_parameters"))
    for (const auto & [n, p] : _model.named_parameters())
      std::cout << n << " = " << p->tensor() << std::endl;
  if (o.get<bool>("show_input_axis") || o.get<bool>("show_output_axis"))
    std::cout << _model << std::endl;
  // What can be checked before running (e.g. histories whose step count is not the time's, which
  // would otherwise fail deep inside a step or be cut silently) is an error before step 0.
  require_no_problems();

  if (_device != _model.tensor_options().device())
    _model.to(_model.tensor_options().device(_device));

  _in.clear();
  _result_in.clear();
  _result_out.clear();
  const bool progress = isatty(fileno(stdout)) && _nsteps > 1;
  for (_step = 0; _step < _nsteps; ++_step)
  {
    if (_step == 0)
    {
      update_forces();
      _result_in.push_back(_in);
      apply_initial_conditions();
      continue;
    }
    for (const auto * v : _model.input_variables())
    {
      const auto & x = v->name();
      if (x.is_old_state() && _result_out[_step - 1].count(x.current()))
        _in[x] = _result_out[_step - 1].at(x.current());
      else if (x.is_old_force() && _result_in[_step - 1].count(x.current()))
        _in[x] = _result_in[_step - 1].at(x.current());
    }
    update_forces();
    apply_predictor();
    after_predictor();
    _result_in.push_back(_in);
    try
    {
      _result_out.push_back(evaluate_model());
    }
    catch (Error & e)
    {
      e.add_context(utils::stringify("at step ", _step, " of ", _nsteps - 1, " of [", path(), "]"));
      throw;
    }
    if (progress)
      std::cout << "\r" << path() << ": step " << _step << "/" << _nsteps - 1 << std::flush;
    else if (verbose())
      std::cout << path() << ": step " << _step << "/" << _nsteps - 1 << std::endl;
  }
  if (progress)
    std::cout << "\r" << path() << ": " << _nsteps - 1 << " steps done" << std::string(10, ' ')
              << std::endl;
  save();
  return true;
}

void
TransientDriver::save() const
{
  for (const auto & f : _save_as)
  {
    if (utils::ends_with(f, ".pt"))
      save_results_pt(f, _result_in, _result_out);
    else
      save_results_csv(f, _result_in, _result_out);
  }
}
} // namespace neml2
