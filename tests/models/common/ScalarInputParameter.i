# A parameter given by an input variable, copied to parameters/<name>.
[Tensors]
  [T]
    type = Scalar
    values = '300 400 500'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'mu'
    input_Scalar_names = 'forces/T'
    input_Scalar_values = 'T'
    output_Scalar_names = 'parameters/mu'
    output_Scalar_values = 'T'
    check_second_derivatives = true
  []
[]

[Models]
  [mu]
    type = ScalarInputParameter
    from = 'forces/T'
  []
[]
