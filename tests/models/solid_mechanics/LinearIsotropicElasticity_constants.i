# Every pair of isotropic elastic constants, given as variables (nonlinear parameters), gives the
# same stress; first and second derivatives with respect to the constants are checked too.
[Tensors]
  [Ee]
    type = FillSR2
    values = '0.09 0.04 -0.02 0.01 -0.015 0.02'
  []
  [S]
    type = FillSR2
    values = '13.2692307692308 9.42307692307692 4.8076923076923 0.769230769230769 -1.15384615384615 1.53846153846154'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/lambda state/K state/G state/E state/nu state/M'
    input_Scalar_values = '57.6923076923077 83.3333333333333 38.4615384615385 100 0.3 134.615384615385'
    input_SR2_names = 'state/internal/Ee'
    input_SR2_values = 'Ee'
    output_SR2_names = 'state/S_K_lambda state/S_lambda_G state/S_E_lambda state/S_lambda_nu state/S_M_lambda state/S_G_K state/S_K_E state/S_nu_K state/S_K_M state/S_E_G state/S_G_nu state/S_M_G state/S_nu_E state/S_E_M state/S_M_nu'
    output_SR2_values = 'S S S S S S S S S S S S S S S'
    check_second_derivatives = true
    # forward differences of the rational conversions (e.g. G = 3 K E / (9 K - E)) are accurate to
    # about 1e-5 relative; entries that vanish come out as round-off of about 1e-7
    second_derivative_rel_tol = 1e-4
    second_derivative_abs_tol = 1e-6
  []
[]

[Models]
  [K_lambda]
    type = LinearIsotropicElasticity
    coefficients = 'state/K state/lambda'
    coefficient_types = 'BULK_MODULUS LAME_LAMBDA'
    stress = 'state/S_K_lambda'
  []
  [lambda_G]
    type = LinearIsotropicElasticity
    coefficients = 'state/lambda state/G'
    coefficient_types = 'LAME_LAMBDA SHEAR_MODULUS'
    stress = 'state/S_lambda_G'
  []
  [E_lambda]
    type = LinearIsotropicElasticity
    coefficients = 'state/E state/lambda'
    coefficient_types = 'YOUNGS_MODULUS LAME_LAMBDA'
    stress = 'state/S_E_lambda'
  []
  [lambda_nu]
    type = LinearIsotropicElasticity
    coefficients = 'state/lambda state/nu'
    coefficient_types = 'LAME_LAMBDA POISSONS_RATIO'
    stress = 'state/S_lambda_nu'
  []
  [M_lambda]
    type = LinearIsotropicElasticity
    coefficients = 'state/M state/lambda'
    coefficient_types = 'P_WAVE_MODULUS LAME_LAMBDA'
    stress = 'state/S_M_lambda'
  []
  [G_K]
    type = LinearIsotropicElasticity
    coefficients = 'state/G state/K'
    coefficient_types = 'SHEAR_MODULUS BULK_MODULUS'
    stress = 'state/S_G_K'
  []
  [K_E]
    type = LinearIsotropicElasticity
    coefficients = 'state/K state/E'
    coefficient_types = 'BULK_MODULUS YOUNGS_MODULUS'
    stress = 'state/S_K_E'
  []
  [nu_K]
    type = LinearIsotropicElasticity
    coefficients = 'state/nu state/K'
    coefficient_types = 'POISSONS_RATIO BULK_MODULUS'
    stress = 'state/S_nu_K'
  []
  [K_M]
    type = LinearIsotropicElasticity
    coefficients = 'state/K state/M'
    coefficient_types = 'BULK_MODULUS P_WAVE_MODULUS'
    stress = 'state/S_K_M'
  []
  [E_G]
    type = LinearIsotropicElasticity
    coefficients = 'state/E state/G'
    coefficient_types = 'YOUNGS_MODULUS SHEAR_MODULUS'
    stress = 'state/S_E_G'
  []
  [G_nu]
    type = LinearIsotropicElasticity
    coefficients = 'state/G state/nu'
    coefficient_types = 'SHEAR_MODULUS POISSONS_RATIO'
    stress = 'state/S_G_nu'
  []
  [M_G]
    type = LinearIsotropicElasticity
    coefficients = 'state/M state/G'
    coefficient_types = 'P_WAVE_MODULUS SHEAR_MODULUS'
    stress = 'state/S_M_G'
  []
  [nu_E]
    type = LinearIsotropicElasticity
    coefficients = 'state/nu state/E'
    coefficient_types = 'POISSONS_RATIO YOUNGS_MODULUS'
    stress = 'state/S_nu_E'
  []
  [E_M]
    type = LinearIsotropicElasticity
    coefficients = 'state/E state/M'
    coefficient_types = 'YOUNGS_MODULUS P_WAVE_MODULUS'
    stress = 'state/S_E_M'
  []
  [M_nu]
    type = LinearIsotropicElasticity
    coefficients = 'state/M state/nu'
    coefficient_types = 'P_WAVE_MODULUS POISSONS_RATIO'
    stress = 'state/S_M_nu'
  []
  [model]
    type = ComposedModel
    models = 'K_lambda lambda_G E_lambda lambda_nu M_lambda G_K K_E nu_K K_M E_G G_nu M_G nu_E E_M M_nu'
  []
[]
