# Fixed parameters with points on both sides of the yield surface: the rate, its derivatives and
# the parameter derivatives (by automatic differentiation) stay finite where f <= 0.
[Tensors]
  [fp]
    type = Scalar
    values = '-30 -1e-3 45'
    batch_shape = (3)
  []
  [gamma_rate]
    type = Scalar
    values = '0 0 0.0024299999999999994'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/fp'
    input_Scalar_values = 'fp'
    output_Scalar_names = 'state/internal/gamma_rate'
    output_Scalar_values = 'gamma_rate'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = PerzynaPlasticFlowRate
    reference_stress = 150
    exponent = 5
  []
[]
