#!/usr/bin/env bash
# The Windows part of CI, on this Linux machine under Wine: the whole test suite with the
# Windows CPython, kiosk.exe built with PyInstaller, and the packaged program smoke-tested
# as the Linux one is (scripts/smoke_frozen.py). Prints the time of each step.
#   scripts/wine/ci.sh                  (.ci/run calls it after the Linux part)
# The set-up (scripts/wine/setup.sh) is cached in ~/.cache/kiosk-wine, keyed by the lock.
set -euo pipefail
cd "$(dirname "$0")/../.."
begin=${KIOSK_WINE_CI_BEGIN:-$(date +%s)}
home=$(scripts/wine/setup.sh)
# Wine picks its display driver when a session (wineserver) starts: end any session started
# without a display, and run the whole part on one X server of its own, so that Qt's
# Windows display plugin really draws.
WINEPREFIX=$home/prefix wineserver -k 2>/dev/null || true
if [ -z "${KIOSK_WINE_CI_X:-}" ]; then
  exec env KIOSK_WINE_CI_X=1 KIOSK_WINE_CI_BEGIN="$begin" xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
trap 'WINEPREFIX=$home/prefix wineserver -k 2>/dev/null || true' EXIT
step() { echo "windows: $1 ($(($(date +%s) - mark)) s)"; mark=$(date +%s); }
mark=$begin
step "set-up ready"
# pytest's cache would be written by Windows into this checkout: not wanted
scripts/wine/run.sh python -m pytest -p no:cacheprovider -m ""  # every test
step "test suite passed"
rm -rf build/windows dist/windows
scripts/wine/run.sh python -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist/windows --workpath build/windows build.spec
step "kiosk.exe built"
scripts/wine/run.sh python scripts/smoke_frozen.py dist/windows/kiosk
step "packaged program smoke-tested"
echo "windows: all done in $(($(date +%s) - begin)) s"
