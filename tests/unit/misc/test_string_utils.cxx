#include <gtest/gtest.h>

#include "neml2/misc/string_utils.h"

using namespace neml2::utils;

TEST(StringUtils, SplitTrimJoin)
{
  EXPECT_EQ(split("  a b\tc \n"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(split("state//a/", "/"), (std::vector<std::string>{"state", "a"}));
  EXPECT_EQ(trim("  x y  "), "x y");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(join(std::vector<std::string>{"a", "b"}, ", "), "a, b");
  EXPECT_TRUE(starts_with("state/a", "state"));
  EXPECT_TRUE(ends_with("a_rate", "_rate"));
  EXPECT_FALSE(ends_with("a", "_rate"));
}

TEST(StringUtils, EditDistanceCountsTranspositionsOnce)
{
  EXPECT_EQ(edit_distance("variable", "variable"), 0u);
  EXPECT_EQ(edit_distance("variabel", "variable"), 1u);
  EXPECT_EQ(edit_distance("rate", "rates"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(StringUtils, DidYouMeanSuggestsOnlyPlausibleNames)
{
  const std::vector<std::string> types = {"ScalarVariableRate", "SR2VariableRate", "ComposedModel"};
  EXPECT_EQ(nearest("ScalarVariableRat", types), "ScalarVariableRate");
  EXPECT_EQ(nearest("ComposeModel", types), "ComposedModel");
  EXPECT_EQ(nearest("Banana", types), "");
  EXPECT_EQ(did_you_mean("ComposeModel", types), " Did you mean 'ComposedModel'?");
  EXPECT_EQ(did_you_mean("zzz", types), "");
}
