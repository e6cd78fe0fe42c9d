"""Loads a results file written by a transient driver with torch.jit.load and checks its layout:
buffers input.<step>.<variable> and output.<step>.<variable>, one per step, batch first.

usage: check_results_pt.py RESULT.pt NSTEPS NBATCH VARIABLE:BASE_SIZE ...
"""
import re
import sys

import torch

path, nsteps, nbatch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
expected = {}
for spec in sys.argv[4:]:
    name, size = spec.rsplit(":", 1)
    expected[name] = int(size)

buffers = dict(torch.jit.load(path).named_buffers())
problems = []
for prefix in ("input", "output"):
    steps = {int(m.group(1)) for n in buffers if (m := re.match(prefix + r"\.(\d+)\.", n))}
    if steps != set(range(nsteps)):
        problems.append(f"{prefix}: steps {sorted(steps)}, expected 0..{nsteps - 1}")
for name, size in expected.items():
    for step in range(nsteps):
        key = f"{name.split('.', 1)[0]}.{step}.{name.split('.', 1)[1]}"
        if key not in buffers:
            problems.append(f"missing buffer {key}")
            continue
        shape = tuple(buffers[key].shape)
        want = (nbatch,) if size == 0 else (nbatch, size)
        if shape != want:
            problems.append(f"{key}: shape {shape}, expected {want}")
if problems:
    print("\n".join(problems[:20]))
    sys.exit(1)
print(f"{path}: {len(buffers)} buffers, {nsteps} steps, layout as expected")
