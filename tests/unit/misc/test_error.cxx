#include <gtest/gtest.h>

#include "neml2/misc/error.h"
#include "neml2_testing/helpers.h"

using namespace neml2;

TEST(Error, WhatHasLocationCategoryMessageAndContext)
{
  ShapeError e("shapes differ", SourceLocation{"input.i", 3, 7});
  e.add_context("while building [Models/a]");
  EXPECT_EQ(std::string(e.what()),
            "input.i:3:7: shape error: shapes differ\n  while building [Models/a]");
  EXPECT_EQ(e.message(), "shapes differ");
  EXPECT_EQ(e.context().size(), 1u);
}

TEST(Error, LocateKeepsTheFirstKnownLocation)
{
  OptionError e("bad");
  EXPECT_FALSE(e.location().valid());
  e.locate({"a.i", 1, 2});
  e.locate({"b.i", 3, 4});
  EXPECT_EQ(e.location().str(), "a.i:1:2");
}

TEST(Error, CheckFormatsOnlyOnFailure)
{
  int formatted = 0;
  auto expensive = [&]
  {
    ++formatted;
    return std::string("details");
  };
  NEML2_CHECK(true, Error, expensive());
  EXPECT_EQ(formatted, 0);
  auto msg = test::error_message<TypeError>(
      [&] { NEML2_CHECK(1 + 1 == 3, TypeError, "x=", 3, ' ', expensive()); });
  EXPECT_EQ(formatted, 1);
  test::expect_contains(msg, {"type error: x=3 details"});
}

TEST(Error, AssertSaysItIsABug)
{
  auto msg = test::error_message<InternalError>([] { NEML2_ASSERT(false, "broken invariant"); });
  test::expect_contains(msg, {"bug in neml2", "broken invariant", "test_error.cxx"});
}

TEST(Error, EverySubclassIsAnError)
{
  EXPECT_THROW(throw ConvergenceError("x"), Error);
  EXPECT_THROW(throw NotTraceable("x"), Error);
  EXPECT_THROW(throw ParseError("x"), Error);
  EXPECT_STREQ(ConvergenceError("x").category(), "convergence error");
}
