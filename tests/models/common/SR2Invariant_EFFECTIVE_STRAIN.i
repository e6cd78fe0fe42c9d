# The EFFECTIVE_STRAIN invariant of a batch of two tensors (A = [1 6 5; 6 2 4; 5 4 3] and another one).
[Tensors]
  [A]
    type = SR2
    values = '1 2 3 5.656854249492381 7.0710678118654755 8.485281374238571
              -2 0.5 1 0.4242640687119285 -0.9899494936611666 1.697056274847714'
    batch_shape = (2)
  []
  [invariant]
    type = Scalar
    values = '10.583005244258363 2.4886408606573456'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/A'
    input_SR2_values = 'A'
    output_Scalar_names = 'state/a'
    output_Scalar_values = 'invariant'
    check_second_derivatives = true
    derivative_abs_tol = 1e-6
  []
[]

[Models]
  [model]
    type = SR2Invariant
    invariant_type = EFFECTIVE_STRAIN
    tensor = 'state/A'
    invariant = 'state/a'
  []
[]
