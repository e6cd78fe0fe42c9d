// [Tensors] objects built from a few (possibly batched) components: FillSR2, FillR2, FillWR2,
// FillRot, FillMillerIndex, and Orientation (rotations from Euler angles or random).
#pragma once

#include "neml2/base/TensorProvider.h"

namespace neml2
{
/// FillSR2 (1, 3 or 6 values), FillR2 (1, 3, 6 or 9), FillWR2 (3), FillRot (3).
template <class T>
class FillTensor : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit FillTensor(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};

/// FillMillerIndex: integer triples.
class FillMillerIndex : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit FillMillerIndex(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};

/// Orientation: rotations from Euler angles, or random ones.
class Orientation : public TensorProvider
{
public:
  static OptionSet expected_options();
  explicit Orientation(const OptionSet & options);
  Tensor tensor() const override { return _value; }

private:
  Tensor _value;
};
} // namespace neml2
