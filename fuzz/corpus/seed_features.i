E = 100
name = 'b'
[A/B]
  x = '${E} 2; 3 4'
  y := "q r"
  [./C] z = ${E_${name}} [../]
[]
E_b = 7
A/B/w = 1
# comment
[Models] [m] type = X v = 'state/a' [] []
