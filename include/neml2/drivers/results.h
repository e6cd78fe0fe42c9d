// Writing and reading transient results: a TorchScript archive in NEML2's layout (submodules
// input and output, one submodule per step, one buffer per variable: input.<step>.<variable>),
// and CSV with one row per step and batch entry.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "neml2/models/Model.h"

namespace neml2
{
/// Save per-step inputs and outputs as a TorchScript archive (loadable with torch.jit.load).
void save_results_pt(const std::string & path, const std::vector<ValueMap> & inputs,
                     const std::vector<ValueMap> & outputs);

/// Save per-step inputs and outputs as CSV: columns step, entry (flat batch index), then every
/// component of every variable (input.forces/E[0], ..., output.state/S[5]); values broadcast to
/// the batch shape of the step; an empty cell where a variable is absent at a step.
void save_results_csv(const std::string & path, const std::vector<ValueMap> & inputs,
                      const std::vector<ValueMap> & outputs);

/// Every buffer of a TorchScript archive by its dotted name (input.12.forces/E, ...).
std::map<std::string, at::Tensor> load_results_pt(const std::string & path);
} // namespace neml2
