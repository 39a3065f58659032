#!/usr/bin/env bash
# The Windows part of CI, on this Linux machine under Wine: the whole test suite with the
# Windows CPython, kiosk.exe built with PyInstaller, and the packaged program smoke-tested
# as the Linux one is (scripts/smoke_frozen.py). Prints the time of each step.
#   scripts/wine/ci.sh                  (.ci/run calls it after the Linux part)
# The set-up (scripts/wine/setup.sh) is cached in ~/.cache/kiosk-wine, keyed by the lock.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
step() { echo "windows: $1 ($((SECONDS - mark)) s)"; mark=$SECONDS; }
mark=$SECONDS
scripts/wine/setup.sh >/dev/null
step "set-up ready"
# pytest's cache would be written by Windows into this checkout: not wanted
scripts/wine/run.sh python -m pytest -p no:cacheprovider
step "test suite passed"
rm -rf build/windows dist/windows
scripts/wine/run.sh python -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist/windows --workpath build/windows build.spec
step "kiosk.exe built"
# a real X server, so that the first frame is also drawn by Qt's own Windows plugin
xvfb-run -a -s "-screen 0 1920x1080x24" \
  scripts/wine/run.sh python scripts/smoke_frozen.py dist/windows/kiosk
step "packaged program smoke-tested"
echo "windows: all done in $((SECONDS - start)) s"
