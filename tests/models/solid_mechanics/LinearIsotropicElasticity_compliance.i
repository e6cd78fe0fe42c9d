# The inverse relation (strain from stress), with the moduli given as G and K in that order and
# K a buffer instead of a parameter.
[Tensors]
  [S]
    type = FillSR2
    values = '100 -50 20 10 -20 30'
  []
  [Ee]
    type = FillSR2
    values = '1.09 -0.86 0.05 0.13 -0.26 0.39'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/S'
    input_SR2_values = 'S'
    output_SR2_names = 'state/internal/Ee'
    output_SR2_values = 'Ee'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '38.4615384615385 83.3333333333333'
    coefficient_types = 'SHEAR_MODULUS BULK_MODULUS'
    coefficient_as_parameter = 'true false'
    compliance = true
  []
[]
