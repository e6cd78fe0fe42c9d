# C = c A + d B where the coefficients c and d are variables (nonlinear parameters): the derivatives
# with respect to c and d, and the mixed second derivatives, come from the model.
[Tensors]
  [A]
    type = Scalar
    values = '1 2 3'
    batch_shape = (3)
  []
  [d]
    type = Scalar
    values = '-1 1 3'
    batch_shape = (3)
  []
  [C]
    type = Scalar
    values = '-1.5 3 7.5'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/A state/B state/c forces/d'
    input_Scalar_values = 'A 2 0.5 d'
    output_Scalar_names = 'state/C'
    output_Scalar_values = 'C'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = ScalarLinearCombination
    from_var = 'state/A state/B'
    to_var = 'state/C'
    coefficients = 'state/c forces/d'
    coefficient_as_parameter = 'true true'
  []
[]
