# f = sqrt(2/3) (s - sy - k) for a batch of three points, with isotropic hardening and the yield
# stress given as a variable (a nonlinear parameter).
[Tensors]
  [s]
    type = Scalar
    values = '150 30 80'
    batch_shape = (3)
  []
  [sy]
    type = Scalar
    values = '50 40 60'
    batch_shape = (3)
  []
  [k]
    type = Scalar
    values = '20 5 -10'
    batch_shape = (3)
  []
  [f]
    type = Scalar
    values = '65.31972647421809 -12.24744871391589 24.49489742783178'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/s state/sy state/internal/k'
    input_Scalar_values = 's sy k'
    output_Scalar_names = 'state/internal/fp'
    output_Scalar_values = 'f'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = YieldFunction
    yield_stress = 'state/sy'
    isotropic_hardening = 'state/internal/k'
  []
[]
