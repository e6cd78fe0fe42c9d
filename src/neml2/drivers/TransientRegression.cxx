#include "neml2/drivers/TransientRegression.h"
#include "neml2/base/Factory.h"
#include "neml2/base/Registry.h"
#include "neml2/drivers/TransientDriver.h"
#include "neml2/drivers/results.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/abs.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/broadcast_tensors.h>
#include <filesystem>
#include <iostream>

namespace neml2
{
register_NEML2_object(TransientRegression);

OptionSet
TransientRegression::expected_options()
{
  auto options = Driver::expected_options();
  options.doc() = "Run a transient driver and compare its saved results with a gold file: the "
                  "same entries (input.<step>.<variable>, output.<step>.<variable>), and values "
                  "within rtol and atol (shapes broadcast).";
  options.add_required<std::string>("driver", "The transient driver to run.");
  options.add_required<std::string>("reference",
                                    "The gold result file (relative to the input file's folder, "
                                    "or to the working directory).");
  options.add<double>("rtol", 1e-5, "Relative tolerance.");
  options.add<double>("atol", 1e-8, "Absolute tolerance.");
  return options;
}

TransientRegression::TransientRegression(const OptionSet & options)
    : Driver(options),
      _driver(factory()->get_object<TransientDriver>("Drivers", options.get<std::string>("driver"),
                                                     options.location_of("driver"))),
      _reference(factory()->input_path(options.get<std::string>("reference"))),
      _rtol(options.get<double>("rtol")),
      _atol(options.get<double>("atol"))
{
}

void
TransientRegression::diagnose(std::vector<std::string> & problems) const
{
  _driver.diagnose(problems);
  if (!std::filesystem::exists(_reference))
    problems.push_back(input_options().error("reference", "no file '" + _reference + "'").what());
  if (_driver.pt_file().empty())
    problems.push_back("[" + path() + "] driver '" + _driver.name() +
                       "' saves no .pt file (set its save_as)");
}

bool
TransientRegression::run()
{
  require_no_problems();
  _driver.run();
  const auto result = load_results_pt(_driver.pt_file());
  const auto gold = load_results_pt(_reference);

  std::vector<std::string> failures;
  for (const auto & [name, v] : result)
    if (!gold.count(name))
      failures.push_back("extra variable '" + name + "' (not in the reference)");
  for (const auto & [name, g] : gold)
  {
    if (!result.count(name))
    {
      failures.push_back("missing variable '" + name + "' (in the reference)");
      continue;
    }
    std::vector<at::Tensor> ab;
    try
    {
      ab = at::broadcast_tensors({result.at(name), g});
    }
    catch (const c10::Error &)
    {
      failures.push_back("'" + name + "': shape " + utils::stringify(result.at(name).sizes()) +
                         " does not broadcast with the reference's " + utils::stringify(g.sizes()));
      continue;
    }
    if (!at::allclose(ab[0], ab[1], _rtol, _atol))
    {
      const auto excess = (at::abs(ab[0] - ab[1]) - _rtol * at::abs(ab[1])).max().item<double>();
      failures.push_back("'" + name + "' differs from the reference: max(|result - reference| - " +
                         "rtol |reference|) = " + std::to_string(excess) + " > atol " +
                         std::to_string(_atol));
    }
  }
  for (const auto & f : failures)
    std::cout << path() << ": " << f << "\n";
  std::cout << path() << ": " << result.size() << " entries compared with " << _reference << ", "
            << (failures.empty() ? "all agree" : std::to_string(failures.size()) + " failures")
            << std::endl;
  return failures.empty();
}
} // namespace neml2
