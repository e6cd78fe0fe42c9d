# A constant parameter whose value is a variable: it becomes an input, passed through.
[Tensors]
  [S]
    type = FillSR2
    values = '1 2 3 4 5 6'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'p'
    input_SR2_names = 'state/S'
    input_SR2_values = 'S'
    output_SR2_names = 'parameters/p'
    output_SR2_values = 'S'
    check_second_derivatives = true
  []
[]

[Models]
  [p]
    type = SR2ConstantParameter
    value = 'state/S'
  []
[]
