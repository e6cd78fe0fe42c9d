[Models]
  [eq1]
    type = ScalarVariableRate
  []
[]
