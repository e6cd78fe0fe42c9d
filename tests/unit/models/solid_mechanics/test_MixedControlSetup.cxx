#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/tensor.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"

using namespace neml2;

namespace
{
Model &
mixed(const std::string & body)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(
      hit::parse_text("mixed.i", "[Tensors] [t] type = SR2 values = '0.5 0.5 0.5 2 2 2' [] []\n"
                                 "[Models]\n [model]\n  type = MixedControlSetup\n" +
                                     body + " []\n[]\n")));
  return keep.back()->get_object<Model>("Models", "model");
}

SR2
sr2(std::initializer_list<double> v)
{
  return SR2(at::tensor(std::vector<double>(v), at::kDouble));
}
} // namespace

TEST(MixedControlSetup, ASignalAtTheThresholdPrescribesTheBelowVariable)
{
  auto & m = mixed("");
  const auto fixed = sr2({1, 2, 3, 4, 5, 6}), state = sr2({-1, -2, -3, -4, -5, -6});
  // 0.5 is the threshold itself: below (strain prescribed), like 0
  const auto out = m.value({{"forces/control", sr2({0.5, 1, 0, 0.5000001, 0.4999999, 1})},
                            {"forces/fixed_values", fixed},
                            {"state/mixed_state", state}});
  EXPECT_TRUE(at::allclose(out.at("state/S"), sr2({-1, 2, -3, 4, -5, 6}), 0, 0))
      << out.at("state/S");
  EXPECT_TRUE(at::allclose(out.at("forces/E"), sr2({1, -2, 3, -4, 5, -6}), 0, 0))
      << out.at("forces/E");
}

TEST(MixedControlSetup, ThresholdPerComponent)
{
  // threshold 0.5 for the normal components, 2 for the shear ones: a signal of 1 prescribes the
  // normal stresses and the shear strains
  auto & m = mixed("  threshold = t\n  above_variable = 'state/sigma'\n"
                   "  below_variable = 'state/eps'\n");
  const auto out =
      m.value({{"forces/control", SR2::full(1.0, at::TensorOptions().dtype(at::kDouble))},
               {"forces/fixed_values", sr2({1, 2, 3, 4, 5, 6})},
               {"state/mixed_state", sr2({-1, -2, -3, -4, -5, -6})}});
  EXPECT_TRUE(at::allclose(out.at("state/sigma"), sr2({1, 2, 3, -4, -5, -6}), 0, 0));
  EXPECT_TRUE(at::allclose(out.at("state/eps"), sr2({-1, -2, -3, 4, 5, 6}), 0, 0));
}
