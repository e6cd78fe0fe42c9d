# A batch of yield function values, one on the elastic side, with the reference stress and the
# exponent given as variables (nonlinear parameters); the last point has its own parameters.
[Tensors]
  [fp]
    type = Scalar
    values = '-10 50 120 30'
    batch_shape = (4)
  []
  [eta]
    type = Scalar
    values = '150 150 150 100'
    batch_shape = (4)
  []
  [n]
    type = Scalar
    values = '6 6 6 2.5'
    batch_shape = (4)
  []
  [gamma_rate]
    type = Scalar
    values = '0 0.0013717421124828527 0.2621440000000001 0.04929503017546495'
    batch_shape = (4)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/fp state/eta state/n'
    input_Scalar_values = 'fp eta n'
    output_Scalar_names = 'state/internal/gamma_rate'
    output_Scalar_values = 'gamma_rate'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = PerzynaPlasticFlowRate
    reference_stress = 'state/eta'
    exponent = 'state/n'
  []
[]
