#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/rand.h>
#include <torch/csrc/autograd/autograd.h>

#include "neml2/base/HITParser.h"
#include "neml2/models/Model.h"
#include "neml2/tensors/SR2.h"
#include "neml2/tensors/Scalar.h"
#include "neml2_testing/helpers.h"

using namespace neml2;

namespace
{
Model &
chain(const std::string & extra = "")
{
  // z = a2 (a1 x + b1) + b2, with a1, a2 parameters and b1, b2 buffers
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text(
      "params.i", "[Models]\n"
                  " [second] type = TestAffine x = 'state/y' y = 'state/z' a = 3 b = 1 []\n"
                  " [first] type = TestAffine a = 2 b = 0.5 []\n"
                  " [both] type = ComposedModel models = 'first second' []\n"
                  "[]\n" +
                      extra)));
  return keep.back()->get_object<Model>("Models", "both");
}

/// dz/da (every batch entry, every parameter) by autograd, through whatever path value() takes.
std::map<std::string, at::Tensor>
autograd_gradients(Model & m, const Scalar & x)
{
  std::map<std::string, at::Tensor> leaves;
  for (const auto & [name, p] : m.named_parameters())
  {
    auto leaf = at::Tensor(p->tensor()).detach().clone().requires_grad_(true);
    p->set(Scalar(leaf));
    leaves[name] = leaf;
  }
  at::AutoGradMode grad(true);
  const at::Tensor z = m.value({{"state/x", x}}).at("state/z");
  std::map<std::string, at::Tensor> out;
  for (const auto & [name, leaf] : leaves)
  {
    std::vector<at::Tensor> rows;
    for (int64_t i = 0; i < z.numel(); ++i)
      rows.push_back(torch::autograd::grad({z.flatten()[i]}, {leaf}, {}, true)[0]);
    out[name] = at::stack(rows);
  }
  return out;
}
} // namespace

TEST(Parameters, NamedWithSubModelPrefixes)
{
  auto & m = chain();
  std::vector<std::string> params, buffers;
  for (const auto & [n, p] : m.named_parameters())
    params.push_back(n);
  for (const auto & [n, b] : m.named_buffers())
    buffers.push_back(n);
  EXPECT_EQ(params, (std::vector<std::string>{"first.a", "second.a"}));
  EXPECT_EQ(buffers, (std::vector<std::string>{"first.b", "second.b"}));
  EXPECT_DOUBLE_EQ(Tensor(m.get_parameter("second.a")).item<double>(), 3.0);
}

TEST(Parameters, GradientThroughACompositionEqualsFiniteDifferences)
{
  for (const bool jit : {true, false})
  {
    auto & m = chain(jit ? "" : "[Settings] disable_jit = true []\n");
    const auto x = Scalar(at::rand({4}, default_tensor_options()));
    const auto grads = autograd_gradients(m, x);
    // z = a2 (a1 x + b1) + b2: dz/da1 = a2 x, dz/da2 = a1 x + b1
    const double a1 = 2, a2 = 3, b1 = 0.5;
    EXPECT_TRUE(at::allclose(grads.at("first.a"), a2 * at::Tensor(x))) << "jit " << jit;
    EXPECT_TRUE(at::allclose(grads.at("second.a"), a1 * at::Tensor(x) + b1)) << "jit " << jit;
    // and by finite differences of the parameter
    for (const auto & [name, g] : grads)
    {
      auto & p = m.get_parameter(name);
      const auto p0 = Tensor(p).detach();
      const double h = 1e-6;
      p = Scalar(at::Tensor(p0) + h);
      const at::Tensor zp = m.value({{"state/x", x}}).at("state/z");
      p = Scalar(at::Tensor(p0));
      const at::Tensor z0 = m.value({{"state/x", x}}).at("state/z");
      EXPECT_TRUE(at::allclose(g, (zp - z0) / h, 1e-5, 1e-8)) << name << " jit " << jit;
    }
  }
}

TEST(Parameters, BatchedValuesAndDeviceDtypeMoves)
{
  auto & m = chain();
  const auto x = Scalar::full(1.0);
  m.set_parameter("first.a", Scalar(at::tensor({1.0, 2.0, 3.0}, at::kDouble)));
  const at::Tensor z = m.value({{"state/x", x}}).at("state/z");
  // z = 3 (a1 + 0.5) + 1
  EXPECT_TRUE(at::allclose(z, at::tensor({5.5, 8.5, 11.5}, at::kDouble)));
  m.to(TensorOptions().dtype(kFloat32));
  for (const auto & [n, p] : m.named_parameters())
    EXPECT_EQ(p->tensor().scalar_type(), kFloat32) << n;
  const auto z32 =
      m.value({{"state/x", Scalar::full(1.0, TensorOptions().dtype(kFloat32))}}).at("state/z");
  EXPECT_EQ(z32.scalar_type(), kFloat32);
  EXPECT_TRUE(at::allclose(z32, at::tensor({5.5f, 8.5f, 11.5f})));
}

TEST(Parameters, DerivativesOfACompositionAreTheChainRule)
{
  auto & m = chain();
  const auto x = Scalar(at::rand({3}, default_tensor_options()));
  const auto [z, dz] = m.value_and_dvalue({{"state/x", x}});
  // dz/dx = a2 a1
  EXPECT_TRUE(at::allclose(dz.at("state/z").at("state/x"), at::full({}, 6.0, at::kDouble)));
  // a filter that leaves x out gives no block
  const auto none = m.evaluate({{"state/x", x}}, Request::derivatives().with_respect_to({}));
  EXPECT_TRUE(none.derivatives.empty());
}

TEST(Parameters, GradientThroughAnElasticPlasticCompositionEqualsFiniteDifferences)
{
  // the flow rate of a Perzyna model fed by elasticity, von Mises stress and linear hardening:
  // every parameter enters through a different sub-model
  const std::string text = "[Models]\n"
                           " [elasticity] type = LinearIsotropicElasticity\n"
                           "  coefficients = '1000 0.3'\n"
                           "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO' []\n"
                           " [mandel] type = IsotropicMandelStress []\n"
                           " [vonmises] type = SR2Invariant invariant_type = VONMISES\n"
                           "  tensor = 'state/internal/M' invariant = 'state/internal/s' []\n"
                           " [hardening] type = LinearIsotropicHardening hardening_modulus = 50 []\n"
                           " [yield] type = YieldFunction yield_stress = 2\n"
                           "  isotropic_hardening = 'state/internal/k' []\n"
                           " [rate] type = PerzynaPlasticFlowRate reference_stress = 20"
                           " exponent = 3 []\n"
                           " [model] type = ComposedModel\n"
                           "  models = 'elasticity mandel vonmises hardening yield rate' []\n"
                           "[]\n";
  for (const bool jit : {true, false})
  {
    Factory f(hit::parse_text("elastic_plastic.i",
                              text + (jit ? "" : "[Settings] disable_jit = true []\n")));
    auto & m = f.get_object<Model>("Models", "model");
    at::manual_seed(1);
    const ValueMap in = {
        {"state/internal/Ee", SR2(at::rand({3, 6}, default_tensor_options()).mul(0.01))},
        {"state/internal/ep", Scalar(at::rand({3}, default_tensor_options()).mul(0.01))}};
    const VariableName out("state/internal/gamma_rate");
    // evaluate once so the finite differences below run on the traced graph with new parameters
    const at::Tensor y0 = m.value(in).at(out);
    ASSERT_GT(y0.min().item<double>(), 0.0) << "every entry must be yielding";

    std::map<std::string, at::Tensor> leaves;
    for (const auto & [name, p] : m.named_parameters())
    {
      auto leaf = at::Tensor(p->tensor()).detach().clone().requires_grad_(true);
      p->set(Scalar(leaf));
      leaves[name] = leaf;
    }
    EXPECT_EQ(leaves.size(), 6u); // E, nu, K, sy, eta, n
    at::Tensor y;
    {
      at::AutoGradMode grad(true);
      y = m.value(in).at(out);
    }
    for (const auto & [name, leaf] : leaves)
    {
      std::vector<at::Tensor> rows;
      for (int64_t i = 0; i < y.numel(); ++i)
        rows.push_back(torch::autograd::grad({y.flatten()[i]}, {leaf}, {}, true)[0]);
      const auto g = at::stack(rows);
      auto & p = m.get_parameter(name);
      const at::Tensor p0 = p.tensor().detach().clone();
      const double h = 1e-7 * std::max(1.0, std::abs(p0.item<double>()));
      p = Scalar(p0 + h);
      const at::Tensor yp = m.value(in).at(out);
      p = Scalar(p0 - h);
      const at::Tensor ym = m.value(in).at(out);
      p = Scalar(p0);
      const at::Tensor fd = (yp - ym) / (2 * h);
      EXPECT_TRUE(at::allclose(g, fd, 1e-5, 1e-9))
          << name << " jit " << jit << "\nautograd " << g << "\nfinite differences " << fd;
      EXPECT_GT(g.abs().max().item<double>(), 0.0) << name << " has no influence";
    }
  }
}
