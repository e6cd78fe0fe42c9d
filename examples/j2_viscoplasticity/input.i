# J2 viscoplasticity with linear isotropic hardening, small strain, driven in uniaxial strain
# control at strain rates spread over four decades (one rate per batch entry).
#
# Each step solves the backward-Euler update of stress and equivalent plastic strain with Newton
# (a return mapping: the elastic predictor, then the Perzyna flow rule and the hardening law
# enforced at the end of the step).
#
#   neml2-run input.i driver                      (writes result.csv and result.pt)
#   neml2-run input.i driver nbatch:=10000 nsteps:=200

nbatch = 100
nsteps = 100

[Tensors]
  [end_time]
    type = LogspaceScalar
    start = -1
    end = 3
    nstep = ${nbatch}
  []
  [times]
    type = LinspaceScalar
    start = 0
    end = end_time
    nstep = ${nsteps}
  []
  [exx]
    type = FullScalar
    batch_shape = '(${nbatch})'
    value = 0.02
  []
  [eyy]
    type = FullScalar
    batch_shape = '(${nbatch})'
    value = -0.01
  []
  [max_strain]
    type = FillSR2
    values = 'exx eyy eyy'
  []
  [strains]
    type = LinspaceSR2
    start = 0
    end = max_strain
    nstep = ${nsteps}
  []
[]

[Solvers]
  [newton]
    type = Newton
    rel_tol = 1e-8
    abs_tol = 1e-10
    max_its = 20
  []
[]

[Models]
  # stress -> Mandel stress -> von Mises stress; yield function with isotropic hardening
  [mandel_stress]
    type = IsotropicMandelStress
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'state/internal/M'
    invariant = 'state/internal/s'
  []
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 2000
  []
  [yield]
    type = YieldFunction
    yield_stress = 100
    isotropic_hardening = 'state/internal/k'
  []
  [flow]
    type = ComposedModel
    models = 'vonmises yield'
  []
  # flow direction and hardening direction by normality of the yield function
  [normality]
    type = Normality
    model = 'flow'
    function = 'state/internal/fp'
    from = 'state/internal/M state/internal/k'
    to = 'state/internal/NM state/internal/Nk'
  []
  # Perzyna overstress flow rate
  [flow_rate]
    type = PerzynaPlasticFlowRate
    reference_stress = 150
    exponent = 5
  []
  [Eprate]
    type = AssociativePlasticFlow
  []
  [eprate]
    type = AssociativeIsotropicPlasticHardening
  []
  # elastic strain rate = total strain rate - plastic strain rate; stress rate by Hooke's law
  [Erate]
    type = SR2VariableRate
    variable = 'forces/E'
    rate = 'forces/E_rate'
  []
  [Eerate]
    type = SR2LinearCombination
    from_var = 'forces/E_rate state/internal/Ep_rate'
    to_var = 'state/internal/Ee_rate'
    coefficients = '1 -1'
  []
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    rate_form = true
  []
  # backward-Euler residuals of the two state variables
  [integrate_stress]
    type = SR2BackwardEulerTimeIntegration
    variable = 'state/S'
  []
  [integrate_ep]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'state/internal/ep'
  []
  [implicit_rate]
    type = ComposedModel
    models = 'mandel_stress vonmises isoharden yield normality flow_rate Eprate eprate Erate Eerate
              elasticity integrate_stress integrate_ep'
  []
  [model]
    type = ImplicitUpdate
    implicit_model = 'implicit_rate'
    solver = 'newton'
  []
[]

[Drivers]
  [driver]
    type = SDTSolidMechanicsDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_strain = 'strains'
    predictor = 'LINEAR_EXTRAPOLATION'
    save_as = 'result.csv result.pt'
  []
[]
