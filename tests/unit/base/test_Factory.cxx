#include <gtest/gtest.h>

#include "neml2/base/Factory.h"
#include "neml2/base/HITParser.h"
#include "neml2/base/Registry.h"
#include "neml2/base/TensorName.h"
#include "neml2/base/TensorProvider.h"
#include "neml2/tensors/Scalar.h"
#include "neml2/tensors/SR2.h"
#include "neml2_testing/helpers.h"

#include <ATen/ops/allclose.h>
#include <ATen/ops/tensor.h>

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;
using neml2::test::test_path;

namespace
{
std::string
load_error(const std::string & name)
{
  return error_message<Error>(
      [&]
      {
        auto & f = reload_input(test_path("unit/base/inputs/errors/" + name));
        // Objects are built lazily: build them all so that construction errors surface too.
        for (const auto & n : f.object_names("Models"))
          f.get_object<NEML2Object>("Models", n);
      });
}

std::unique_ptr<Factory>
factory_from(const std::string & text)
{
  return std::make_unique<Factory>(hit::parse_text("inline.i", text));
}
} // namespace

TEST(Factory, UnknownTypeSuggestsTheNearest)
{
  auto msg = load_error("unknown_type.i");
  expect_contains(msg, {"unknown_type.i:3:12", "[Models/eq1]", "unknown type 'ScalarVariableRat'",
                        "Did you mean 'ScalarVariableRate'?"});
}

TEST(Factory, UnknownOptionSuggestsTheNearest)
{
  auto msg = load_error("unknown_option.i");
  expect_contains(msg, {"unknown_option.i:4:5", "[Models/eq1]", "unknown option 'variabel'",
                        "ScalarVariableRate", "Did you mean 'variable'?"});
}

TEST(Factory, MissingRequiredOptionQuotesItsDoc)
{
  auto msg = load_error("missing_required.i");
  expect_contains(msg,
                  {"missing_required.i:2:3", "[Models/eq1]", "missing required option 'variable'",
                   "The variable v whose rate is taken."});
}

TEST(Factory, UnknownSection)
{
  auto msg = load_error("unknown_section.i");
  expect_contains(msg,
                  {"unknown_section.i:1:1", "unknown section [Model]", "Did you mean 'Models'?"});
}

TEST(Factory, UnterminatedStringAndSection)
{
  expect_contains(load_error("unterminated_string.i"),
                  {"unterminated_string.i:4:16", "unterminated string"});
  expect_contains(load_error("unterminated_section.i"),
                  {"unterminated_section.i:1:1", "never closed"});
}

TEST(Factory, WronglyTypedValues)
{
  expect_contains(load_error("bad_value.i"), {"bad_value.i:5:11", "[Models/eq1]", "option 'jit'",
                                              "expected a boolean", "'maybe'"});
  expect_contains(load_error("bad_variable_name.i"),
                  {"bad_variable_name.i:4:16", "[Models/eq1]", "option 'variable'", "'stat/a'",
                   "Did you mean 'state'?"});
}

TEST(Factory, TypeInTheWrongSection)
{
  expect_contains(load_error("wrong_section.i"),
                  {"wrong_section.i:3:12", "[Tensors/eq1]", "belongs in [Models]"});
}

TEST(Factory, UnknownObjectReference)
{
  expect_contains(load_error("unknown_submodel.i"),
                  {"unknown_submodel.i:8:14", "no object named 'eq3' in [Models]",
                   "Did you mean 'eq1'?", "while building [Models/eq]"});
}

TEST(Factory, SettingsAreCheckedToo)
{
  expect_contains(load_error("settings_unknown_option.i"),
                  {"settings_unknown_option.i:2:3", "[Settings] unknown option 'disable_jt'",
                   "Did you mean 'disable_jit'?"});
  auto f = factory_from("[Settings]\n disable_jit = true\n[]\n");
  EXPECT_TRUE(f->settings().disable_jit());
  EXPECT_FALSE(factory_from("")->settings().disable_jit());
}

TEST(Factory, FieldsDirectlyInASectionAreRejected)
{
  auto msg = error_message<ParseError>([] { factory_from("[Models]\n x = 1\n[]\n"); });
  expect_contains(msg, {"inline.i:2:2", "written directly in [Models]"});
  auto msg2 = error_message<OptionError>([] { factory_from("[Models]\n [a]\n x = 1\n []\n[]\n"); });
  expect_contains(msg2, {"inline.i:2:2", "[Models/a] has no 'type'", "ScalarVariableRate"});
}

TEST(Factory, ObjectsAreBuiltLazilyAndOnce)
{
  auto f = factory_from("[Models]\n [b]\n type = ComposedModel\n models = 'a'\n []\n"
                        " [a]\n type = ScalarVariableRate\n variable = 'state/x'\n []\n[]\n");
  EXPECT_TRUE(f->built_objects().empty());
  auto & b = f->get_object<NEML2Object>("Models", "b");
  EXPECT_EQ(f->built_objects().size(), 2u); // b needed a, declared after it
  EXPECT_EQ(&b, &f->get_object<NEML2Object>("Models", "b"));
  auto msg = error_message<TypeError>([&] { f->get_object<TensorProvider>("Models", "a"); });
  expect_contains(msg, {"[Models/a] is of type 'ScalarVariableRate'", "TensorProvider"});
}

TEST(Factory, TensorNames)
{
  auto f =
      factory_from("[Tensors]\n [s]\n type = Scalar\n values = '1 2 3'\n batch_shape = (3)\n []\n"
                   " [v]\n type = SR2\n values = '1 2 3 4 5 6 7 8 9 10 11 12'\n"
                   " batch_shape = (2)\n []\n[]\n");
  TensorName<Scalar> number("2.5");
  EXPECT_DOUBLE_EQ(number.resolve(f.get()).item<double>(), 2.5);
  auto s = TensorName<Scalar>("s").resolve(f.get());
  EXPECT_EQ(s.shape_str(), "(3;)");
  auto v = TensorName<SR2>("v").resolve(f.get());
  EXPECT_EQ(v.shape_str(), "(2;6)");
  auto wrong = error_message<TypeError>([&] { TensorName<Scalar>("v").resolve(f.get()); });
  expect_contains(wrong, {"[Tensors/v]", "(2;6)", "not a Scalar"});
  auto missing = error_message<OptionError>(
      [&] {
        TensorName<Scalar>("w", {"inline.i", 9, 9}).resolve(f.get());
      });
  expect_contains(missing, {"inline.i:9:9", "no object named 'w' in [Tensors]", "Did you mean"});
  auto bad = error_message<OptionError>(
      []
      {
        factory_from("[Tensors]\n [s]\n type = SR2\n values = '1 2 3 4'\n []\n[]\n")
            ->get_object<TensorProvider>("Tensors", "s");
      });
  expect_contains(
      bad, {"[Tensors/s] option 'values'", "expected 6 values (the components of one SR2), got 4"});
}

TEST(Registry, RegisteredNamesResolve)
{
  // The registration lines must survive linking: every built-in type is present.
  for (const auto * t : {"ComposedModel", "ScalarVariableRate", "VecVariableRate",
                         "SR2VariableRate", "Scalar", "SR2"})
    EXPECT_NE(Registry::get().find(t), nullptr) << t;
  EXPECT_EQ(Registry::get().find("ComposedModel")->section(), "Models");
  auto models = Registry::get().types_in("Models");
  EXPECT_NE(std::find(models.begin(), models.end(), "ComposedModel"), models.end());
}
