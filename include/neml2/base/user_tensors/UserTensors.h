// [Tensors] objects that write a tensor out: by its components (`type = SR2`, `type = Tensor`),
// filled with one value (FullSR2, ZerosSR2, OnesSR2, EmptySR2, FullTensor, ...), or as an
// identity matrix (IdentityTensor).
#pragma once

#include "neml2/base/TensorProvider.h"

namespace neml2
{
/// `type = T`: a tensor of primitive type T from its components (raw storage: SR2 components are
/// Mandel-scaled already).
template <class T>
class UserPrimitiveTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit UserPrimitiveTensor(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};

/// `type = Tensor`: a general tensor from its components and base shape.
class UserTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit UserTensor(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};

/// How a FilledTensor fills its components.
enum class FillKind
{
  Full,
  Zeros,
  Ones,
  Empty
};

/// FullT / ZerosT / OnesT / EmptyT (T primitive) and FullTensor / ... (T = Tensor, with
/// base_shape).
template <class T, FillKind K>
class FilledTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit FilledTensor(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};

/// `type = IdentityTensor`: the n x n identity matrix, batched.
class IdentityTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit IdentityTensor(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};
} // namespace neml2
