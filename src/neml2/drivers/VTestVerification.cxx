#include "neml2/drivers/VTestVerification.h"
#include "neml2/base/Factory.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/drivers/TransientDriver.h"
#include "neml2/drivers/results.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/broadcast_tensors.h>
#include <ATen/ops/zeros_like.h>
#include <iostream>

namespace neml2
{
register_NEML2_object(VTestVerification);

OptionSet
VTestVerification::expected_options()
{
  auto options = Driver::expected_options();
  options.doc() = "Run a transient driver and compare result variables step by step with "
                  "reference time series (row i of a reference is step i).";
  options.add_required<std::string>("driver", "The transient driver to run.");
  options.add_required<std::vector<std::string>>(
      "variables", "Result variables to check, e.g. output.state/S or input.forces/E.");
  options.add_required<std::vector<TensorName<Tensor>>>(
      "references", "One reference time series (a [Tensors] name) per variable.");
  options.add<double>("rtol", 1e-5, "Relative tolerance.");
  options.add<double>("atol", 1e-8, "Absolute tolerance.");
  return options;
}

VTestVerification::VTestVerification(const OptionSet & options)
    : Driver(options),
      _driver(factory()->get_object<TransientDriver>("Drivers", options.get<std::string>("driver"),
                                                     options.location_of("driver"))),
      _variables(options.get<std::vector<std::string>>("variables")),
      _rtol(options.get<double>("rtol")),
      _atol(options.get<double>("atol"))
{
  for (const auto & r : options.get<std::vector<TensorName<Tensor>>>("references"))
    _references.push_back(r.resolve(factory()));
  if (_references.size() != _variables.size())
    throw option_error("references", utils::stringify(_variables.size(), " variables but ",
                                                      _references.size(), " references"));
  for (const auto & v : _variables)
    if (!utils::starts_with(v, "output.") && !utils::starts_with(v, "input."))
      throw option_error("variables", "'" + v + "' must start with output. or input.");
}

void
VTestVerification::diagnose(std::vector<std::string> & problems) const
{
  _driver.diagnose(problems);
  if (_driver.pt_file().empty())
    problems.push_back("[" + path() + "] driver '" + _driver.name() +
                       "' saves no .pt file (set its save_as)");
}

bool
VTestVerification::run()
{
  require_no_problems();
  _driver.run();
  const auto result = load_results_pt(_driver.pt_file());

  std::vector<std::string> failures;
  for (std::size_t k = 0; k < _variables.size(); ++k)
  {
    const auto dot = _variables[k].find('.');
    const auto part = _variables[k].substr(0, dot), var = _variables[k].substr(dot + 1);
    const at::Tensor ref = _references[k];
    for (int64_t i = 0; i < ref.size(0); ++i)
    {
      const auto name = part + "." + std::to_string(i) + "." + var;
      const auto expected = ref[i].squeeze();
      const auto actual = result.count(name) ? result.at(name).squeeze() : at::zeros_like(expected);
      std::vector<at::Tensor> ab;
      try
      {
        ab = at::broadcast_tensors({actual, expected});
      }
      catch (const c10::Error &)
      {
        failures.push_back("'" + name + "': shape " + utils::stringify(actual.sizes()) +
                           " does not match the reference's " + utils::stringify(expected.sizes()));
        continue;
      }
      if (!at::allclose(ab[0], ab[1], _rtol, _atol))
        failures.push_back("'" + name +
                           "' differs from the reference: max |result - reference| = " +
                           std::to_string(at::abs(ab[0] - ab[1]).max().item<double>()));
    }
  }
  for (const auto & f : failures)
    std::cout << path() << ": " << f << "\n";
  std::cout << path() << ": " << _variables.size() << " variable(s) checked, "
            << (failures.empty() ? "all agree" : std::to_string(failures.size()) + " failures")
            << std::endl;
  return failures.empty();
}
} // namespace neml2
