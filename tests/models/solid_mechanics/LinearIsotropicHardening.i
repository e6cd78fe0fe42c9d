# A batch of two points with the hardening modulus given as a variable (a nonlinear parameter).
[Tensors]
  [ep]
    type = Scalar
    values = '0.1 0.03'
    batch_shape = (2)
  []
  [K]
    type = Scalar
    values = '1000 500'
    batch_shape = (2)
  []
  [k]
    type = Scalar
    values = '100 15'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/ep state/K'
    input_Scalar_values = 'ep K'
    output_Scalar_names = 'state/internal/k'
    output_Scalar_values = 'k'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = LinearIsotropicHardening
    hardening_modulus = 'state/K'
  []
[]
