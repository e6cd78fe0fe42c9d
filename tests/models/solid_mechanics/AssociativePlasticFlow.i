# Ep_rate = gamma_rate NM for a batch of two flow rates, renamed variables.
[Tensors]
  [gamma_rate]
    type = Scalar
    values = '0.0015 -2'
    batch_shape = (2)
  []
  [NM]
    type = FillSR2
    values = '-0.3482 0.3482 0 0.087045 0.087045 0.78333'
  []
  [e11]
    type = Scalar
    values = '-0.0005223 0.6964'
    batch_shape = (2)
  []
  [e22]
    type = Scalar
    values = '0.0005223 -0.6964'
    batch_shape = (2)
  []
  [e23]
    type = Scalar
    values = '0.0001305675 -0.17409'
    batch_shape = (2)
  []
  [e12]
    type = Scalar
    values = '0.001174995 -1.56666'
    batch_shape = (2)
  []
  [Ep_rate]
    type = FillSR2
    values = 'e11 e22 0 e23 e23 e12'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/gdot'
    input_Scalar_values = 'gamma_rate'
    input_SR2_names = 'state/internal/N'
    input_SR2_values = 'NM'
    output_SR2_names = 'state/internal/Ep_dot'
    output_SR2_values = 'Ep_rate'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = AssociativePlasticFlow
    flow_rate = 'state/internal/gdot'
    flow_direction = 'state/internal/N'
    plastic_strain_rate = 'state/internal/Ep_dot'
  []
[]
