# Perfect plasticity: no isotropic hardening, a fixed yield stress, renamed variables.
[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/vm'
    input_Scalar_values = '110'
    output_Scalar_names = 'state/internal/f'
    output_Scalar_values = '48.98979485566356'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = YieldFunction
    yield_stress = 50
    effective_stress = 'state/internal/vm'
    yield_function = 'state/internal/f'
  []
[]
