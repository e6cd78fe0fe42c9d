[Models]
  [eq1]
    type = ScalarVariableRate
    variable = 'state/a'
    rate = 'state/b'
  []
  [eq2]
    type = ScalarVariableRate
    variable = 'state/b'
    rate = 'state/a'
  []
  [eq]
    type = ComposedModel
    models = 'eq1 eq2'
  []
[]
