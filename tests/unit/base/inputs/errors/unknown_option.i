[Models]
  [eq1]
    type = ScalarVariableRate
    variabel = 'state/a'
  []
[]
