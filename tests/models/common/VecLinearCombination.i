# w = 2 u + 3 v (one coefficient per variable, buffers).
[Tensors]
  [u]
    type = Vec
    values = '1 2 3 -1 0 4'
    batch_shape = (2)
  []
  [v]
    type = Vec
    values = '0.5 -1 2'
  []
  [w]
    type = Vec
    values = '3.5 1 12 -0.5 -3 14'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Vec_names = 'state/u state/v'
    input_Vec_values = 'u v'
    output_Vec_names = 'state/w'
    output_Vec_values = 'w'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = VecLinearCombination
    from_var = 'state/u state/v'
    to_var = 'state/w'
    coefficients = '2 3'
  []
[]
