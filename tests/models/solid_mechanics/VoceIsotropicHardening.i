# A batch of three points with the saturated hardening and the saturation rate given as variables
# (nonlinear parameters), renamed variables.
[Tensors]
  [ep]
    type = Scalar
    values = '0.1 0.02 0.5'
    batch_shape = (3)
  []
  [R]
    type = Scalar
    values = '100 150 80'
    batch_shape = (3)
  []
  [d]
    type = Scalar
    values = '1.1 5 3'
    batch_shape = (3)
  []
  [h]
    type = Scalar
    values = '10.416586470347177 14.274387294606072 62.149587188125615'
    batch_shape = (3)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/eps_p state/R state/d'
    input_Scalar_values = 'ep R d'
    output_Scalar_names = 'state/internal/h'
    output_Scalar_values = 'h'
    check_second_derivatives = true
  []
[]

[Models]
  [model]
    type = VoceIsotropicHardening
    equivalent_plastic_strain = 'state/internal/eps_p'
    isotropic_hardening = 'state/internal/h'
    saturated_hardening = 'state/R'
    saturation_rate = 'state/d'
  []
[]
