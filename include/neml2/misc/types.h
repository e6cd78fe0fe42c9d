// Basic vocabulary types shared by every layer: sizes, shapes, dtypes, devices.
// Kept tiny so that headers which only need the vocabulary stay cheap to include.
#pragma once

#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>
#include <c10/core/TensorOptions.h>
#include <c10/util/ArrayRef.h>
#include <c10/util/SmallVector.h>
#include <cstdint>

namespace neml2
{
using Size = int64_t;
using TensorShape = c10::SmallVector<Size, 8>;
using TensorShapeRef = c10::ArrayRef<Size>;
using TensorOptions = c10::TensorOptions;
using Dtype = c10::ScalarType;
using Device = c10::Device;
using DeviceType = c10::DeviceType;

constexpr auto kInt8 = c10::kChar;
constexpr auto kInt16 = c10::kShort;
constexpr auto kInt32 = c10::kInt;
constexpr auto kInt64 = c10::kLong;
constexpr auto kFloat16 = c10::kHalf;
constexpr auto kFloat32 = c10::kFloat;
constexpr auto kFloat64 = c10::kDouble;
constexpr auto kBool = c10::kBool;
constexpr auto kCPU = c10::kCPU;
constexpr auto kCUDA = c10::kCUDA;

/// Options for tensors the library creates when the caller gives none (float64 on the CPU unless
/// the input file's [Settings] or the caller changed it).
TensorOptions default_tensor_options();
/// Change the dtype used by default_tensor_options().
void set_default_dtype(Dtype dtype);
/// Change the device used by default_tensor_options().
void set_default_device(Device device);
} // namespace neml2
