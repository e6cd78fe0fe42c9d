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
  /// Name of the tensor type it produces (for messages).
  virtual std::string tensor_type() const = 0;
};
} // namespace neml2
