#!/usr/bin/env bash
# Package the kiosk into dist/kiosk/ with PyInstaller, then smoke-test the frozen program.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN build.spec
.venv/bin/python scripts/smoke_frozen.py dist/kiosk
