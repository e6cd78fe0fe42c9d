# S = S_n + (t - t_n) Sdot with a named rate.
[Tensors]
  [Sn]
    type = SR2
    values = '1 2 3 4 5 6'
  []
  [Sdot]
    type = SR2
    values = '2 2 2 2 2 2'
  []
  [S]
    type = SR2
    values = '4 5 6 7 8 9'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'old_state/S state/Sdot'
    input_SR2_values = 'Sn Sdot'
    input_Scalar_names = 'forces/t old_forces/t'
    input_Scalar_values = '2 0.5'
    output_SR2_names = 'state/S'
    output_SR2_values = 'S'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = SR2ForwardEulerTimeIntegration
    variable = 'state/S'
    rate = 'state/Sdot'
  []
[]
