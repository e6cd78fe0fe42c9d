# The rate form relates the rates of strain and stress, here with lambda and G.
[Tensors]
  [Ee_rate]
    type = FillSR2
    values = '0.09 0.04 -0.02 0.01 -0.015 0.02'
  []
  [S_rate]
    type = FillSR2
    values = '13.2692307692308 9.42307692307692 4.8076923076923 0.769230769230769 -1.15384615384615 1.53846153846154'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/internal/Ee_rate'
    input_SR2_values = 'Ee_rate'
    output_SR2_names = 'state/S_rate'
    output_SR2_values = 'S_rate'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '57.6923076923077 38.4615384615385'
    coefficient_types = 'LAME_LAMBDA SHEAR_MODULUS'
    rate_form = true
  []
[]
