[Models]
  [eq1]
    type = ScalarVariableRat
    variable = 'state/a'
  []
[]
