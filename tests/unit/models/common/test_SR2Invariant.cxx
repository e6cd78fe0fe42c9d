#include <gtest/gtest.h>

#include "neml2/base/HITParser.h"
#include "neml2/jit/TraceCache.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
Model &
model_from(const std::string & text, const std::string & name = "m")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("inv.i", text)));
  return keep.back()->get_object<Model>("Models", name);
}
} // namespace

TEST(SR2Invariant, TheTypeMustBeChosen)
{
  const auto msg = error_message(
      []
      {
        model_from("[Models] [m] type = SR2Invariant tensor = 'state/A' invariant = 'state/a' "
                   "[] []");
      });
  expect_contains(msg, {"[Models/m] option 'invariant_type'", "choose the invariant"});
  const auto msg2 = error_message(
      []
      {
        model_from("[Models] [m] type = SR2Invariant tensor = 'state/A' invariant = 'state/a' "
                   "invariant_type = J2 [] []");
      });
  expect_contains(msg2, {"inv.i:1:", "J2", "VONMISES", "EFFECTIVE_STRAIN"});
}

TEST(SR2Invariant, ConstantDerivativesAreTracedNotEvaluatedEagerly)
{
  // dI1/dA is the identity, returned as is: the traced graph records it as a constant
  auto & m = model_from("[Models] [m] type = SR2Invariant tensor = 'state/A' invariant = 'state/a' "
                        "invariant_type = I1 [] []");
  const auto before = jit::statistics().eager_fallbacks;
  const auto A = SR2::fill(1, 2, 3, 4, 5, 6).dynamic_expand({4});
  for (int i = 0; i < 3; ++i)
  {
    const auto d = m.dvalue({{"state/A", A}});
    EXPECT_TRUE(allclose(Tensor(d.at("state/a").at("state/A")), Tensor(SR2::identity())));
  }
  EXPECT_EQ(jit::statistics().eager_fallbacks, before);
  EXPECT_EQ(m.trace_cache().num_traces(), 1u);
}
