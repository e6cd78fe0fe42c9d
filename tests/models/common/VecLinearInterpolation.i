# Two tables at once: the table is the intermediate dimension, and the batch of tables broadcasts
# with the batch of arguments (the first argument reads the first table, the second the second).
[Tensors]
  [X]
    type = Scalar
    values = '0 1 2
              0 2 4'
    batch_shape = (2,3)
    intermediate_dimension = 1
  []
  [Y]
    type = Vec
    values = '0 0 0 1 2 3 2 4 6
              1 1 1 3 3 3 -1 -1 -1'
    batch_shape = (2,3)
    intermediate_dimension = 1
  []
  [x]
    type = Scalar
    values = '0.5 3'
    batch_shape = (2)
  []
  [v]
    type = Vec
    values = '0.5 1 1.5 1 1 1'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'v'
    input_Scalar_names = 'forces/x'
    input_Scalar_values = 'x'
    output_Vec_names = 'parameters/v'
    output_Vec_values = 'v'
    check_second_derivatives = true
  []
[]

[Models]
  [v]
    type = VecLinearInterpolation
    argument = 'forces/x'
    abscissa = 'X'
    ordinate = 'Y'
  []
[]
