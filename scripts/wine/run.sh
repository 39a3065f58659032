#!/usr/bin/env bash
# Run a Windows program of the kiosk under Wine, with the set-up scripts/wine/setup.sh makes
# (made first if needed):
#   scripts/wine/run.sh python -m pytest      the Windows CPython, this checkout importable
#   scripts/wine/run.sh dist/windows/kiosk/kiosk-cli.exe validate
# Standard input, output and error are pipes: under Wine 8 a Windows console program whose
# output goes straight to a file, or whose input is a terminal it cannot use, dies at start.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
home=$("$root/scripts/wine/setup.sh")
export WINEPREFIX=$home/prefix WINEDEBUG=${WINEDEBUG:--all} WINEDLLOVERRIDES="mscoree,mshtml="
program=$1; shift
if [ "$program" = python ]; then
  program=$home/python/python.exe
  PYTHONPATH=$(winepath -w "$root"); export PYTHONPATH
fi
true | wine "$program" "$@" 2> >(cat >&2) | cat
