[Settings]
  disable_jt = true
[]
