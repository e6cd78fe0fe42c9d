# As ScalarLinearCombination_parameter_models.i, but the composition lists only the linear
# combination: the models giving its nonlinear parameters (c_A, c_B) join automatically.
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
    models = 'sum'
  []
[]
