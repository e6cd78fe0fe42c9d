// The base of [Tensors] objects: something that produces one tensor, referred to by name from
// options of type TensorName<T>.
#pragma once

#include "neml2/base/NEML2Object.h"
#include "neml2/tensors/Tensor.h"

namespace neml2
{
class TensorProvider : public NEML2Object
{
public:
  static OptionSet expected_options();
  explicit TensorProvider(const OptionSet & options);

  /// The tensor this object stands for.
  virtual Tensor tensor() const = 0;

protected:
  /// Declare the options `batch_shape` and `intermediate_dimension`.
  static void add_batch_options(OptionSet & options);
  /// The batch shape from `batch_shape`, and how many of its trailing dimensions are intermediate.
  struct BatchLayout
  {
    TensorShape shape;
    Size dynamic_dim;
    Size intmd_dim;
    Size numel() const;
  };
  BatchLayout batch_layout() const;
  /// Give `base` (an unbatched tensor) the batch layout of the options, copying it to every entry.
  Tensor expand_to_batch(const at::Tensor & base) const;
};
} // namespace neml2
