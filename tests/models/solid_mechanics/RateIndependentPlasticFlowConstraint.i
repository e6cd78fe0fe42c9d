# The Fischer-Burmeister residual on both sides of the complementarity conditions, one point
# satisfying them exactly (zero flow rate, negative yield function), renamed variables.
[Tensors]
  [fp]
    type = Scalar
    values = '-2 -1 0.5 1e-3 3'
    batch_shape = (5)
  []
  [gamma_rate]
    type = Scalar
    values = '5 0 0.5 2 0.001'
    batch_shape = (5)
  []
  [r]
    type = Scalar
    values = '1.6148351928654963 0 -0.7071067811865476 -0.0010002499999841596 -5.9990001666666615'
    batch_shape = (5)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/f state/internal/gdot'
    input_Scalar_values = 'fp gamma_rate'
    output_Scalar_names = 'residual/internal/gdot'
    output_Scalar_values = 'r'
    check_second_derivatives = true
    # at gamma_rate = 0 the mixed second derivative (zero) varies like gamma_rate, so forward
    # differences miss it by half the step, 5e-7
    second_derivative_abs_tol = 1e-6
  []
[]

[Models]
  [model]
    type = RateIndependentPlasticFlowConstraint
    yield_function = 'state/internal/f'
    flow_rate = 'state/internal/gdot'
  []
[]
