# C = A A + B: the first coefficient is the summed variable itself, so the derivative blocks of
# both roles add up (dC/dA = 2 A, d2C/dA2 = 2).
[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/A state/B'
    input_Scalar_values = '3 2'
    output_Scalar_names = 'state/C'
    output_Scalar_values = '11'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = ScalarLinearCombination
    from_var = 'state/A state/B'
    to_var = 'state/C'
    coefficients = 'state/A 1'
    coefficient_as_parameter = 'true false'
  []
[]
