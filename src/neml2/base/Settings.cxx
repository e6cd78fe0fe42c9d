#include "neml2/base/Settings.h"
#include "neml2/base/EnumSelection.h"

#include <ATen/Parallel.h>

namespace neml2
{
namespace
{
Dtype
dtype_of(const std::string & name)
{
  if (name == "Float16")
    return kFloat16;
  if (name == "Float32")
    return kFloat32;
  if (name == "Float64")
    return kFloat64;
  if (name == "Int8")
    return kInt8;
  if (name == "Int16")
    return kInt16;
  if (name == "Int32")
    return kInt32;
  return kInt64;
}
} // namespace

OptionSet
Settings::expected_options()
{
  OptionSet options;
  options.section() = "Settings";
  options.name() = "Settings";
  options.doc() = "Settings that apply to every object of the input file.";
  options.add<EnumSelection>("default_floating_point_type",
                             EnumSelection({"Float16", "Float32", "Float64"}, "Float64"),
                             "Floating-point type of the tensors the input's objects create.");
  options.add<EnumSelection>("default_integer_type",
                             EnumSelection({"Int8", "Int16", "Int32", "Int64"}, "Int64"),
                             "Integer type of the integer tensors the input's objects create "
                             "(e.g. Miller indices).");
  options.add<Device>("default_device", Device(kCPU),
                      "Device of the tensors the input's objects create, e.g. cpu or cuda:0.");
  options.add<bool>("disable_jit", false,
                    "Evaluate every model eagerly instead of tracing it into a TorchScript graph. "
                    "Results are identical; use it to debug or to measure the JIT's effect.");
  options.add<double>("machine_precision", 1e-15,
                      "Values below this are treated as zero where a model needs such a cut-off "
                      "(e.g. the norm of a vanishing deviator).");
  options.add<double>("tolerance", 1e-6, "A tolerance models may use for their own checks.");
  options.add<double>("tighter_tolerance", 1e-12,
                      "A tighter tolerance models may use for their own checks.");
  options.add<int>("intraop_threads", 0,
                   "Threads libtorch uses inside one operation (0: leave libtorch's default). "
                   "Applies to the whole process.");
  options.add<int>("interop_threads", 0,
                   "Threads libtorch uses across operations (0: leave libtorch's default). "
                   "Applies to the whole process, and only before libtorch starts its pool.");
  return options;
}

Settings::Settings() : Settings(expected_options()) {}

Settings::Settings(const OptionSet & options)
    : _options(options),
      _float_type(dtype_of(options.get<EnumSelection>("default_floating_point_type").selected())),
      _int_type(dtype_of(options.get<EnumSelection>("default_integer_type").selected())),
      _device(options.get<Device>("default_device")),
      _disable_jit(options.get<bool>("disable_jit")),
      _machine_precision(options.get<double>("machine_precision")),
      _tolerance(options.get<double>("tolerance")),
      _tighter_tolerance(options.get<double>("tighter_tolerance"))
{
  for (const auto * name : {"intraop_threads", "interop_threads"})
    if (options.get<int>(name) < 0)
      throw options.error(name, "must be 0 (libtorch's default) or positive");
  if (const auto n = options.get<int>("intraop_threads"); n > 0)
    at::set_num_threads(n);
  if (const auto n = options.get<int>("interop_threads");
      n > 0 && at::get_num_interop_threads() != n)
    at::set_num_interop_threads(n);
}

TensorOptions
Settings::tensor_options() const
{
  return TensorOptions().dtype(_float_type).device(_device);
}

TensorOptions
Settings::integer_tensor_options() const
{
  return TensorOptions().dtype(_int_type).device(_device);
}
} // namespace neml2
