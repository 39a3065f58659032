#!/usr/bin/env bash
# Install what the kiosk needs on a fresh Debian or Ubuntu machine:
# the system libraries Qt links against, and a virtual environment in .venv.
#   scripts/install.sh          to run the kiosk
#   scripts/install.sh --test   also the test tools (pytest, Xvfb, xdotool, ImageMagick, Syncthing,
#                               FFmpeg to make the test videos)
#   scripts/install.sh --build  also PyInstaller, to package the program
# Python packages come from the lock files in requirements/ (exact versions, checked by hash;
# scripts/lock.sh writes them): linux-run.txt to run, linux.txt with the test and build tools.
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
packages=(python3 python3-venv libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
          libfreetype6 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
          libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0
          libxcb-xkb1 libxrender1 libxi6)
for arg in "$@"; do
  case "$arg" in
    --test) extras="${extras:+$extras,}test"; packages+=(xvfb xdotool imagemagick x11-utils strace syncthing ffmpeg) ;;
    --build) extras="${extras:+$extras,}build" ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$python" -m venv .venv; fi
lock=requirements/linux-run.txt
if [ -n "$extras" ]; then lock=requirements/linux.txt; fi
.venv/bin/python -m pip install -q --require-hashes --no-deps -r "$lock"
# the kiosk itself, editable, with nothing more: every dependency came from the lock
.venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
echo "installed: .venv ($(.venv/bin/python --version), extras: ${extras:-none}, from $lock)"
