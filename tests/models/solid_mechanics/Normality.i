# The derivatives of a yield function with Voce hardening (a composed model whose saturated
# hardening is a variable) with respect to the effective stress, the equivalent plastic strain, the
# saturated hardening, and the Cauchy stress, which the function does not depend on (the composed
# model reads it for its other output).
[Tensors]
  [s]
    type = Scalar
    values = '150 80'
    batch_shape = (2)
  []
  [ep]
    type = Scalar
    values = '0.1 0.3'
    batch_shape = (2)
  []
  [Nep]
    type = Scalar
    values = '-80.45900594027573 -64.56986473244599'
    batch_shape = (2)
  []
  [NR]
    type = Scalar
    values = '-0.08505107237976481 -0.2294978106327624'
    batch_shape = (2)
  []
  [S]
    type = FillSR2
    values = '50 -10 20 40 30 -60'
  []
  [zero]
    type = FillSR2
    values = '0'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/s state/internal/ep state/R'
    input_Scalar_values = 's ep 100'
    input_SR2_names = 'state/S'
    input_SR2_values = 'S'
    output_Scalar_names = 'state/internal/Ns state/internal/Nep state/internal/NR'
    output_Scalar_values = '0.816496580927726 Nep NR'
    output_SR2_names = 'state/internal/NS'
    output_SR2_values = 'zero'
  []
[]

[Models]
  [voce]
    type = VoceIsotropicHardening
    saturated_hardening = 'state/R'
    saturation_rate = 1.1
  []
  [yield]
    type = YieldFunction
    yield_stress = 50
    isotropic_hardening = 'state/internal/k'
  []
  [mandel]
    type = IsotropicMandelStress
  []
  [function]
    type = ComposedModel
    models = 'voce yield mandel'
  []
  [model]
    type = Normality
    model = 'function'
    function = 'state/internal/fp'
    from = 'state/internal/s state/internal/ep state/R state/S'
    to = 'state/internal/Ns state/internal/Nep state/internal/NR state/internal/NS'
  []
[]
