# The automatic-differentiation variant of SampleRateModel: the same rates, and first and second
# derivatives by autograd, at a = 1, b = 2, T = 100 and B = 0.5 in every Mandel slot.
[Tensors]
  [B]
    type = SR2
    values = '0.5 0.5 0.5 0.5 0.5 0.5'
  []
  [B_rate]
    type = SR2
    values = '145.5 145.5 145.5 145.5 145.5 145.5'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'rate'
    input_Scalar_names = 'state/foo state/bar forces/temperature'
    input_Scalar_values = '1 2 100'
    input_SR2_names = 'state/baz'
    input_SR2_values = 'B'
    output_Scalar_names = 'state/foo_rate state/bar_rate'
    output_Scalar_values = '301.5 -89.02'
    output_SR2_names = 'state/baz_rate'
    output_SR2_values = 'B_rate'
    derivative_abs_tol = 1e-6
    check_second_derivatives = true
    second_derivative_abs_tol = 1e-6
  []
[]

[Models]
  [rate]
    type = ADSampleRateModel
  []
[]
