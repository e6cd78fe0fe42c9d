#include <gtest/gtest.h>

#include "neml2/base/HITParser.h"
#include "neml2/drivers/ModelUnitTest.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
ModelUnitTest &
unit_test(const std::string & text)
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("unit.i", text)));
  return keep.back()->get_object<ModelUnitTest>("Drivers", "unit");
}
} // namespace

TEST(ModelUnitTest, PassesACorrectModel)
{
  auto & t = unit_test("[Models] [m] type = TestAffine a = 3 b = 1 [] []\n"
                       "[Drivers] [unit] type = ModelUnitTest model = m\n"
                       " input_Scalar_names = 'state/x' input_Scalar_values = 2\n"
                       " output_Scalar_names = 'state/y' output_Scalar_values = 7 [] []\n");
  EXPECT_TRUE(t.run()) << (t.failures().empty() ? "" : t.failures().front());
}

TEST(ModelUnitTest, CatchesWrongValuesDerivativesAndOutputs)
{
  auto & wrong_value =
      unit_test("[Models] [m] type = TestAffine a = 3 b = 1 [] []\n"
                "[Drivers] [unit] type = ModelUnitTest model = m\n"
                " input_Scalar_names = 'state/x' input_Scalar_values = 2\n"
                " output_Scalar_names = 'state/y' output_Scalar_values = 8 [] []\n");
  EXPECT_FALSE(wrong_value.run());
  ASSERT_FALSE(wrong_value.failures().empty());
  expect_contains(wrong_value.failures().front(),
                  {"value of state/y", "max |actual - expected| = 1"});

  auto & wrong_derivative = unit_test("[Models] [m] type = TestWrongDerivative [] []\n"
                                      "[Drivers] [unit] type = ModelUnitTest model = m\n"
                                      " input_Scalar_names = 'state/x' input_Scalar_values = 2\n"
                                      " output_Scalar_names = 'state/y' output_Scalar_values = 4"
                                      " check_jit = false [] []\n");
  EXPECT_FALSE(wrong_derivative.run());
  ASSERT_EQ(wrong_derivative.failures().size(), 1u);
  expect_contains(wrong_derivative.failures().front(), {"d(state/y)/d(state/x)"});

  auto & missing = unit_test("[Models] [m] type = TestAffine [] []\n"
                             "[Drivers] [unit] type = ModelUnitTest model = m\n"
                             " input_Scalar_names = 'state/x' input_Scalar_values = 2\n"
                             " output_Scalar_names = 'state/z' output_Scalar_values = 5 [] []\n");
  EXPECT_FALSE(missing.run());
  bool not_listed = false, no_such = false;
  for (const auto & f : missing.failures())
  {
    not_listed = not_listed || f.find("'state/y' of model 'm' is not listed") != std::string::npos;
    no_such = no_such || f.find("'state/z' is listed") != std::string::npos;
  }
  EXPECT_TRUE(not_listed);
  EXPECT_TRUE(no_such);
}

TEST(ModelUnitTest, NamesAndValuesMustPair)
{
  auto msg = error_message<OptionError>(
      []
      {
        unit_test("[Models] [m] type = TestAffine [] []\n"
                  "[Drivers] [unit] type = ModelUnitTest model = m\n"
                  " input_Scalar_names = 'state/x state/q' input_Scalar_values = 2\n"
                  " output_Scalar_names = 'state/y' output_Scalar_values = 5 [] []\n")
            .run();
      });
  expect_contains(msg, {"input_Scalar_values", "2 names but 1 values"});
}
