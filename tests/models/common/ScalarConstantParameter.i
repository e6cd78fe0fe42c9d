# A constant parameter as a model: no inputs, output parameters/<name>.
[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'p'
    output_Scalar_names = 'parameters/p'
    output_Scalar_values = '3'
  []
[]

[Models]
  [p]
    type = ScalarConstantParameter
    value = 3
  []
[]
