#include <gtest/gtest.h>

#include <ATen/ops/allclose.h>
#include <ATen/ops/eye.h>
#include <ATen/ops/tensor.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Vec.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
copy(const std::string & body)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(
      hit::parse_text("copy.i", "[Models]\n [model]\n" + body + " []\n[]\n")));
  return keep.back()->get_object<Model>("Models", "model");
}
} // namespace

TEST(Copy, CopiesUnderAnotherName)
{
  auto & m = copy("  type = CopyVec from = 'state/v' to = 'forces/w'\n");
  EXPECT_EQ(m.input_names(), (std::vector<VariableName>{"state/v"}));
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"forces/w"}));
  const auto v = Vec(at::tensor({1.0, -2.0, 3.0, 4.0, 5.0, -6.0}, at::kDouble).view({2, 3}), 1);
  const auto [y, dy] = m.value_and_dvalue({{"state/v", v}});
  EXPECT_TRUE(at::allclose(y.at("forces/w"), v, 0, 0));
  EXPECT_TRUE(at::allclose(dy.at("forces/w").at("state/v"),
                           at::eye(3, at::kDouble).expand({2, 3, 3}), 0, 0));
}

TEST(Copy, ToAndFromMustDiffer)
{
  auto msg = error_message<OptionError>(
      [] { copy("  type = CopyScalar from = 'state/a' to = 'state/a'\n"); });
  expect_contains(msg, {"option 'to'", "'state/a' is also the variable copied"});
}
