[Tensors]
  [E]
    type = FillSR2
    values = '0.1 0.2 0.3 0.04 0.05 0.06'
  []
  [En]
    type = FillSR2
    values = '0.05 0.1 0.1 0.02 0.01 0.02'
  []
  [Edot]
    type = FillSR2
    values = '0.2 0.4 0.8 0.08 0.16 0.16'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'forces/E old_forces/E'
    input_SR2_values = 'E En'
    input_Scalar_names = 'forces/t old_forces/t'
    input_Scalar_values = '1.25 1'
    output_SR2_names = 'forces/E_rate'
    output_SR2_values = 'Edot'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = SR2VariableRate
    variable = 'forces/E'
  []
[]
