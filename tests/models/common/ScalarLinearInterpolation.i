# A four-point table given with a dynamic batch dimension (as [Tensors] write it), queried inside
# every segment and beyond both ends (the end segments extend linearly). The output defaults to
# parameters/<model name>.
[Tensors]
  [T_table]
    type = Scalar
    values = '0 1 3 6'
    batch_shape = (4)
  []
  [E_table]
    type = Scalar
    values = '1 3 2 8'
    batch_shape = (4)
  []
  [T]
    type = Scalar
    values = '-1 0.5 2 4.5 7'
    batch_shape = (5)
  []
  [E]
    type = Scalar
    values = '-1 2 2.5 5 10'
    batch_shape = (5)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'E'
    input_Scalar_names = 'forces/T'
    input_Scalar_values = 'T'
    output_Scalar_names = 'parameters/E'
    output_Scalar_values = 'E'
    check_second_derivatives = true
  []
[]

[Models]
  [E]
    type = ScalarLinearInterpolation
    argument = 'forces/T'
    abscissa = 'T_table'
    ordinate = 'E_table'
  []
[]
