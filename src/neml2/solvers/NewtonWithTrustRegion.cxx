#include "neml2/solvers/NewtonWithTrustRegion.h"
#include "neml2/base/Registry.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/clamp.h>
#include <ATen/ops/full.h>
#include <ATen/ops/matmul.h>
#include <ATen/ops/minimum.h>
#include <ATen/ops/sqrt.h>
#include <ATen/ops/where.h>

namespace neml2
{
register_NEML2_object(NewtonWithTrustRegion);

OptionSet
NewtonWithTrustRegion::expected_options()
{
  auto options = Newton::expected_options();
  options.doc() = "Newton's method in a trust region: each step is the dogleg step of the local "
                  "quadratic model of |r|^2 / 2 within the current radius; the radius shrinks or "
                  "grows with the ratio of actual to predicted decrease.";
  options.add<double>("delta_0", 1.0, "Initial trust region radius.");
  options.add<double>("delta_max", 10.0, "Largest trust region radius.");
  options.add<double>("reduce_criteria", 0.25,
                      "The radius shrinks when the ratio of actual to predicted decrease is below "
                      "this.");
  options.add<double>("expand_criteria", 0.75,
                      "The radius grows when the ratio of actual to predicted decrease is above "
                      "this.");
  options.add<double>("reduce_factor", 0.25, "The factor a shrinking radius is multiplied by.");
  options.add<double>("expand_factor", 2.0, "The factor a growing radius is multiplied by.");
  options.add<double>("accept_criteria", 0.1,
                      "A step is rejected when the ratio of actual to predicted decrease is below "
                      "this.");
  return options;
}

NewtonWithTrustRegion::NewtonWithTrustRegion(const OptionSet & options)
    : Newton(options),
      _delta_0(options.get<double>("delta_0")),
      _delta_max(options.get<double>("delta_max")),
      _reduce_criteria(options.get<double>("reduce_criteria")),
      _expand_criteria(options.get<double>("expand_criteria")),
      _reduce_factor(options.get<double>("reduce_factor")),
      _expand_factor(options.get<double>("expand_factor")),
      _accept_criteria(options.get<double>("accept_criteria"))
{
  if (_delta_0 <= 0 || _delta_max < _delta_0)
    throw option_error("delta_0", "needs 0 < delta_0 <= delta_max");
}

void
NewtonWithTrustRegion::prepare(const Tensor & u0)
{
  _delta = at::full(u0.sizes().slice(0, u0.dim() - 1), _delta_0, u0.options());
}

Tensor
NewtonWithTrustRegion::update(NonlinearSystem & system, const Tensor & u, const Tensor & r,
                              const Tensor & J, const Tensor & du)
{
  auto dot = [](const at::Tensor & a, const at::Tensor & b) { return (a * b).sum(-1); };
  auto mv = [](const at::Tensor & A, const at::Tensor & x)
  { return at::matmul(A, x.unsqueeze(-1)).squeeze(-1); };

  // gradient of |r|^2 / 2 and the Cauchy point along it
  const at::Tensor g = mv(at::Tensor(J).transpose(-1, -2), r);
  const at::Tensor Jg = mv(J, g);
  const at::Tensor gg = dot(g, g);
  const at::Tensor pc = -(gg / at::clamp(dot(Jg, Jg), 1e-300)).unsqueeze(-1) * g;
  const at::Tensor pn = du;

  const at::Tensor npn = at::sqrt(dot(pn, pn)), npc = at::sqrt(dot(pc, pc));
  const at::Tensor delta = _delta;
  // dogleg: p = pc + tau (pn - pc) with |p| = delta
  const at::Tensor d = pn - pc;
  const at::Tensor a = dot(d, d), b = 2 * dot(pc, d), c = dot(pc, pc) - delta * delta;
  const at::Tensor tau =
      (-b + at::sqrt(at::clamp(b * b - 4 * a * c, 0))) / (2 * at::clamp(a, 1e-300));
  const at::Tensor p_dog = pc + tau.unsqueeze(-1) * d;
  const at::Tensor p_sd = -(delta / at::sqrt(at::clamp(gg, 1e-300))).unsqueeze(-1) * g;
  at::Tensor p = at::where((npn <= delta).unsqueeze(-1), pn,
                           at::where((npc >= delta).unsqueeze(-1), p_sd, p_dog));

  // predicted and actual decrease of |r|^2 / 2
  const at::Tensor Jp = mv(J, p);
  const at::Tensor pred = -dot(g, p) - 0.5 * dot(Jp, Jp);
  const auto up = Tensor(u + p, u.dynamic_dim(), u.intmd_dim());
  Tensor rp;
  system.evaluate(up, rp, nullptr);
  const at::Tensor ared = 0.5 * dot(r, r) - 0.5 * dot(rp, rp);
  const at::Tensor rho = ared / at::clamp(pred, 1e-300);

  const at::Tensor stopped = (dot(du, du) == 0); // entries that no longer move
  _delta = at::where(rho < _reduce_criteria, _reduce_factor * delta, delta);
  _delta =
      at::where(rho > _expand_criteria,
                at::minimum(_expand_factor * _delta, at::full_like(_delta, _delta_max)), _delta);
  const at::Tensor accept = ((rho >= _accept_criteria) & stopped.logical_not()).unsqueeze(-1);
  return Tensor(at::where(accept, up, u), u.dynamic_dim(), u.intmd_dim());
}
} // namespace neml2
