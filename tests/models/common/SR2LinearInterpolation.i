# An SR2 table interpolated at two arguments, with a named output.
[Tensors]
  [X]
    type = Scalar
    values = '0 1 2'
    batch_shape = (3)
  []
  [Y]
    type = SR2
    values = '1 2 3 4 5 6
              3 2 1 0 -1 -2
              0 0 0 0 0 10'
    batch_shape = (3)
  []
  [x]
    type = Scalar
    values = '0.5 1.5'
    batch_shape = (2)
  []
  [S]
    type = SR2
    values = '2 2 2 2 2 2
              1.5 1 0.5 0 -0.5 4'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/x'
    input_Scalar_values = 'x'
    output_SR2_names = 'state/S'
    output_SR2_values = 'S'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = SR2LinearInterpolation
    argument = 'state/x'
    abscissa = 'X'
    ordinate = 'Y'
    output = 'state/S'
  []
[]
