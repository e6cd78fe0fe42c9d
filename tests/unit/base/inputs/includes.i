[Models]
  !include included_model.i
[]
