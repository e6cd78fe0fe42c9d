#include <gtest/gtest.h>

#include <ATen/TensorOperators.h>
#include <ATen/ops/allclose.h>
#include <ATen/ops/arange.h>
#include <ATen/ops/linspace.h>
#include <ATen/ops/stack.h>
#include <ATen/ops/tensor.h>
#include <ATen/ops/zeros.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "neml2/base/HITParser.h"
#include "neml2/drivers/TransientDriver.h"
#include "neml2/drivers/results.h"
#include "neml2_testing/helpers.h"

using namespace neml2;
using neml2::test::error_message;
using neml2::test::expect_contains;

namespace
{
/// The driver `name` of an input given as text (the factory lives as long as the test program).
TransientDriver &
driver(const std::string & text, const std::string & name = "driver")
{
  static std::vector<std::unique_ptr<Factory>> keep;
  keep.push_back(std::make_unique<Factory>(hit::parse_text("drivers.i", text)));
  return keep.back()->get_object<TransientDriver>("Drivers", name);
}

/// The components of `t`, row-major, for a `values = '...'` option (exact in double precision).
std::string
values(const at::Tensor & t)
{
  const auto flat = t.to(at::kDouble).contiguous().reshape({-1});
  std::ostringstream os;
  os << std::setprecision(std::numeric_limits<double>::max_digits10);
  for (int64_t i = 0; i < flat.numel(); ++i)
    os << (i ? " " : "") << flat[i].item<double>();
  return os.str();
}

/// A [Tensors] block of `type` holding `t`, whose leading `batch_dims` dimensions are batch ones.
std::string
tensor_block(const std::string & name, const std::string & type, const at::Tensor & t,
             int64_t batch_dims)
{
  std::string shape;
  for (int64_t d = 0; d < batch_dims; ++d)
    shape += (d ? "," : "") + std::to_string(t.size(d));
  return " [" + name + "] type = " + type + " batch_shape = '(" + shape + ")' values = '" +
         values(t) + "' []\n";
}

at::Tensor
dbl(const Tensor & t)
{
  return at::Tensor(t).to(at::kDouble);
}

void
expect_close(const Tensor & actual, const at::Tensor & expected, const std::string & what,
             double rtol = 1e-10, double atol = 1e-12)
{
  EXPECT_TRUE(at::allclose(dbl(actual), expected, rtol, atol))
      << what << "\nactual:\n"
      << at::Tensor(actual) << "\nexpected:\n"
      << expected;
}

// Elastic constants used throughout: E = 200, nu = 0.25, so lambda = mu = 80.
constexpr double E = 200, nu = 0.25;
constexpr double lambda = E * nu / ((1 + nu) * (1 - 2 * nu)), mu = E / (2 * (1 + nu));

/// Hooke's law on Mandel 6-vectors (last dimension): lambda tr(e) I + 2 mu e.
at::Tensor
stiffness(const at::Tensor & e)
{
  auto tr = e.narrow(-1, 0, 3).sum(-1, /*keepdim=*/true);
  auto s = 2 * mu * e;
  s.narrow(-1, 0, 3).add_(lambda * tr);
  return s;
}

/// The inverse: (1 + nu) / E s - nu / E tr(s) I.
at::Tensor
compliance(const at::Tensor & s)
{
  auto tr = s.narrow(-1, 0, 3).sum(-1, /*keepdim=*/true);
  auto e = (1 + nu) / E * s;
  e.narrow(-1, 0, 3).sub_(nu / E * tr);
  return e;
}

/// A history of shape (nsteps, nbatch, 6): step n, entry b is n * scale * (1 + b) * pattern.
at::Tensor
sr2_history(int64_t nsteps, int64_t nbatch, double scale)
{
  const auto pattern = at::tensor({1.0, -0.5, 0.25, 0.3, -0.2, 0.1}, at::kDouble);
  const auto n = at::arange(nsteps, at::kDouble).view({-1, 1, 1});
  const auto b = at::arange(nbatch, at::kDouble).add(1).view({1, -1, 1});
  return n * b * pattern * scale;
}

const std::string elastic_models = "[Models]\n"
                                   " [elasticity]\n"
                                   "  type = LinearIsotropicElasticity\n"
                                   "  coefficients = '200 0.25'\n"
                                   "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n"
                                   "  strain = 'forces/E'\n"
                                   " []\n"
                                   "[]\n";

/// A strain-controlled elastic run: 4 steps (times 0..3), 2 batch entries, with `extra` driver
/// options and `extra_tensors`.
std::string
strain_controlled(const std::string & extra = "", const std::string & extra_tensors = "")
{
  return "[Tensors]\n" + tensor_block("times", "Scalar", at::arange(4, at::kDouble), 1) +
         tensor_block("strains", "SR2", sr2_history(4, 2, 1e-3), 2) + extra_tensors + "[]\n" +
         elastic_models +
         "[Drivers]\n [driver] type = SDTSolidMechanicsDriver model = elasticity\n"
         "  prescribed_time = times prescribed_strain = strains\n" +
         extra + " []\n[]\n";
}

/// A fresh empty directory for files a test writes.
std::filesystem::path
scratch_dir(const std::string & name)
{
  const auto dir = std::filesystem::temp_directory_path() /
                   ("neml2_test_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::vector<std::string>
split(const std::string & line, char sep)
{
  std::vector<std::string> out;
  std::string item;
  std::istringstream is(line);
  while (std::getline(is, item, sep))
    out.push_back(item);
  if (!line.empty() && line.back() == sep)
    out.emplace_back();
  return out;
}
} // namespace

TEST(SolidMechanicsDrivers, StrainControlGivesHookesLawAtEveryStep)
{
  auto & d = driver(strain_controlled());
  ASSERT_TRUE(d.run());
  const auto strains = sr2_history(4, 2, 1e-3);
  ASSERT_EQ(d.nsteps(), 4);
  ASSERT_EQ(d.outputs().size(), 4u);
  for (int64_t n = 0; n < 4; ++n)
  {
    const auto step = " at step " + std::to_string(n);
    expect_close(d.inputs()[n].at("forces/E"), strains[n], "forces/E" + step);
    // step 0 holds the initial condition (zero), which is also C : 0
    expect_close(d.outputs()[n].at("state/S"), stiffness(strains[n]), "state/S" + step);
  }
  // the expected values are not trivially zero
  EXPECT_GT(stiffness(strains[3]).abs().max().item<double>(), 0.5);
}

TEST(SolidMechanicsDrivers, StressControlGivesTheComplianceAtEveryStep)
{
  const auto stresses = sr2_history(3, 2, 10.0);
  auto & d = driver("[Tensors]\n" + tensor_block("times", "Scalar", at::arange(3, at::kDouble), 1) +
                    tensor_block("stresses", "SR2", stresses, 2) +
                    "[]\n"
                    "[Models]\n"
                    " [compliance]\n"
                    "  type = LinearIsotropicElasticity\n"
                    "  coefficients = '200 0.25'\n"
                    "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n"
                    "  compliance = true\n"
                    "  stress = 'forces/S'\n"
                    "  strain = 'state/E'\n"
                    " []\n"
                    "[]\n"
                    "[Drivers]\n [driver] type = SDTSolidMechanicsDriver model = compliance\n"
                    "  control = STRESS prescribed_time = times prescribed_stress = stresses\n"
                    " []\n[]\n");
  ASSERT_TRUE(d.run());
  for (int64_t n = 0; n < 3; ++n)
  {
    const auto step = " at step " + std::to_string(n);
    expect_close(d.inputs()[n].at("forces/S"), stresses[n], "forces/S" + step);
    expect_close(d.outputs()[n].at("state/E"), compliance(stresses[n]), "state/E" + step);
  }
  // entry 1 at step 2: stress xx = 2 * 2 * 10 = 40 and trace 40 * (1 - 0.5 + 0.25) = 30, so
  // strain xx = (1 + nu) / E * 40 - nu / E * 30
  EXPECT_NEAR(at::Tensor(d.outputs()[2].at("state/E"))[1][0].item<double>(),
              1.25 / 200 * 40 - 0.25 / 200 * 30, 1e-14);
}

namespace
{
// Mixed control of an elastic material, solved for the mixed state. Two formulations:
//  * direct: residual/S = C : E - S, with S and E from MixedControlSetup;
//  * rate (NEML2's pattern): backward Euler of the stress rate C : dE/dt, with the previous step's
//    S and E given by a second MixedControlSetup on the old variables.
// The implicit model's residual/S is renamed residual/mixed_state, the residual of the unknown.
const std::string mixed_direct = " [elastic_stress]\n"
                                 "  type = LinearIsotropicElasticity\n"
                                 "  coefficients = '200 0.25'\n"
                                 "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n"
                                 "  strain = 'forces/E'\n"
                                 "  stress = 'state/S_elastic'\n"
                                 " []\n"
                                 " [stress_residual]\n"
                                 "  type = SR2LinearCombination\n"
                                 "  from_var = 'state/S_elastic state/S'\n"
                                 "  to_var = 'residual/S'\n"
                                 "  coefficients = '1 -1'\n"
                                 " []\n"
                                 " [implicit_mixed]\n"
                                 "  type = ComposedModel\n"
                                 "  models = 'mixed elastic_stress stress_residual rename'\n"
                                 " []\n";
const std::string mixed_rate =
    " [mixed_old]\n"
    "  type = MixedControlSetup\n"
    "  control = 'old_forces/control'\n"
    "  mixed_state = 'old_state/mixed_state'\n"
    "  fixed_values = 'old_forces/fixed_values'\n"
    "  above_variable = 'old_state/S'\n"
    "  below_variable = 'old_forces/E'\n"
    " []\n"
    " [Erate]\n"
    "  type = SR2VariableRate\n"
    "  variable = 'forces/E'\n"
    "  rate = 'forces/E_rate'\n"
    " []\n"
    " [elasticity]\n"
    "  type = LinearIsotropicElasticity\n"
    "  coefficients = '200 0.25'\n"
    "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n"
    "  strain = 'forces/E'\n"
    "  rate_form = true\n"
    " []\n"
    " [integrate_stress]\n"
    "  type = SR2BackwardEulerTimeIntegration\n"
    "  variable = 'state/S'\n"
    " []\n"
    " [implicit_mixed]\n"
    "  type = ComposedModel\n"
    "  models = 'Erate elasticity integrate_stress mixed mixed_old rename'\n"
    " []\n";

std::string
mixed_input(const std::string & implicit_models, const at::Tensor & fixed,
            const at::Tensor & control, const std::string & extra = "")
{
  return "[Tensors]\n" +
         tensor_block("times", "Scalar", at::arange(fixed.size(0), at::kDouble), 1) +
         tensor_block("fixed", "SR2", fixed, 2) + tensor_block("control", "SR2", control, 2) +
         "[]\n"
         "[Solvers] [newton] type = Newton [] []\n"
         "[Models]\n"
         " [mixed]\n"
         "  type = MixedControlSetup\n"
         "  above_variable = 'state/S'\n"
         "  below_variable = 'forces/E'\n"
         " []\n"
         " [rename]\n"
         "  type = CopySR2\n"
         "  from = 'residual/S'\n"
         "  to = 'residual/mixed_state'\n"
         " []\n" +
         implicit_models +
         " [update]\n"
         "  type = ImplicitUpdate\n"
         "  implicit_model = 'implicit_mixed'\n"
         "  solver = newton\n"
         " []\n"
         " [model]\n"
         "  type = ComposedModel\n"
         "  models = 'update mixed'\n"
         "  additional_outputs = 'state/mixed_state'\n"
         " []\n"
         "[]\n"
         "[Drivers]\n"
         " [driver]\n"
         "  type = SDTSolidMechanicsDriver\n"
         "  model = model\n"
         "  control = MIXED\n"
         "  prescribed_time = times\n"
         "  prescribed_mixed_driving_force = fixed\n"
         "  prescribed_mixed_control_signal = control\n" +
         extra +
         " []\n"
         "[]\n";
}
} // namespace

TEST(SolidMechanicsDrivers, MixedControlOfUniaxialStress)
{
  // Entry 0: uniaxial stress (strain xx prescribed, every other stress component zero).
  // Entry 1: every strain component prescribed. Entry 2: every stress component prescribed.
  const int64_t nsteps = 4;
  const auto n = at::arange(nsteps, at::kDouble);
  const auto exx = 1e-3 * n;
  auto fixed = at::zeros({nsteps, 3, 6}, at::kDouble);
  fixed.select(1, 0).select(-1, 0).copy_(exx);
  fixed.select(1, 1).copy_(sr2_history(nsteps, 1, 1e-3).select(1, 0));
  fixed.select(1, 2).copy_(sr2_history(nsteps, 1, 10.0).select(1, 0));
  auto control = at::zeros({nsteps, 3, 6}, at::kDouble);
  control.select(1, 0).narrow(-1, 1, 5).fill_(1.0);
  control.select(1, 2).fill_(1.0);

  for (const auto & [formulation, implicit_models] :
       {std::pair{"direct", mixed_direct}, std::pair{"rate", mixed_rate}})
  {
    SCOPED_TRACE(formulation);
    auto & d = driver(mixed_input(implicit_models, fixed, control));
    ASSERT_TRUE(d.run());
    for (int64_t k = 0; k < nsteps; ++k)
    {
      const auto step = " at step " + std::to_string(k);
      const auto & out = d.outputs()[k];
      const auto e = exx[k].item<double>();
      // uniaxial stress: lateral contraction -nu exx, stress xx = E exx, nothing else
      const auto E0 = at::tensor({e, -nu * e, -nu * e, 0.0, 0.0, 0.0}, at::kDouble);
      const auto S0 = at::tensor({E * e, 0.0, 0.0, 0.0, 0.0, 0.0}, at::kDouble);
      const auto E1 = fixed[k][1], S1 = stiffness(fixed[k][1]);
      const auto S2 = fixed[k][2], E2 = compliance(fixed[k][2]);
      expect_close(out.at("forces/E"), at::stack({E0, E1, E2}), "forces/E" + step);
      expect_close(out.at("state/S"), at::stack({S0, S1, S2}), "state/S" + step);
      // the unknowns: the stress where the strain is prescribed, the strain elsewhere
      const auto M0 = at::tensor({E * e, -nu * e, -nu * e, 0.0, 0.0, 0.0}, at::kDouble);
      expect_close(out.at("state/mixed_state"), at::stack({M0, S1, E2}),
                   "state/mixed_state" + step);
      expect_close(d.inputs()[k].at("forces/control"), control[k], "forces/control" + step);
    }
  }
}

TEST(SolidMechanicsDrivers, PrescribedTemperatureReachesTheModel)
{
  // E(T) interpolated between (300, 200) and (600, 100); nu = 0.25.
  const auto T = at::tensor({300.0, 400.0, 500.0, 600.0}, at::kDouble);
  const auto strains = sr2_history(4, 2, 1e-3);
  auto & d = driver("[Tensors]\n" + tensor_block("times", "Scalar", at::arange(4, at::kDouble), 1) +
                    tensor_block("strains", "SR2", strains, 2) +
                    tensor_block("temperatures", "Scalar", T, 1) +
                    " [T_table] type = Scalar values = '300 600' batch_shape = (2) []\n"
                    " [E_table] type = Scalar values = '200 100' batch_shape = (2) []\n"
                    "[]\n"
                    "[Models]\n"
                    " [E]\n"
                    "  type = ScalarLinearInterpolation\n"
                    "  argument = 'forces/T'\n"
                    "  abscissa = 'T_table'\n"
                    "  ordinate = 'E_table'\n"
                    " []\n"
                    " [elasticity]\n"
                    "  type = LinearIsotropicElasticity\n"
                    "  coefficients = 'E 0.25'\n"
                    "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n"
                    "  strain = 'forces/E'\n"
                    " []\n"
                    " [model] type = ComposedModel models = 'elasticity' []\n"
                    "[]\n"
                    "[Drivers]\n [driver] type = SDTSolidMechanicsDriver model = model\n"
                    "  prescribed_time = times prescribed_strain = strains\n"
                    "  prescribed_temperature = temperatures\n"
                    " []\n[]\n");
  ASSERT_TRUE(d.model().has_input("forces/T"));
  ASSERT_TRUE(d.run());
  for (int64_t n = 1; n < 4; ++n)
  {
    const auto step = " at step " + std::to_string(n);
    expect_close(d.inputs()[n].at("forces/T"), T[n], "forces/T" + step);
    // the stiffness scales with E(T) = 200 - (T - 300) / 3
    const double scale = (200.0 - (T[n].item<double>() - 300.0) / 3.0) / E;
    expect_close(d.outputs()[n].at("state/S"), scale * stiffness(strains[n]), "state/S" + step);
  }
}

namespace
{
// J2 viscoplasticity with linear isotropic hardening (the model of examples/j2_viscoplasticity),
// driven in uniaxial strain over three durations (three strain rates).
std::string
viscoplastic(const std::string & driver_options, int64_t nsteps = 20,
             const std::string & solver_options = "rel_tol = 1e-10 abs_tol = 1e-10",
             const std::string & extra_tensors = "")
{
  const auto end = at::tensor({1.0, 10.0, 100.0}, at::kDouble);
  // time steps that grow (so the extrapolation ratio (t - t_n) / (t_n - t_n-1) is not 1)
  const auto s = at::linspace(0.0, 1.0, nsteps, at::kDouble).view({-1, 1});
  const auto times = (s + s * s) * 0.5 * end;
  const auto dir = at::tensor({0.02, -0.01, -0.01, 0.0, 0.0, 0.0}, at::kDouble);
  const auto strains =
      at::linspace(0.0, 1.0, nsteps, at::kDouble).view({-1, 1, 1}) * dir.expand({1, 3, 6});
  return "[Tensors]\n" + tensor_block("times", "Scalar", times, 2) +
         tensor_block("strains", "SR2", strains, 2) + extra_tensors +
         "[]\n"
         "[Solvers] [newton] type = Newton max_its = 20 " +
         solver_options +
         " [] []\n"
         "[Models]\n"
         " [mandel_stress] type = IsotropicMandelStress []\n"
         " [vonmises] type = SR2Invariant invariant_type = 'VONMISES'\n"
         "  tensor = 'state/internal/M' invariant = 'state/internal/s' []\n"
         " [isoharden] type = LinearIsotropicHardening hardening_modulus = 2000 []\n"
         " [yield] type = YieldFunction yield_stress = 100\n"
         "  isotropic_hardening = 'state/internal/k' []\n"
         " [flow] type = ComposedModel models = 'vonmises yield' []\n"
         " [normality] type = Normality model = 'flow' function = 'state/internal/fp'\n"
         "  from = 'state/internal/M state/internal/k'\n"
         "  to = 'state/internal/NM state/internal/Nk' []\n"
         " [flow_rate] type = PerzynaPlasticFlowRate reference_stress = 150 exponent = 5 []\n"
         " [Eprate] type = AssociativePlasticFlow []\n"
         " [eprate] type = AssociativeIsotropicPlasticHardening []\n"
         " [Erate] type = SR2VariableRate variable = 'forces/E' rate = 'forces/E_rate' []\n"
         " [Eerate] type = SR2LinearCombination\n"
         "  from_var = 'forces/E_rate state/internal/Ep_rate'\n"
         "  to_var = 'state/internal/Ee_rate' coefficients = '1 -1' []\n"
         " [elasticity] type = LinearIsotropicElasticity coefficients = '200e3 0.3'\n"
         "  coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO' rate_form = true []\n"
         " [integrate_stress] type = SR2BackwardEulerTimeIntegration variable = 'state/S' []\n"
         " [integrate_ep] type = ScalarBackwardEulerTimeIntegration\n"
         "  variable = 'state/internal/ep' []\n"
         " [implicit_rate] type = ComposedModel\n"
         "  models = 'mandel_stress vonmises isoharden yield normality flow_rate Eprate eprate\n"
         "            Erate Eerate elasticity integrate_stress integrate_ep' []\n"
         " [model] type = ImplicitUpdate implicit_model = 'implicit_rate' solver = 'newton' []\n"
         "[]\n"
         "[Drivers]\n"
         " [driver] type = SDTSolidMechanicsDriver model = model\n"
         "  prescribed_time = times prescribed_strain = strains\n" +
         driver_options + " []\n[]\n";
}

/// Sends std::cout into a string while alive.
class CoutCapture
{
public:
  CoutCapture() : _previous(std::cout.rdbuf(_buffer.rdbuf())) {}
  ~CoutCapture() { std::cout.rdbuf(_previous); }
  std::string str() const { return _buffer.str(); }

private:
  std::ostringstream _buffer;
  std::streambuf * _previous;
};

/// The Newton iterations of a run, counted from the solver's verbose report (one line per
/// iteration, "iteration   0" for the initial residual of each solve).
std::size_t
newton_iterations(const std::string & report)
{
  std::size_t its = 0, lines = 0;
  std::istringstream is(report);
  for (std::string line; std::getline(is, line);)
    if (line.find(" iteration ") != std::string::npos)
    {
      ++lines;
      if (line.find(" iteration   0:") == std::string::npos)
        ++its;
    }
  EXPECT_GT(lines, 0u) << "the solver printed no iterations:\n" << report;
  return its;
}
} // namespace

TEST(SolidMechanicsDrivers, PredictorsConvergeToTheSameStates)
{
  std::map<std::string, const TransientDriver *> runs;
  std::map<std::string, std::size_t> iterations;
  for (const auto * predictor : {"PREVIOUS_STATE", "LINEAR_EXTRAPOLATION"})
  {
    // An absolute tolerance only: with a relative one (|r| < rel_tol |r0|), a better initial guess
    // also tightens the criterion, and iteration counts do not compare.
    auto & d = driver(viscoplastic(std::string("  predictor = ") + predictor + "\n", 100,
                                   "rel_tol = 0 abs_tol = 1e-9 verbose = true"));
    bool ok = false;
    {
      CoutCapture report;
      ok = d.run();
      iterations[predictor] = newton_iterations(report.str());
    }
    ASSERT_TRUE(ok);
    runs[predictor] = &d;
  }
  const auto & prev = *runs.at("PREVIOUS_STATE");
  const auto & lin = *runs.at("LINEAR_EXTRAPOLATION");

  // The material yields: without plastic flow the two predictors would agree trivially.
  const auto ep = dbl(prev.outputs().back().at("state/internal/ep"));
  EXPECT_GT(ep.min().item<double>(), 1e-3);

  for (std::size_t n = 0; n < prev.outputs().size(); ++n)
    for (const auto * v : {"state/S", "state/internal/ep"})
      expect_close(lin.outputs()[n].at(v), dbl(prev.outputs()[n].at(v)),
                   std::string(v) + " at step " + std::to_string(n), 1e-7, 1e-9);

  // The trial states: the previous state, or the linear extrapolation from the two previous ones
  // (the previous state at step 1).
  const auto & t = lin.inputs();
  for (std::size_t n = 1; n < prev.outputs().size(); ++n)
    for (const auto * v : {"state/S", "state/internal/ep"})
    {
      const auto what = std::string("trial ") + v + " at step " + std::to_string(n);
      const auto s1 = dbl(lin.outputs()[n - 1].at(v));
      expect_close(prev.inputs()[n].at(v), dbl(prev.outputs()[n - 1].at(v)), what);
      if (n == 1)
      {
        expect_close(t[n].at(v), s1, what);
        continue;
      }
      const auto s2 = dbl(lin.outputs()[n - 2].at(v));
      const auto ratio = (dbl(t[n].at("forces/t")) - dbl(t[n - 1].at("forces/t"))) /
                         (dbl(t[n - 1].at("forces/t")) - dbl(t[n - 2].at("forces/t")));
      const auto expected =
          s1 + (s1 - s2) * (std::string(v) == "state/S" ? ratio.unsqueeze(-1) : ratio);
      expect_close(t[n].at(v), expected, what);
    }

  // A better initial guess costs fewer Newton iterations overall. Not at every step: extrapolating
  // across the yield point overshoots the stress (the step after yield takes more iterations),
  // which the smooth plastic flow afterwards more than makes up for at this step size.
  EXPECT_LE(iterations.at("LINEAR_EXTRAPOLATION"), iterations.at("PREVIOUS_STATE"));
  EXPECT_GT(iterations.at("LINEAR_EXTRAPOLATION"), 0u);
}

TEST(SolidMechanicsDrivers, InitialConditionsAreTheFirstOldState)
{
  auto & d = driver(viscoplastic("  ic_Scalar_names = 'state/internal/ep'\n"
                                 "  ic_Scalar_values = 0.01\n"
                                 "  ic_SR2_names = 'state/S'\n"
                                 "  ic_SR2_values = 'S0'\n",
                                 20, "rel_tol = 1e-10 abs_tol = 1e-10",
                                 " [S0] type = SR2 values = '50 -20 10 5 0 -3' []\n"));
  ASSERT_TRUE(d.run());
  const auto S0 = at::tensor({50.0, -20.0, 10.0, 5.0, 0.0, -3.0}, at::kDouble);
  expect_close(d.outputs()[0].at("state/S"), S0, "state/S at step 0");
  expect_close(d.outputs()[0].at("state/internal/ep"), at::tensor(0.01, at::kDouble),
               "state/internal/ep at step 0");
  expect_close(d.inputs()[1].at("old_state/S"), S0, "old_state/S at step 1");
  expect_close(d.inputs()[1].at("old_state/internal/ep"), at::tensor(0.01, at::kDouble),
               "old_state/internal/ep at step 1");
  // they are used: the plastic strain only grows from its initial value
  EXPECT_GE(dbl(d.outputs()[1].at("state/internal/ep")).min().item<double>(), 0.01);

  // an initial condition for something that is not an output of the model
  auto msg = error_message<OptionError>(
      [] { driver(strain_controlled("  ic_SR2_names = 'state/X' ic_SR2_values = 1\n")); });
  expect_contains(msg, {"ic_SR2_names", "'state/X'", "not an output"});
}

TEST(SolidMechanicsDrivers, SavesCSVAndPTMatchingTheResults)
{
  const auto dir = scratch_dir("results");
  const auto csv = (dir / "result.csv").string(), pt = (dir / "result.pt").string();
  auto & d = driver(strain_controlled("  save_as = '" + csv + " " + pt + "'\n"));
  ASSERT_TRUE(d.run());

  // CSV: one header line, then one row per step and batch entry.
  std::ifstream f(csv);
  ASSERT_TRUE(f.good()) << csv;
  std::vector<std::string> lines;
  for (std::string line; std::getline(f, line);)
    lines.push_back(line);
  ASSERT_EQ(lines.size(), 1u + 4u * 2u);
  std::vector<std::string> header{"step", "entry"};
  for (const auto * c : {"input.forces/E", "output.state/S"})
    for (int i = 0; i < 6; ++i)
      header.push_back(std::string(c) + "[" + std::to_string(i) + "]");
  EXPECT_EQ(split(lines[0], ','), header);
  for (std::size_t r = 1; r < lines.size(); ++r)
  {
    const auto cells = split(lines[r], ',');
    ASSERT_EQ(cells.size(), header.size()) << lines[r];
    const auto n = (r - 1) / 2, e = (r - 1) % 2;
    EXPECT_EQ(cells[0], std::to_string(n));
    EXPECT_EQ(cells[1], std::to_string(e));
    const auto Ee = dbl(d.inputs()[n].at("forces/E"))[e];
    const auto S = dbl(d.outputs()[n].at("state/S"))[e];
    for (int i = 0; i < 6; ++i)
    {
      // written with max_digits10: the values read back are exact
      EXPECT_EQ(std::stod(cells[2 + i]), Ee[i].item<double>()) << lines[r];
      EXPECT_EQ(std::stod(cells[8 + i]), S[i].item<double>()) << lines[r];
    }
  }

  // .pt: every step's inputs and outputs, by their dotted names, and nothing else.
  const auto loaded = load_results_pt(pt);
  std::set<std::string> expected_keys;
  for (int n = 0; n < 4; ++n)
  {
    const auto k = std::to_string(n);
    expected_keys.insert("input." + k + ".forces/E");
    expected_keys.insert("output." + k + ".state/S");
    EXPECT_TRUE(
        at::allclose(loaded.at("input." + k + ".forces/E"), d.inputs()[n].at("forces/E"), 0, 0));
    EXPECT_TRUE(
        at::allclose(loaded.at("output." + k + ".state/S"), d.outputs()[n].at("state/S"), 0, 0));
  }
  std::set<std::string> keys;
  for (const auto & [k, v] : loaded)
    keys.insert(k);
  EXPECT_EQ(keys, expected_keys);
  std::filesystem::remove_all(dir);
}

TEST(SolidMechanicsDrivers, OptionErrorsNameTheOption)
{
  // a history whose step count is not the time's (3 strains for 4 times)
  auto steps = error_message<Error>(
      []
      {
        driver("[Tensors]\n" + tensor_block("times", "Scalar", at::arange(4, at::kDouble), 1) +
               tensor_block("strains", "SR2", sr2_history(3, 2, 1e-3), 2) + "[]\n" +
               elastic_models +
               "[Drivers]\n [driver] type = SDTSolidMechanicsDriver model = elasticity\n"
               "  prescribed_time = times prescribed_strain = strains []\n[]\n")
            .run();
      });
  expect_contains(steps,
                  {"[Drivers/driver] option 'prescribed_strain'", "has 3 steps", "the time has 4"});
  // a history longer than the time (which would otherwise be cut silently)
  auto longer = error_message<Error>(
      []
      {
        driver(strain_controlled(
                   "  prescribed_temperature = temperatures\n",
                   tensor_block("temperatures", "Scalar", at::arange(5, at::kDouble), 1)))
            .run();
      });
  expect_contains(longer, {"option 'prescribed_temperature'", "has 5 steps", "the time has 4"});
  // a history without a step dimension
  auto unbatched = error_message<Error>(
      [] { driver(strain_controlled("  prescribed_temperature = 300\n")).run(); });
  expect_contains(unbatched, {"option 'prescribed_temperature'", "batch dimension"});

  auto extension =
      error_message<OptionError>([] { driver(strain_controlled("  save_as = 'result.txt'\n")); });
  expect_contains(extension, {"option 'save_as'", "'result.txt'", ".pt", ".csv"});

  auto mixed = error_message<OptionError>(
      [] {
        driver(strain_controlled("  control = MIXED prescribed_mixed_driving_force = strains\n"));
      });
  expect_contains(mixed, {"prescribed_mixed_control_signal", "required with control = MIXED"});

  auto predictor =
      error_message<OptionError>([] { driver(strain_controlled("  predictor = QUADRATIC\n")); });
  expect_contains(predictor, {"predictor", "QUADRATIC", "LINEAR_EXTRAPOLATION"});
}

TEST(SolidMechanicsDrivers, ReportsTheEntriesWhoseSolveFails)
{
  // x^2 = c solved at every step with c prescribed as the "temperature" forces/c: no real root
  // for the entries 1 and 3 of step 2.
  const auto c =
      at::tensor({1.0, 1.0, 1.0, 1.0, 4.0, 1.0, 9.0, 2.0, 4.0, -1.0, 9.0, -2.0}, at::kDouble)
          .view({3, 4});
  auto msg = error_message<ConvergenceError>(
      [&]
      {
        driver("[Tensors]\n" + tensor_block("times", "Scalar", at::arange(3, at::kDouble), 1) +
               tensor_block("c", "Scalar", c, 2) +
               " [strains] type = SR2 batch_shape = (3) values = '0 0 0 0 0 0' []\n"
               "[]\n"
               "[Solvers] [newton] type = Newton max_its = 20 [] []\n"
               "[Models]\n"
               " [residual] type = TestSquareResidual []\n"
               " [model] type = ImplicitUpdate implicit_model = residual solver = newton []\n"
               "[]\n"
               "[Drivers]\n [driver] type = SDTSolidMechanicsDriver model = model\n"
               "  prescribed_time = times prescribed_strain = strains\n"
               "  temperature = 'forces/c' prescribed_temperature = c\n"
               "  ic_Scalar_names = 'state/x' ic_Scalar_values = 1\n"
               " []\n[]\n")
            .run();
      });
  expect_contains(msg,
                  {"model 'model' (ImplicitUpdate, solver 'newton')", "for 2 of 4 batch entries",
                   " 1: ", ", 3: ", "at step 2 of 2", "[Drivers/driver]"});
}
