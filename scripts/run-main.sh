#!/usr/bin/env bash
# The main job: the JIT tutorial's three programs, then the model's graphs through neml2-inspect.
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
cd "$(dirname "$0")/../examples/jit"

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
