# The model-composition tutorial: b_rate = vm(b) a + tr(a) b, where the coefficients of the linear
# combination are the outputs of two other models (coefficients = 'eq2 eq1'). Values, the chain
# rule through nonlinear parameters, and second derivatives.
[Tensors]
  [a]
    type = FillSR2
    values = '0.1 0.05 -0.03 0.02 0.06 0.03'
  []
  [b]
    type = FillSR2
    values = '100 20 10 5 -30 -20'
  []
  [b_rate]
    type = FillSR2
    values = '22.618380290797653 7.709190145398827 -1.9855140872392951 2.7236760581595303 2.77102817447859 0.785514087239295'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'eq'
    input_SR2_names = 'forces/a state/b'
    input_SR2_values = 'a b'
    output_SR2_names = 'state/b_rate'
    output_SR2_values = 'b_rate'
    check_second_derivatives = true
    derivative_abs_tol = 1e-6
    second_derivative_abs_tol = 1e-6
  []
[]

[Models]
  [eq1]
    type = SR2Invariant
    tensor = 'forces/a'
    invariant = 'state/a_bar'
    invariant_type = I1
  []
  [eq2]
    type = SR2Invariant
    tensor = 'state/b'
    invariant = 'state/b_bar'
    invariant_type = VONMISES
  []
  [eq3]
    type = SR2LinearCombination
    from_var = 'forces/a state/b'
    to_var = 'state/b_rate'
    coefficients = 'eq2 eq1'
    coefficient_as_parameter = true
  []
  [eq]
    type = ComposedModel
    models = 'eq1 eq2 eq3'
  []
[]
