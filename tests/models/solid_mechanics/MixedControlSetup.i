# Mixed control of a batch of two points: per Mandel component, a signal of 1 (above the threshold
# 0.5) prescribes the stress and makes the strain the unknown, 0 the reverse.
[Tensors]
  [control]
    type = SR2
    batch_shape = (2)
    values = '0 1 1 1 1 1
              1 0 0 0.4 1 0'
  []
  [fixed]
    type = SR2
    values = '0.01 -20 30 -40 50 -60'
  []
  [mixed]
    type = SR2
    values = '100 -0.002 0.003 -0.004 0.005 -0.006'
  []
  [S]
    type = SR2
    batch_shape = (2)
    values = '100 -20 30 -40 50 -60
              0.01 -0.002 0.003 -0.004 50 -0.006'
  []
  [E]
    type = SR2
    batch_shape = (2)
    values = '0.01 -0.002 0.003 -0.004 0.005 -0.006
              100 -20 30 -40 0.005 -60'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'forces/control forces/fixed_values state/mixed_state'
    input_SR2_values = 'control fixed mixed'
    output_SR2_names = 'state/S forces/E'
    output_SR2_values = 'S E'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = MixedControlSetup
  []
[]
