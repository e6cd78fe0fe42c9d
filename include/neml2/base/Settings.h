// Input-file wide settings, read from the [Settings] section.
#pragma once

#include "neml2/base/OptionSet.h"
#include "neml2/misc/types.h"

namespace neml2
{
class Settings
{
public:
  static OptionSet expected_options();

  /// Defaults (what an input file without [Settings] gets).
  Settings();
  explicit Settings(const OptionSet & options);

  /// Options of the floating-point tensors the input's objects create.
  TensorOptions tensor_options() const;
  /// Options of the integer tensors the input's objects create.
  TensorOptions integer_tensor_options() const;
  /// Run every model eagerly, never through the JIT.
  bool disable_jit() const { return _disable_jit; }
  /// A number below which values are treated as zero where a model needs such a cut-off.
  double machine_precision() const { return _machine_precision; }
  /// Tolerances models may use for their own checks.
  double tolerance() const { return _tolerance; }
  double tighter_tolerance() const { return _tighter_tolerance; }

  const OptionSet & options() const { return _options; }

private:
  OptionSet _options;
  Dtype _float_type;
  Dtype _int_type;
  Device _device;
  bool _disable_jit;
  double _machine_precision;
  double _tolerance;
  double _tighter_tolerance;
};
} // namespace neml2
