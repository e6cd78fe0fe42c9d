#include "neml2/drivers/results.h"
#include "neml2/misc/error.h"

#include <ATen/ops/broadcast_tensors.h>
#include <c10/util/Exception.h>
#include <torch/csrc/jit/serialization/import.h>
#include <torch/serialize/output-archive.h>
#include <fstream>
#include <iomanip>
#include <limits>
#include <set>

namespace neml2
{
void
save_results_pt(const std::string & path, const std::vector<ValueMap> & inputs,
                const std::vector<ValueMap> & outputs)
{
  torch::serialize::OutputArchive root;
  using Part = std::pair<const char *, const std::vector<ValueMap> *>;
  for (const auto & [part, steps] : {Part{"input", &inputs}, Part{"output", &outputs}})
  {
    torch::serialize::OutputArchive list;
    for (std::size_t n = 0; n < steps->size(); ++n)
    {
      torch::serialize::OutputArchive step;
      for (const auto & [name, value] : (*steps)[n])
        step.write(name.str(), at::Tensor(value).detach().cpu(), /*is_buffer=*/true);
      list.write(std::to_string(n), step);
    }
    root.write(part, list);
  }
  try
  {
    root.save_to(path);
  }
  catch (const c10::Error & e)
  {
    throw Error("cannot write results to '" + path + "': " + e.what_without_backtrace());
  }
}

std::map<std::string, at::Tensor>
load_results_pt(const std::string & path)
{
  std::map<std::string, at::Tensor> out;
  try
  {
    auto module = torch::jit::load(path);
    for (const auto & b : module.named_buffers(/*recurse=*/true))
      out.emplace(b.name, b.value);
  }
  catch (const c10::Error & e)
  {
    throw Error("cannot read results from '" + path + "': " + e.what_without_backtrace());
  }
  return out;
}

void
save_results_csv(const std::string & path, const std::vector<ValueMap> & inputs,
                 const std::vector<ValueMap> & outputs)
{
  std::ofstream f(path);
  NEML2_CHECK(f.good(), Error, "cannot write results to '", path, "'");
  f << std::setprecision(std::numeric_limits<double>::max_digits10);

  // Columns: every variable that appears at some step, with its base components.
  struct Column
  {
    std::string part;
    VariableName name;
    Size base_numel;
  };
  std::vector<Column> columns;
  using Part = std::pair<const char *, const std::vector<ValueMap> *>;
  for (const auto & [part, steps] : {Part{"input", &inputs}, Part{"output", &outputs}})
  {
    std::map<VariableName, Size> seen;
    for (const auto & step : *steps)
      for (const auto & [name, v] : step)
        seen.emplace(name, v.base_numel());
    for (const auto & [name, n] : seen)
      columns.push_back({part, name, n});
  }
  f << "step,entry";
  for (const auto & c : columns)
    for (Size i = 0; i < c.base_numel; ++i)
      f << ',' << c.part << '.' << c.name.str() << '[' << i << ']';
  f << '\n';

  for (std::size_t n = 0; n < std::max(inputs.size(), outputs.size()); ++n)
  {
    // the batch shape of the step: the broadcast of every stored value's batch shape
    std::vector<at::Tensor> probes;
    std::vector<const Tensor *> values;
    for (const auto & c : columns)
    {
      const auto & steps = c.part == std::string("input") ? inputs : outputs;
      const Tensor * v = nullptr;
      if (n < steps.size() && steps[n].count(c.name))
        v = &steps[n].at(c.name);
      values.push_back(v);
      if (v)
        probes.push_back(at::Tensor(v->base_flatten()).select(-1, 0));
    }
    const auto batch =
        probes.empty() ? at::IntArrayRef{} : at::broadcast_tensors(probes)[0].sizes();
    int64_t entries = 1;
    for (auto s : batch)
      entries *= s;
    std::vector<at::Tensor> flat;
    for (std::size_t k = 0; k < columns.size(); ++k)
    {
      if (!values[k])
      {
        flat.emplace_back();
        continue;
      }
      const at::Tensor b = values[k]->base_flatten();
      std::vector<int64_t> shape(batch.begin(), batch.end());
      shape.push_back(b.size(-1));
      flat.push_back(
          b.expand(shape).reshape({entries, b.size(-1)}).to(at::kDouble).cpu().contiguous());
    }
    for (int64_t e = 0; e < entries; ++e)
    {
      f << n << ',' << e;
      for (std::size_t k = 0; k < columns.size(); ++k)
        for (Size i = 0; i < columns[k].base_numel; ++i)
        {
          f << ',';
          if (flat[k].defined())
            f << flat[k].data_ptr<double>()[e * columns[k].base_numel + i];
        }
      f << '\n';
    }
  }
}
} // namespace neml2
