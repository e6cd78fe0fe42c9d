#!/usr/bin/env bash
# The main job: the JIT tutorial's three programs, the model's graphs through neml2-inspect, then
# the J2 viscoplastic example through its driver (results in BUILD/examples/j2_viscoplasticity).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/examples/jit"

echo "### 1. The model (examples/jit/print_model)"
"$build/bin/example_jit_print_model"
echo
echo "### 2. The graph executed by the first evaluation, a profiling run (examples/jit/trace_once)"
"$build/bin/example_jit_trace_once"
echo
echo "### 3. The optimized graph after ten evaluations (examples/jit/optimize)"
"$build/bin/example_jit_optimize"
echo
echo "### 4. Traced and optimized graphs at batch shape (1000) (neml2-inspect --graph)"
"$build/bin/neml2-inspect" input.i eq --graph --batch-shape "(1000)" | sed -n '/^# traced graph/,$p'
echo
echo "### 5. J2 viscoplasticity, 100 strain rates x 100 steps (examples/j2_viscoplasticity)"
out="$build/examples/j2_viscoplasticity/run"
mkdir -p "$out"
cd "$out"
start=$(date +%s.%N)
"$build/bin/neml2-run" "$root/examples/j2_viscoplasticity/input.i" driver
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "ran in %.2f s\n", e - s }'
echo "results: $out/result.csv, $out/result.pt"
echo "last step, every 33rd strain rate:"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; last = 0; next }
         { if ($1 + 0 > last) last = $1 + 0; row[$1 "," $2] = $0 }
         END {
           printf "%8s %12s %12s %12s %12s\n", "entry", "time", "strain_xx", "stress_xx", "ep"
           for (k = 0; k < 100; k += 33) {
             split(row[last "," k], f, ",")
             printf "%8d %12.4g %12.4g %12.4g %12.4g\n", k, f[col["input.forces/t[0]"]],
               f[col["input.forces/E[0]"]], f[col["output.state/S[0]"]],
               f[col["output.state/internal/ep[0]"]]
           }
         }' result.csv
