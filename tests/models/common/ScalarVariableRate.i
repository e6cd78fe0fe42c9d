[Tensors]
  [a]
    type = Scalar
    values = '1.5 2 -3'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/a old_state/a forces/t old_forces/t'
    input_Scalar_values = 'a 0.5 2 1.5'
    output_Scalar_names = 'state/a_rate'
    output_Scalar_values = 'a_rate'
    check_second_derivatives = true
  []
[]

[Tensors]
  [a_rate]
    type = Scalar
    values = '2 3 -7'
    batch_shape = (3)
  []
[]

[Models]
  [model]
    type = ScalarVariableRate
    variable = 'state/a'
  []
[]
