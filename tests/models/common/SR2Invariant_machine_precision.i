# The von Mises invariant of zero is sqrt(3/2 eps), with eps the [Settings] machine_precision; with
# a large eps the derivatives at zero are smooth enough to check by finite differences (forward
# differences at the minimum are first-order accurate, hence the looser tolerance).
[Settings]
  machine_precision = 1e-2
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/A'
    input_SR2_values = '0'
    output_Scalar_names = 'state/vm'
    output_Scalar_values = '0.1224744871391589'
    check_second_derivatives = true
    derivative_abs_tol = 1e-5
  []
[]

[Models]
  [model]
    type = SR2Invariant
    invariant_type = VONMISES
    tensor = 'state/A'
    invariant = 'state/vm'
  []
[]
