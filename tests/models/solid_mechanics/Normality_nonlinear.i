# The derivatives of Perzyna's flow rate with respect to the yield function and to its parameters
# given as variables, for a batch of two points: the outputs' own derivatives are the flow rate's
# second derivatives.
[Tensors]
  [fp]
    type = Scalar
    values = '50 120'
    batch_shape = (2)
  []
  [eta]
    type = Scalar
    values = '150 100'
    batch_shape = (2)
  []
  [n]
    type = Scalar
    values = '6 2.5'
    batch_shape = (2)
  []
  [df]
    type = Scalar
    values = '0.00016460905349794232 0.03286335345030996'
    batch_shape = (2)
  []
  [deta]
    type = Scalar
    values = '-5.486968449931411e-05 -0.03943602414037196'
    batch_shape = (2)
  []
  [dn]
    type = Scalar
    values = '-0.0015070127416572144 0.2876014926014636'
    batch_shape = (2)
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    input_Scalar_names = 'state/internal/fp state/eta state/n'
    input_Scalar_values = 'fp eta n'
    output_Scalar_names = 'state/internal/dgamma_df state/internal/dgamma_deta state/internal/dgamma_dn'
    output_Scalar_values = 'df deta dn'
  []
[]

[Models]
  [perzyna]
    type = PerzynaPlasticFlowRate
    reference_stress = 'state/eta'
    exponent = 'state/n'
  []
  [model]
    type = Normality
    model = 'perzyna'
    function = 'state/internal/gamma_rate'
    from = 'state/internal/fp state/eta state/n'
    to = 'state/internal/dgamma_df state/internal/dgamma_deta state/internal/dgamma_dn'
  []
[]
