#include <gtest/gtest.h>

#include "neml2/base/HITParser.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <filesystem>
#include <fstream>
#include <sstream>
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
std::unique_ptr<hit::Node>
parse(const std::string & text)
{
  return hit::parse_text("test.i", text);
}
} // namespace

TEST(HITParser, SectionsFieldsAndLocations)
{
  auto root = parse("[Models]\n"
                    "  [eq1]\n"
                    "    type = ScalarVariableRate # a comment\n"
                    "    variable = 'state/a'\n"
                    "  []\n"
                    "[]\n");
  const auto * type = root->find("Models/eq1/type");
  ASSERT_TRUE(type);
  EXPECT_EQ(type->value(), "ScalarVariableRate");
  EXPECT_FALSE(type->quoted());
  EXPECT_EQ(type->path(), "Models/eq1/type");
  EXPECT_EQ(type->location().str(), "test.i:3:5");
  EXPECT_EQ(type->value_location().str(), "test.i:3:12");
  const auto * var = root->find("Models/eq1/variable");
  EXPECT_EQ(var->value(), "state/a");
  EXPECT_TRUE(var->quoted());
  EXPECT_EQ(root->find("Models/eq1")->location().str(), "test.i:2:3");
}

TEST(HITParser, ArraysAndTwoDimensionalArrays)
{
  auto root = parse("a = '1 2  3'\n"
                    "b = \"x y\"\n"
                    "m = '1 2; 3 4;'\n"
                    "multi = '1 2\n   3'\n");
  EXPECT_EQ(root->child("a")->tokens(), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(root->child("b")->tokens(), (std::vector<std::string>{"x", "y"}));
  auto rows = root->child("m")->rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], (std::vector<std::string>{"3", "4"}));
  EXPECT_EQ(root->child("multi")->tokens().size(), 3u);
}

TEST(HITParser, SeveralFieldsOnALineAndOldStyleHeaders)
{
  auto root = parse("[A] x=1 y = 2 [./B] z = 3 [../] []");
  EXPECT_EQ(root->find("A/x")->value(), "1");
  EXPECT_EQ(root->find("A/y")->value(), "2");
  EXPECT_EQ(root->find("A/B/z")->value(), "3");
}

TEST(HITParser, PathHeadersAndPathFields)
{
  auto root = parse("[A/B]\n c = 1\n[]\nA/B/d = 2\n");
  EXPECT_EQ(root->find("A/B/c")->value(), "1");
  EXPECT_EQ(root->find("A/B/d")->value(), "2");
  EXPECT_EQ(root->sections().size(), 1u);
}

TEST(HITParser, SectionsOpenedTwiceMerge)
{
  auto root = parse("[Models] [a] type = X [] []\n[Models] [b] type = Y [] [a] p = 1 [] []\n");
  const auto * models = root->child("Models");
  EXPECT_EQ(models->sections().size(), 2u);
  EXPECT_EQ(root->find("Models/a/p")->value(), "1");
}

TEST(HITParser, DuplicateFieldsNeedOverride)
{
  auto msg = error_message<ParseError>([] { parse("[A]\n x = 1\n x = 2\n[]\n"); });
  expect_contains(msg, {"test.i:3:2", "duplicate field 'A/x'", "first set at test.i:2:2", ":="});
  auto root = parse("[A]\n x = 1\n x := 2\n[]\n");
  EXPECT_EQ(root->find("A/x")->value(), "2");
}

TEST(HITParser, Substitution)
{
  auto root = parse("E = 100\nname = 'b'\n"
                    "[A]\n nu = 0.3\n x = '${E} ${nu}'\n [B] y = ${A/nu} []\n[]\n"
                    "E_b = 7\n z = ${E_${name}}\n");
  EXPECT_EQ(root->find("A/x")->value(), "100 0.3");
  EXPECT_EQ(root->find("A/B/y")->value(), "0.3");
  EXPECT_EQ(root->find("z")->value(), "7");
  auto msg = error_message<ParseError>([] { parse("[A]\n x = ${nope}\n[]\n"); });
  expect_contains(msg, {"test.i:2:6", "unknown substitution '${nope}'", "A/x"});
  auto cyc = error_message<ParseError>([] { parse("a = ${b}\nb = ${a}\n"); });
  expect_contains(cyc, {"circular"});
}

TEST(HITParser, Include)
{
  auto root = hit::parse_file(test::test_path("unit/base/inputs/includes.i"));
  EXPECT_EQ(root->find("Models/m/type")->value(), "ComposedModel");
  EXPECT_EQ(root->find("Models/m/models")->value(), "a b");
  auto msg = error_message<ParseError>(
      [] { hit::parse_file(test::test_path("unit/base/inputs/include_missing.i")); });
  expect_contains(msg, {"include_missing.i:1:1", "cannot open input file", "no_such_file.i"});
}

TEST(HITParser, CommandLineOverrides)
{
  auto root = hit::parse_file_with_overrides(test::test_path("unit/base/inputs/includes.i"),
                                             "Models/m/models:='c d'\nModels/m/extra = 1\n");
  EXPECT_EQ(root->find("Models/m/models")->value(), "c d");
  EXPECT_EQ(root->find("Models/m/extra")->location().file, "<command line>");
  auto msg = error_message<ParseError>(
      []
      {
        hit::parse_file_with_overrides(test::test_path("unit/base/inputs/includes.i"),
                                       "Models/m/models='c d'");
      });
  expect_contains(msg, {"<command line>:1:1", "duplicate field", "':='"});
}

TEST(HITParser, UnterminatedString)
{
  auto msg = error_message<ParseError>([] { parse("[A]\n  x = 'abc\n[]\n"); });
  expect_contains(msg, {"test.i:2:7", "unterminated string"});
}

TEST(HITParser, UnterminatedSection)
{
  auto msg = error_message<ParseError>([] { parse("[A]\n  [B]\n    x = 1\n  []\n"); });
  expect_contains(msg, {"test.i:1:1", "never closed"});
  auto msg2 = error_message<ParseError>([] { parse("[A]\n[]\n[]\n"); });
  expect_contains(msg2, {"test.i:3:1", "no section is open"});
  auto msg3 = error_message<ParseError>([] { parse("[A\n x = 1\n[]\n"); });
  expect_contains(msg3, {"test.i:1:1", "unterminated section header"});
}

TEST(HITParser, MalformedFields)
{
  expect_contains(error_message<ParseError>([] { parse("[A]\n x 1\n[]\n"); }),
                  {"test.i:2:2", "expected '=' after 'x'"});
  expect_contains(error_message<ParseError>([] { parse("[A]\n x =\n[]\n"); }),
                  {"test.i:2:2", "missing value"});
  expect_contains(error_message<ParseError>([] { parse("[A]\n = 3\n[]\n"); }),
                  {"test.i:2:2", "unexpected character '='"});
  expect_contains(error_message<ParseError>([] { parse("[A]\n x = a b\n[]\n"); }),
                  {"test.i:2:8", "expected '=' after 'b'"});
}

TEST(HITParser, RenderRoundTrips)
{
  auto root = parse("[A]\n x = 1\n y = 'a b'\n [B] z = 2 []\n[]\n");
  std::ostringstream os;
  root->render(os);
  auto again = parse(os.str());
  EXPECT_EQ(again->find("A/y")->value(), "a b");
  EXPECT_EQ(again->find("A/B/z")->value(), "2");
}

TEST(HITParser, FuzzRegressions)
{
  // Inputs the fuzz target once found failing: each must parse or raise neml2::Error, and a
  // parsed document must render to HIT that parses to the same rendering.
  const std::string dir = test::test_path("unit/base/inputs/fuzz_regressions");
  std::size_t n = 0;
  for (const auto & entry : std::filesystem::directory_iterator(dir))
  {
    ++n;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::unique_ptr<hit::Node> root;
    try
    {
      root = hit::parse_text("fuzz.i", text.str());
    }
    catch (const Error &)
    {
      continue;
    }
    std::ostringstream once, twice;
    try
    {
      root->render(once);
    }
    catch (const ParseError &)
    {
      continue;
    }
    auto again = hit::parse_text("rendered.i", once.str());
    again->render(twice);
    EXPECT_EQ(once.str(), twice.str()) << entry.path();
  }
  EXPECT_GE(n, 2u);
}
