[Models]
  [eq1]
    type = ScalarVariableRate
    variable = 'state/a'
  []
  [eq]
    type = ComposedModel
    models = 'eq1 eq3'
  []
[]
