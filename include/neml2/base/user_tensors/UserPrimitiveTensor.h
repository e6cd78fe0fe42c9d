// [Tensors] objects of the form `type = Scalar` / `Vec` / `SR2` / `SSR4`: a tensor of that type
// written out by its components, optionally batched.
#pragma once

#include "neml2/base/TensorProvider.h"

namespace neml2
{
template <class T>
class UserPrimitiveTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit UserPrimitiveTensor(const OptionSet & options);

  Tensor tensor() const override { return _value; }
  std::string tensor_type() const override;

private:
  T _value;
};
} // namespace neml2
