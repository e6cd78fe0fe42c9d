[Settings]
  disable_jt = true
[]

[Tensors]
  [bad_sr2]
    type = SR2
    values = '1 2 3'
  []
[]

[Models]
  [eq1]
    type = ScalarVariableRat
    variable = 'state/a'
  []
  [eq2]
    type = ScalarVariableRate
    variabel = 'state/b'
  []
  [eq3]
    type = ScalarVariableRate
    variable = 'state/c'
  []
  [eq]
    type = ComposedModel
    models = 'eq1 eq3 eq4'
  []
[]

[Solver]
[]
