#include "neml2/drivers/WorkScheduler.h"
#include "neml2/base/Registry.h"
#include "neml2/tensors/functions/creation.h"

#include <ATen/ops/cat.h>

namespace neml2
{
register_NEML2_object(SimpleScheduler);

OptionSet
WorkScheduler::expected_options()
{
  auto options = NEML2Object::expected_options();
  options.section() = "Schedulers";
  return options;
}

WorkScheduler::WorkScheduler(const OptionSet & options) : NEML2Object(options) {}

OptionSet
SimpleScheduler::expected_options()
{
  auto options = WorkScheduler::expected_options();
  options.doc() = "Evaluate the model on chunks of batch_size material points, one after the "
                  "other, on one device; the results are the same as evaluating the whole batch.";
  options.add<Device>("device", Device(kCPU), "The device the chunks are evaluated on.");
  options.add_required<Size>("batch_size", "Material points per chunk.");
  return options;
}

SimpleScheduler::SimpleScheduler(const OptionSet & options)
    : WorkScheduler(options),
      _device(options.get<Device>("device")),
      _batch_size(options.get<Size>("batch_size"))
{
  if (_batch_size < 1)
    throw option_error("batch_size", "must be positive");
}

ValueMap
SimpleScheduler::evaluate(Model & model, const ValueMap & inputs)
{
  // Bring every input to the common batch shape and flatten its dynamic dimensions.
  std::vector<Tensor> all;
  std::vector<VariableName> names;
  for (const auto & [n, v] : inputs)
  {
    names.push_back(n);
    all.push_back(v);
  }
  const auto common = broadcast_batch(all);
  const auto & ref = common.front();
  const TensorShape dyn(ref.sizes().begin(), ref.sizes().begin() + ref.dynamic_dim());
  Size total = 1;
  for (auto s : dyn)
    total *= s;

  std::map<VariableName, std::vector<at::Tensor>> pieces;
  std::map<VariableName, std::pair<Size, Size>> layout;
  const auto device_of_results = ref.device();
  for (Size start = 0; start < total; start += _batch_size)
  {
    const auto len = std::min(_batch_size, total - start);
    ValueMap chunk;
    for (std::size_t i = 0; i < names.size(); ++i)
    {
      const auto flat = common[i].dynamic_flatten();
      chunk[names[i]] = Tensor(flat.narrow(0, start, len).to(_device), 1, flat.intmd_dim());
    }
    for (const auto & [y, v] : model.value(chunk))
    {
      // an output that does not depend on the batch is the same for every chunk
      const auto batched = v.dynamic_dim() > 0;
      pieces[y].push_back(batched ? at::Tensor(v)
                                  : at::Tensor(v.unsqueeze(0).expand(
                                        [&]
                                        {
                                          auto s = v.sizes().vec();
                                          s.insert(s.begin(), len);
                                          return s;
                                        }())));
      layout[y] = {v.intmd_dim(), v.dim() - (batched ? 1 : 0)};
    }
  }
  ValueMap out;
  for (auto & [y, p] : pieces)
  {
    auto t = at::cat(p, 0).to(device_of_results);
    t = dyn.empty() ? t.squeeze(0) : t.unflatten(0, dyn);
    out[y] = Tensor(t, static_cast<Size>(dyn.size()), layout[y].first);
  }
  return out;
}
} // namespace neml2
