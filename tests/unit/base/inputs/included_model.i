[m]
  type = ComposedModel
  models = 'a b'
[]
