[Models]
  [eq1]
    type = ScalarVariableRate
    variable = 'stat/a'
  []
[]
