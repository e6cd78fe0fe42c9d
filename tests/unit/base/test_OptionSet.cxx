#include <gtest/gtest.h>

#include "neml2/base/EnumSelection.h"
#include "neml2/base/HITParser.h"
#include "neml2/base/OptionSet.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
/// Parse `text` ("name = value") and read the field into `opts`.
void
read(OptionSet & opts, const std::string & text)
{
  auto root = hit::parse_text("opts.i", text);
  for (const auto * f : root->fields())
    opts.get(f->name()).parse(*f);
}
} // namespace

TEST(OptionSet, TypedValuesAndDefaults)
{
  OptionSet opts;
  opts.add<int>("n", 3, "an int");
  opts.add<bool>("flag", false, "a bool");
  opts.add<double>("x", 1.5, "a real");
  opts.add<std::string>("s", "hello", "a string");
  opts.add<std::vector<double>>("v", "a list");
  opts.add<std::vector<std::vector<Size>>>("m", "rows");
  opts.add<TensorShape>("shape", "a shape");
  opts.add_required<std::string>("r", "required");
  EXPECT_EQ(opts.get<int>("n"), 3);
  EXPECT_FALSE(opts.user_specified("n"));
  EXPECT_TRUE(opts.get("r").required());

  read(opts,
       "n = -4\nflag = on\nx = 2e-3\ns = 'a b'\nv = '1 2.5 3'\nm = '1 2; 3 4'\nshape = '(5, 6)'\n");
  EXPECT_EQ(opts.get<int>("n"), -4);
  EXPECT_TRUE(opts.get<bool>("flag"));
  EXPECT_DOUBLE_EQ(opts.get<double>("x"), 2e-3);
  EXPECT_EQ(opts.get<std::string>("s"), "a b");
  EXPECT_EQ(opts.get<std::vector<double>>("v"), (std::vector<double>{1, 2.5, 3}));
  EXPECT_EQ(opts.get<std::vector<std::vector<Size>>>("m")[1], (std::vector<Size>{3, 4}));
  EXPECT_EQ(opts.get<TensorShape>("shape"), TensorShape({5, 6}));
  EXPECT_TRUE(opts.user_specified("n"));
  EXPECT_EQ(opts.location_of("n").str(), "opts.i:1:5");

  std::ostringstream os;
  os << opts.get("v") << " | " << opts.get("shape") << " | " << opts.get("m");
  EXPECT_EQ(os.str(), "1 2.5 3 | (5,6) | 1 2; 3 4");
}

TEST(OptionSet, BadValuesSayWhatWasExpected)
{
  OptionSet opts;
  opts.add<int>("n", 0, "doc");
  opts.add<double>("x", 0.0, "doc");
  opts.add<TensorShape>("shape", "doc");
  opts.add<std::vector<int>>("v", "doc");
  expect_contains(error_message<OptionError>([&] { read(opts, "n = 2.5"); }),
                  {"opts.i:1:5", "option 'n'", "expected an integer", "'2.5'"});
  expect_contains(error_message<OptionError>([&] { read(opts, "n = '1 2'"); }),
                  {"expected a single integer", "2 values"});
  expect_contains(error_message<OptionError>([&] { read(opts, "x = abc"); }),
                  {"expected a real number", "'abc'"});
  expect_contains(error_message<OptionError>([&] { read(opts, "shape = (5,,6)"); }),
                  {"expected a shape"});
  expect_contains(error_message<OptionError>([&] { read(opts, "v = '1 x 3'"); }),
                  {"expected an integer", "'x'"});
}

TEST(OptionSet, EnumerationsListTheirChoices)
{
  OptionSet opts;
  opts.add<EnumSelection>("kind", EnumSelection({"I1", "I2", "VONMISES"}, "I1"), "doc");
  read(opts, "kind = VONMISES");
  EXPECT_EQ(opts.get<EnumSelection>("kind").selected(), "VONMISES");
  EXPECT_EQ(opts.get<EnumSelection>("kind").index(), 2u);
  EXPECT_EQ(opts.get("kind").type_name(), "enum (I1, I2, VONMISES)");
  expect_contains(
      error_message<OptionError>([&] { read(opts, "kind = VONMISE"); }),
      {"'VONMISE' is not one of the valid values (I1, I2, VONMISES)", "Did you mean 'VONMISES'?"});
}

TEST(OptionSet, MissingOptionNamesTheObject)
{
  OptionSet opts;
  opts.section() = "Models";
  opts.name() = "m";
  opts.add<int>("count", 0, "doc");
  expect_contains(error_message<OptionError>([&] { opts.get("cuont"); }),
                  {"[Models/m] has no option 'cuont'", "Did you mean 'count'?"});
  expect_contains(error_message<OptionError>([&] { opts.get<double>("count"); }),
                  {"holds a int, not a real"});
}

TEST(OptionSet, CopiesAreDeep)
{
  OptionSet a;
  a.add<int>("n", 1, "doc");
  OptionSet b = a;
  b.set<int>("n") = 5;
  EXPECT_EQ(a.get<int>("n"), 1);
  EXPECT_EQ(b.get<int>("n"), 5);
}
