[Models]
  [rate]
    type = ScalarVariableRate
    variable = 'state/x'
  []
[]
