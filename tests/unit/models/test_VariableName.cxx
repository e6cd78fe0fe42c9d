#include <gtest/gtest.h>

#include "neml2/models/VariableName.h"
#include "neml2_testing/helpers.h"

using namespace neml2;

TEST(VariableName, AxisAndPathForms)
{
  VariableName a("state", "internal", "Ep");
  EXPECT_EQ(a, VariableName("state/internal/Ep"));
  EXPECT_EQ(a.axis(), "state");
  EXPECT_EQ(a.str(), "state/internal/Ep");
  EXPECT_EQ(a.items().size(), 3u);
  EXPECT_TRUE(a.is_state());
}

TEST(VariableName, OldCurrentRateAndResidualNames)
{
  EXPECT_EQ(VariableName("state/a").old(), VariableName("old_state/a"));
  EXPECT_EQ(VariableName("forces/t").old(), VariableName("old_forces/t"));
  EXPECT_EQ(VariableName("old_forces/t").current(), VariableName("forces/t"));
  EXPECT_EQ(VariableName("state/a").with_suffix("_rate"), VariableName("state/a_rate"));
  EXPECT_EQ(VariableName("state/a").on_axis("residual"), VariableName("residual/a"));
  auto msg = test::error_message<TypeError>([] { VariableName("residual/a").old(); });
  test::expect_contains(msg, {"'residual/a' has no previous-step name"});
}

TEST(VariableName, InvalidNamesAreRejectedWithASuggestion)
{
  test::expect_contains(test::error_message<TypeError>([] { VariableName("stat/a"); }),
                        {"'stat/a'", "must start with one of the axes", "Did you mean 'state'?"});
  test::expect_contains(test::error_message<TypeError>([] { VariableName("state"); }),
                        {"an axis alone is not a variable"});
  test::expect_contains(test::error_message<TypeError>([] { VariableName("state//a"); }),
                        {"empty path component"});
}

TEST(VariableName, OrderedAndHashable)
{
  EXPECT_LT(VariableName("forces/t"), VariableName("state/a"));
  EXPECT_EQ(std::hash<VariableName>()(VariableName("state", "a")),
            std::hash<VariableName>()(VariableName("state/a")));
}
