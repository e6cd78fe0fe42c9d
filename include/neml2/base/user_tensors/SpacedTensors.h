// [Tensors] objects spaced along a new batch dimension: LinspaceT and LogspaceT for every type.
#pragma once

#include "neml2/base/TensorProvider.h"

namespace neml2
{
/// Evenly (or logarithmically) spaced tensors from `start` to `end` along a new batch dimension.
template <class T, bool Log>
class SpacedTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit SpacedTensor(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};
} // namespace neml2
