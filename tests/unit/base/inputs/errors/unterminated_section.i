[Models]
  [eq1]
    type = ScalarVariableRate
    variable = 'state/a'
[]
