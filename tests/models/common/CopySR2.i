# A variable copied under another name: the residual of the stress presented as the residual of
# the mixed state.
[Tensors]
  [r]
    type = FillSR2
    values = '1.5 -2 3 -0.4 0.5 -6'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'residual/S'
    input_SR2_values = 'r'
    output_SR2_names = 'residual/mixed_state'
    output_SR2_values = 'r'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = CopySR2
    from = 'residual/S'
    to = 'residual/mixed_state'
  []
[]
