#include "neml2/base/user_tensors/FillTensors.h"
#include "neml2/base/EnumSelection.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/tensors/functions/creation.h"
#include "neml2/tensors/functions/math.h"
#include "neml2/tensors/tensors.h"
#include "neml2/tensors/tensor_types.h"

#include <ATen/ops/tensor.h>
#include <ATen/ops/where.h>

namespace neml2
{
namespace
{
std::vector<Scalar>
resolve_all(const std::vector<TensorName<Scalar>> & names, Factory * factory)
{
  std::vector<Scalar> out;
  for (const auto & n : names)
    out.push_back(n.resolve(factory));
  return out;
}
} // namespace

template <class T>
OptionSet
FillTensor<T>::expected_options()
{
  auto options = TensorProvider::expected_options();
  std::string counts;
  if constexpr (std::is_same_v<T, SR2>)
  {
    options.doc() = "A symmetric second-order tensor from its components: 1 value a gives a I; 3 "
                    "values the diagonal; 6 values the components 11 22 33 23 13 12 (physical "
                    "values: the Mandel scaling is applied here).";
    counts = "1, 3 or 6";
  }
  else if constexpr (std::is_same_v<T, R2>)
  {
    options.doc() = "A second-order tensor from its components: 1 value a gives a I; 3 values the "
                    "diagonal; 6 values a symmetric tensor (11 22 33 23 13 12); 9 values the "
                    "rows.";
    counts = "1, 3, 6 or 9";
  }
  else if constexpr (std::is_same_v<T, WR2>)
  {
    options.doc() = "A skew second-order tensor from its axial vector (3 values).";
    counts = "3";
  }
  else
  {
    options.doc() = "A rotation from 3 values: the modified Rodrigues parameters, or the classical "
                    "Rodrigues vector with method = standard.";
    counts = "3";
    options.add<EnumSelection>(
        "method", EnumSelection({"modified", "standard"}, "modified"),
        "modified: the values are modified Rodrigues parameters n tan(theta/4); standard: they "
        "are the Rodrigues vector n tan(theta/2).");
  }
  options.add_required<std::vector<TensorName<Scalar>>>(
      "values", "The components (" + counts + "), numbers or names of Scalar tensors.");
  return options;
}

template <class T>
FillTensor<T>::FillTensor(const OptionSet & options) : TensorProvider(options)
{
  const auto v = resolve_all(options.get<std::vector<TensorName<Scalar>>>("values"), factory());
  const auto n = v.size();
  auto bad = [&](const char * counts)
  {
    return option_error("values", utils::stringify("expected ", counts, " values for a ",
                                                   TensorTypeName<T>::value, ", got ", n));
  };
  if constexpr (std::is_same_v<T, SR2>)
  {
    if (n != 1 && n != 3 && n != 6)
      throw bad("1, 3 or 6");
    _value = SR2::fill(v);
  }
  else if constexpr (std::is_same_v<T, R2>)
  {
    if (n == 1)
      _value = R2::identity(v[0].options()) * v[0];
    else if (n == 3)
    {
      const auto z = Scalar::zeros_like(v[0]);
      _value = R2::fill({v[0], z, z, z, v[1], z, z, z, v[2]});
    }
    else if (n == 6)
      _value = R2::fill({v[0], v[5], v[4], v[5], v[1], v[3], v[4], v[3], v[2]});
    else if (n == 9)
      _value = R2::fill(v);
    else
      throw bad("1, 3, 6 or 9");
  }
  else if constexpr (std::is_same_v<T, WR2>)
  {
    if (n != 3)
      throw bad("3");
    _value = WR2::fill(v[0], v[1], v[2]);
  }
  else
  {
    if (n != 3)
      throw bad("3");
    if (options.get<EnumSelection>("method") == "standard")
      _value = Rot::fill_rodrigues(Vec::fill(v[0], v[1], v[2]));
    else
      _value = Rot::fill(v[0], v[1], v[2]);
  }
}

register_NEML2_object_alias(FillTensor<SR2>, "FillSR2");
register_NEML2_object_alias(FillTensor<R2>, "FillR2");
register_NEML2_object_alias(FillTensor<WR2>, "FillWR2");
register_NEML2_object_alias(FillTensor<Rot>, "FillRot");

OptionSet
FillMillerIndex::expected_options()
{
  auto options = TensorProvider::expected_options();
  options.doc() = "Miller indices: integer triples (h k l, ...; -1 for 1-bar), a batch of one "
                  "MillerIndex per triple.";
  options.add_required<std::vector<Size>>("values", "The indices, three per direction or plane.");
  return options;
}

FillMillerIndex::FillMillerIndex(const OptionSet & options) : TensorProvider(options)
{
  const auto & v = options.get<std::vector<Size>>("values");
  if (v.empty() || v.size() % 3 != 0)
    throw option_error("values",
                       utils::stringify("expected a multiple of 3 integers, got ", v.size()));
  const std::vector<int64_t> data(v.begin(), v.end());
  _value = MillerIndex(at::tensor(data, integer_creation_options()).reshape({-1, 3}), 1);
}

register_NEML2_object(FillMillerIndex);

OptionSet
Orientation::expected_options()
{
  auto options = TensorProvider::expected_options();
  options.doc() = "Rotations (Rot) from Euler angles or drawn uniformly at random. The rotation of "
                  "a set of Euler angles maps sample to crystal coordinates, as in NEML2.";
  options.add<EnumSelection>("input_type",
                             EnumSelection({"euler_angles", "random"}, "euler_angles"),
                             "How the orientations are given.");
  options.add<EnumSelection>("angle_convention", EnumSelection({"kocks", "roe", "bunge"}, "kocks"),
                             "Convention of the Euler angles.");
  options.add<EnumSelection>("angle_type", EnumSelection({"degrees", "radians"}, "degrees"),
                             "Unit of the Euler angles.");
  options.add<std::vector<double>>("values", "Euler angles, three per orientation (input_type = "
                                             "euler_angles).");
  options.add<Size>("quantity", 1,
                    "Number of random orientations; with Euler angles, a single orientation is "
                    "repeated this many times.");
  options.add<bool>("normalize", false,
                    "Replace parameters with |r| > 1 by their shadow set, so that |r| <= 1.");
  options.add<int>("random_seed", -1,
                   "Seed of the random generator (input_type = random); negative: do not seed.");
  return options;
}

Orientation::Orientation(const OptionSet & options) : TensorProvider(options)
{
  const auto quantity = options.get<Size>("quantity");
  if (quantity < 1)
    throw option_error("quantity", utils::stringify("must be positive, got ", quantity));
  Rot r;
  if (options.get<EnumSelection>("input_type") == "random")
  {
    if (options.user_specified("values"))
      throw option_error("values", "Euler angles are not used with input_type = random");
    const auto seed = options.get<int>("random_seed");
    if (seed >= 0)
      at::manual_seed(static_cast<uint64_t>(seed));
    r = Rot::fill_random({quantity}, creation_options());
  }
  else
  {
    if (options.user_specified("random_seed"))
      throw option_error("random_seed", "a seed is only used with input_type = random");
    const auto & v = options.get<std::vector<double>>("values");
    if (v.empty() || v.size() % 3 != 0)
      throw option_error("values",
                         utils::stringify("expected three Euler angles per orientation, got ",
                                          v.size(), " values"));
    const auto angles = Vec(at::tensor(v, creation_options()).reshape({-1, 3}), 1);
    r = Rot::fill_euler_angles(angles, options.get<EnumSelection>("angle_convention").selected(),
                               options.get<EnumSelection>("angle_type").selected());
    if (quantity > 1)
    {
      if (r.size(0) != 1 && r.size(0) != quantity)
        throw option_error("quantity",
                           utils::stringify("cannot repeat ", r.size(0), " orientations ", quantity,
                                            " times (give one orientation, or quantity of them)"));
      r = r.dynamic_expand({quantity}).contiguous();
    }
  }
  if (options.get<bool>("normalize"))
    r = where(r.norm_sq() > 1.0, r.shadow(), r);
  _value = r;
}

register_NEML2_object(Orientation);
} // namespace neml2
