#!/usr/bin/env bash
# Install the Debian packages the build and the tests need (python3-torch: a test loads our .pt
# results with torch.jit.load), only those missing. Quiet and quick when everything
# is already there, so `make run` / `make test` can call it every time.
set -euo pipefail

# Usage: install-deps.sh [fuzz]   (fuzz: also what the parser fuzz target needs)
packages=(cmake ninja-build g++ make libtorch-dev libgtest-dev ccache python3-torch)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "error: these Debian packages are missing and I am not root: ${missing[*]}" >&2
  echo "       install them with: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
