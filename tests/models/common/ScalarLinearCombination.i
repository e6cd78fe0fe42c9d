# C = 2 A - 0.5 B with a batched A; the coefficients are parameters (checked by autograd).
[Tensors]
  [A]
    type = Scalar
    values = '1 -2 3.5'
    batch_shape = (3)
  []
  [C]
    type = Scalar
    values = '0 -6 5'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/A forces/B'
    input_Scalar_values = 'A 4'
    output_Scalar_names = 'state/C'
    output_Scalar_values = 'C'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = ScalarLinearCombination
    from_var = 'state/A forces/B'
    to_var = 'state/C'
    coefficients = '2 -0.5'
    coefficient_as_parameter = true
  []
[]
