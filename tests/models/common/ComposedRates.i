# The JIT tutorial's composition, with derivatives through the chain rule.
[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'eq'
    input_Scalar_names = 'state/a state/b state/c old_state/a old_state/b old_state/c forces/t old_forces/t'
    input_Scalar_values = '1 2 3 0 1 2 1.5 0.5'
    output_Scalar_names = 'state/a_rate state/b_rate state/c_rate'
    output_Scalar_values = '1 1 1'
    check_second_derivatives = true
  []
[]

!include ../../../examples/jit/input.i
