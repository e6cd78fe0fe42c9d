# Stress from a batch of two elastic strains (with shear components), E and nu.
[Tensors]
  [e11]
    type = Scalar
    values = '0.09 0.01'
    batch_shape = (2)
  []
  [e22]
    type = Scalar
    values = '0.04 -0.02'
    batch_shape = (2)
  []
  [e33]
    type = Scalar
    values = '-0.02 0.03'
    batch_shape = (2)
  []
  [e23]
    type = Scalar
    values = '0.01 0'
    batch_shape = (2)
  []
  [e13]
    type = Scalar
    values = '-0.015 0.005'
    batch_shape = (2)
  []
  [e12]
    type = Scalar
    values = '0.02 -0.01'
    batch_shape = (2)
  []
  [s11]
    type = Scalar
    values = '13.2692307692308 1.92307692307692'
    batch_shape = (2)
  []
  [s22]
    type = Scalar
    values = '9.42307692307692 -0.384615384615385'
    batch_shape = (2)
  []
  [s33]
    type = Scalar
    values = '4.8076923076923 3.46153846153846'
    batch_shape = (2)
  []
  [s23]
    type = Scalar
    values = '0.769230769230769 0'
    batch_shape = (2)
  []
  [s13]
    type = Scalar
    values = '-1.15384615384615 0.384615384615385'
    batch_shape = (2)
  []
  [s12]
    type = Scalar
    values = '1.53846153846154 -0.769230769230769'
    batch_shape = (2)
  []
  [Ee]
    type = FillSR2
    values = 'e11 e22 e33 e23 e13 e12'
  []
  [S]
    type = FillSR2
    values = 's11 s22 s33 s23 s13 s12'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_SR2_names = 'state/internal/Ee'
    input_SR2_values = 'Ee'
    output_SR2_names = 'state/S'
    output_SR2_values = 'S'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '100 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
