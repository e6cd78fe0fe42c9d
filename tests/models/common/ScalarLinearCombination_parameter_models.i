# C = c_A(T) A + c_B B, where c_A is interpolated from a temperature table and c_B is a constant
# parameter model; both enter the linear combination as nonlinear parameters by model name.
[Tensors]
  [T_table]
    type = Scalar
    values = '0 100 200'
    batch_shape = (3)
  []
  [c_table]
    type = Scalar
    values = '1 2 4'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/A state/B forces/T'
    input_Scalar_values = '2 1 150'
    output_Scalar_names = 'state/C'
    output_Scalar_values = '11.5'
    check_second_derivatives = true
  []
[]

[Models]
  [c_A]
    type = ScalarLinearInterpolation
    argument = 'forces/T'
    abscissa = 'T_table'
    ordinate = 'c_table'
  []
  [c_B]
    type = ScalarConstantParameter
    value = 5.5
  []
  [sum]
    type = ScalarLinearCombination
    from_var = 'state/A state/B'
    to_var = 'state/C'
    coefficients = 'c_A c_B'
    coefficient_as_parameter = 'true true'
  []
  [model]
    type = ComposedModel
    models = 'c_A c_B sum'
  []
[]
