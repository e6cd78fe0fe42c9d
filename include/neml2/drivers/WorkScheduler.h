// Work schedulers ([Schedulers] section): how a driver hands a batch of material points to a model,
// e.g. in chunks of a fixed size on a given device.
#pragma once

#include "neml2/base/NEML2Object.h"
#include "neml2/models/Model.h"

namespace neml2
{
class WorkScheduler : public NEML2Object
{
public:
  static OptionSet expected_options();
  explicit WorkScheduler(const OptionSet & options);

  /// Evaluate `model` on `inputs` (values only), the way this scheduler distributes the work.
  virtual ValueMap evaluate(Model & model, const ValueMap & inputs) = 0;
};

/// Splits the batch into chunks of `batch_size` material points, evaluates them one after the other
/// on `device`, and joins the results.
class SimpleScheduler : public WorkScheduler
{
public:
  static OptionSet expected_options();
  explicit SimpleScheduler(const OptionSet & options);

  ValueMap evaluate(Model & model, const ValueMap & inputs) override;

private:
  const Device _device;
  const Size _batch_size;
};
} // namespace neml2
