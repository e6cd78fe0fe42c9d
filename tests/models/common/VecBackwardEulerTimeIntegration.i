# r = v - v_n - (t - t_n) v_rate, with the default rate name (state/v_rate) and time (forces/t).
[Tensors]
  [v]
    type = Vec
    values = '1 2 3'
  []
  [vn]
    type = Vec
    values = '0 0 1'
  []
  [v_rate]
    type = Vec
    values = '1 2 3'
  []
  [r]
    type = Vec
    values = '0.8 1.6 1.4'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Vec_names = 'state/v old_state/v state/v_rate'
    input_Vec_values = 'v vn v_rate'
    input_Scalar_names = 'forces/t old_forces/t'
    input_Scalar_values = '1.3 1.1'
    output_Vec_names = 'residual/v'
    output_Vec_values = 'r'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = VecBackwardEulerTimeIntegration
    variable = 'state/v'
  []
[]
