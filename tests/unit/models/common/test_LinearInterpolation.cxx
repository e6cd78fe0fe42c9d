#include <gtest/gtest.h>

#include <ATen/ops/tensor.h>

#include "neml2/base/HITParser.h"
#include "neml2/jit/TraceCache.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/derivatives.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
model_from(const std::string & text, const std::string & name = "E")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("interp.i", text)));
  return keep.back()->get_object<Model>("Models", name);
}

const std::string tables = "[Tensors]\n"
                           " [X] type = Scalar values = '0 1 3' batch_shape = (3) []\n"
                           " [Y] type = Scalar values = '1 3 2' batch_shape = (3) []\n"
                           " [Y4] type = Scalar values = '1 3 2 0' batch_shape = (4) []\n"
                           "[]\n";
} // namespace

TEST(LinearInterpolation, TablesMustHaveTheSameNumberOfPoints)
{
  const auto msg = error_message(
      []
      {
        model_from(tables + "[Models] [E] type = ScalarLinearInterpolation argument = 'forces/T' "
                            "abscissa = 'X' ordinate = 'Y4' [] []");
      });
  expect_contains(msg, {"[Models/E] option 'ordinate'", "4 points", "abscissa has 3"});
  const auto msg2 = error_message(
      []
      {
        model_from("[Models] [E] type = ScalarLinearInterpolation argument = 'forces/T' "
                   "abscissa = 1 ordinate = 2 [] []");
      });
  expect_contains(msg2, {"option 'abscissa'", "at least one batch dimension"});
}

TEST(LinearInterpolation, KnotsAndBothEndsOneTraceForEveryBatchSize)
{
  auto & m = model_from(tables + "[Models] [E] type = ScalarLinearInterpolation "
                                 "argument = 'forces/T' abscissa = 'X' ordinate = 'Y' [] []");
  EXPECT_EQ(m.output_names(), (std::vector<VariableName>{"parameters/E"}));
  // knots (X_k < x <= X_k+1 picks the segment below a knot; values are continuous anyway), the
  // extension of the end segments, and a point inside
  const auto T = Scalar(at::tensor({-1.0, 0.0, 1.0, 2.0, 3.0, 4.0}, default_tensor_options()));
  const auto E = Scalar(at::tensor({-1.0, 1.0, 3.0, 2.5, 2.0, 1.5}, default_tensor_options()));
  const auto dE = Scalar(at::tensor({2.0, 2.0, 2.0, -0.5, -0.5, -0.5}, default_tensor_options()));
  const auto [v1, d1] = m.value_and_dvalue({{"forces/T", T}});
  EXPECT_TRUE(allclose(v1.at("parameters/E"), E));
  EXPECT_TRUE(allclose(d1.at("parameters/E").at("forces/T"), dE));
  EXPECT_EQ(m.trace_cache().num_traces(), 1u);

  // the same graph at another batch shape
  const auto T2 = T.dynamic_reshape({2, 3});
  const auto [v2, d2] = m.value_and_dvalue({{"forces/T", T2}});
  EXPECT_TRUE(allclose(v2.at("parameters/E"), E.dynamic_reshape({2, 3})));
  EXPECT_TRUE(allclose(d2.at("parameters/E").at("forces/T"), dE.dynamic_reshape({2, 3})));
  EXPECT_EQ(m.trace_cache().num_traces(), 1u);
}
