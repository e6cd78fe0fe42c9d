# The Mandel stress of a batch of two Cauchy stresses, renamed variables.
[Tensors]
  [s11]
    type = Scalar
    values = '50 -5'
    batch_shape = (2)
  []
  [S]
    type = FillSR2
    values = 's11 -10 20 40 30 -60'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/sigma'
    input_SR2_values = 'S'
    output_SR2_names = 'state/internal/Mandel'
    output_SR2_values = 'S'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = IsotropicMandelStress
    cauchy_stress = 'state/sigma'
    mandel_stress = 'state/internal/Mandel'
  []
[]
