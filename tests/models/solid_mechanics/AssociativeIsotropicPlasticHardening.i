# ep_rate = -gamma_rate Nk for a batch of two points.
[Tensors]
  [gamma_rate]
    type = Scalar
    values = '0.0015 0.2'
    batch_shape = (2)
  []
  [Nk]
    type = Scalar
    values = '-0.816496580927726 -2'
    batch_shape = (2)
  []
  [ep_rate]
    type = Scalar
    values = '0.001224744871391589 0.4'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/gamma_rate state/internal/Nk'
    input_Scalar_values = 'gamma_rate Nk'
    output_Scalar_names = 'state/internal/ep_rate'
    output_Scalar_values = 'ep_rate'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = AssociativeIsotropicPlasticHardening
  []
[]
