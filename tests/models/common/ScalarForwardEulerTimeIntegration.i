# foo = foo_n + (t - t_n) foo_rate, batched in foo_n.
[Tensors]
  [foo_n]
    type = Scalar
    values = '1 2'
    batch_shape = (2)
  []
  [foo]
    type = Scalar
    values = '0.94 1.94'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'old_state/foo state/foo_rate forces/t old_forces/t'
    input_Scalar_values = 'foo_n -0.3 1.3 1.1'
    output_Scalar_names = 'state/foo'
    output_Scalar_values = 'foo'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = ScalarForwardEulerTimeIntegration
    variable = 'state/foo'
  []
[]
