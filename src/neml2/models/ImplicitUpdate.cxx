#include "neml2/models/ImplicitUpdate.h"
#include "neml2/solvers/NonlinearSolver.h"
#include "neml2/tensors/functions/creation.h"

#include <ATen/TensorOperators.h>
#include <ATen/ops/linalg_solve_ex.h>
#include <ATen/ops/zeros.h>
#include <set>

namespace neml2
{
register_NEML2_object(ImplicitUpdate);

OptionSet
ImplicitUpdate::expected_options()
{
  auto options = Model::expected_options();
  options.doc() = "Solve the implicit model's residuals for its state unknowns: every output of "
                  "the implicit model is a residual (residual/x), and its unknown is the input "
                  "state/x, whose given value is the initial guess. The outputs are the solution; "
                  "their derivatives come from the implicit function theorem.";
  options.add_required<std::string>("implicit_model", "The model computing the residuals.");
  options.add_required<std::string>("solver", "The nonlinear solver, from [Solvers].");
  return options;
}

ImplicitUpdate::ImplicitUpdate(const OptionSet & options)
    : Model(options),
      _model(register_model(options.get<std::string>("implicit_model"),
                            options.location_of("implicit_model"))),
      _solver(factory()->get_object<NonlinearSolver>("Solvers", options.get<std::string>("solver"),
                                                     options.location_of("solver")))
{
  for (auto * r : _model.output_variables())
  {
    if (!r->name().is_residual())
      throw option_error("implicit_model",
                         "output '" + r->name().str() + "' of model '" + _model.name() +
                             "' is not a residual (residual/...): an implicit model computes "
                             "residuals only");
    const auto u = r->name().on_axis("state");
    if (!_model.has_input(u))
      throw option_error("implicit_model",
                         "residual '" + r->name().str() + "' of model '" + _model.name() +
                             "' has no unknown: the model has no input '" + u.str() + "'");
    auto & uv = _model.input_variable(u);
    if (uv.base_sizes() != r->base_sizes())
      throw option_error("implicit_model", "residual '" + r->name().str() + "' and unknown '" +
                                               u.str() + "' have different types (" + r->type() +
                                               ", " + uv.type() + ")");
    _residuals.push_back(r);
    _unknowns.push_back(&uv);
  }
  if (_unknowns.empty())
    throw option_error("implicit_model", "model '" + _model.name() + "' has no residual outputs");
  // Inputs: those of the implicit model (the unknowns' values are the initial guess).
  for (const auto * v : _model.input_variables())
    add_input(v->clone_as(v->name(), this));
  for (const auto * u : _unknowns)
    _solution.push_back(&add_output(u->clone_as(u->name(), this)));
}

/// The residual of the implicit model as a function of the flattened unknowns.
class ImplicitUpdate::System : public NonlinearSystem
{
public:
  System(ImplicitUpdate & self, const TraceableTensorShape & dyn, TensorShapeRef intmd)
      : _self(self), _dyn(dyn), _intmd(intmd.begin(), intmd.end())
  {
    std::set<VariableName> unknowns;
    for (const auto * u : _self._unknowns)
      unknowns.insert(u->name());
    // Newton needs d(residual)/d(unknowns) only: no block with respect to the givens is computed.
    _newton_request = Request::values_and_derivatives().with_respect_to(unknowns);
  }

  /// The unknowns as separate tensors of their own base shapes.
  std::vector<Tensor> split(const Tensor & u) const
  {
    std::vector<Tensor> parts;
    Size offset = 0;
    for (const auto * v : _self._unknowns)
    {
      const auto n = v->base_numel();
      parts.push_back(Tensor(u.base_slice(0, offset, offset + n)).base_reshape(v->base_sizes()));
      offset += n;
    }
    return parts;
  }

  /// Set the implicit model's inputs: givens from the ImplicitUpdate, unknowns from u.
  void set_inputs(const Tensor & u)
  {
    auto & m = _self._model;
    for (auto * v : _self.input_variables())
      m.input_variable(v->name()).set_unchecked(v->tensor());
    const auto parts = split(u);
    for (std::size_t i = 0; i < parts.size(); ++i)
      const_cast<VariableBase *>(_self._unknowns[i])->set_unchecked(parts[i]);
  }

  /// A block expanded to the full batch shape.
  Tensor full(const Tensor & t) const { return t.batch_expand(_dyn, _intmd); }

  void evaluate(const Tensor & u, Tensor & r, Tensor * J) override
  {
    set_inputs(u);
    _self.evaluate_submodel(_self._model, J ? _newton_request : Request::values());
    std::vector<Tensor> rs;
    for (const auto * ri : _self._residuals)
      rs.push_back(full(ri->tensor()).base_flatten());
    r = base_cat(rs, 0);
    if (J)
      *J = jacobian(_self._unknowns);
  }

  /// d(residuals)/d(variables), assembled into one matrix (zero blocks where absent).
  Tensor jacobian(const std::vector<VariableBase *> & wrt) const
  {
    std::vector<Tensor> rows;
    for (const auto * ri : _self._residuals)
    {
      std::vector<Tensor> cols;
      for (const auto * x : wrt)
      {
        const auto d = ri->derivative(*x);
        const auto ni = ri->base_numel(), nx = x->base_numel();
        cols.push_back(d.defined() ? full(d.base_reshape({ni, nx}))
                                   : full(Tensor::zeros({ni, nx}, _self._model.tensor_options())));
      }
      rows.push_back(base_cat(cols, 1));
    }
    return base_cat(rows, 0);
  }

private:
  ImplicitUpdate & _self;
  TraceableTensorShape _dyn;
  TensorShape _intmd;
  Request _newton_request = Request::values();
};

void
ImplicitUpdate::set_value(const Request & request)
{
  NEML2_CHECK(!request.wants_second_derivatives(), ModelError, "model '", name(),
              "' (ImplicitUpdate) does not provide second derivatives");

  // Every batch entry is a system of its own: the unknowns take the common batch shape.
  std::vector<Tensor> all;
  for (const auto * v : input_variables())
    all.push_back(v->tensor());
  const auto common = broadcast_batch(all);
  const auto & shape_ref = common.front();
  System system(*this, shape_ref.dynamic_sizes(), shape_ref.intmd_sizes());

  std::vector<Tensor> guess;
  for (const auto * u : _unknowns)
    guess.push_back(system.full(input_variable(u->name()).tensor()).base_flatten());
  const auto u0 = base_cat(guess, 0);

  const auto result = _solver.solve(system, u0);
  require_convergence(result,
                      "model '" + name() + "' (ImplicitUpdate, solver '" + _solver.name() + "')");

  const auto parts = system.split(result.solution);
  for (std::size_t i = 0; i < parts.size(); ++i)
    _solution[i]->set_unchecked(parts[i]);

  if (!request.wants_derivatives())
    return;

  // Implicit function theorem at the solution: du/dg = -(dr/du)^{-1} dr/dg for every requested
  // given g.
  std::vector<VariableBase *> givens, given_vars;
  std::set<VariableName> wrt;
  for (const auto * u : _unknowns)
    wrt.insert(u->name());
  for (auto * v : input_variables())
    if (!wrt.count(v->name()) && request.wants_derivatives_wrt(v->name()))
    {
      givens.push_back(&_model.input_variable(v->name()));
      given_vars.push_back(v);
    }
  if (givens.empty())
    return;
  for (const auto * g : givens)
    wrt.insert(g->name());
  system.set_inputs(result.solution);
  evaluate_submodel(_model, Request::values_and_derivatives().with_respect_to(wrt));
  const auto J = system.jacobian(_unknowns);
  const auto B = system.jacobian(givens);
  auto [x, info] = at::linalg_solve_ex(J, B);
  NEML2_CHECK((info == 0).all().item<bool>(), ConvergenceError, "model '", name(),
              "': the Jacobian is singular at the solution; derivatives are undefined");
  const Tensor dudg(-x, J.dynamic_dim(), J.intmd_dim());
  Size row = 0;
  for (std::size_t i = 0; i < _unknowns.size(); ++i)
  {
    const auto nu = _unknowns[i]->base_numel();
    Size col = 0;
    for (std::size_t j = 0; j < givens.size(); ++j)
    {
      const auto ng = givens[j]->base_numel();
      TensorShape base(_unknowns[i]->base_sizes().begin(), _unknowns[i]->base_sizes().end());
      base.append(givens[j]->base_sizes().begin(), givens[j]->base_sizes().end());
      const auto block = Tensor(dudg.base_slice(0, row, row + nu)).base_slice(1, col, col + ng);
      _solution[i]->set_derivative_unchecked(*given_vars[j], block.base_reshape(base));
      col += ng;
    }
    row += nu;
  }
}
} // namespace neml2
