# r = E - E_n - (t - t_n) Edot with a named rate, a named time and a batch of two times.
[Tensors]
  [E]
    type = SR2
    values = '1 2 3 4 5 6'
  []
  [En]
    type = SR2
    values = '0.5 0.5 0.5 0.5 0.5 0.5'
  []
  [Edot]
    type = SR2
    values = '1 -1 2 -2 0 1'
  []
  [t]
    type = Scalar
    values = '2 3'
    batch_shape = (2)
  []
  [r]
    type = SR2
    values = '0 2 1.5 4.5 4.5 5
              -1 3 -0.5 6.5 4.5 4'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/E old_state/E state/Edot'
    input_SR2_values = 'E En Edot'
    input_Scalar_names = 'forces/time old_forces/time'
    input_Scalar_values = 't 1.5'
    output_SR2_names = 'residual/E'
    output_SR2_values = 'r'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = SR2BackwardEulerTimeIntegration
    variable = 'state/E'
    rate = 'state/Edot'
    time = 'forces/time'
  []
[]
