"""Smoke-test the packaged program in dist/kiosk/: it starts, draws, renders every screen,
finds its fonts, QML and data, and a data/ folder beside it replaces the bundled exhibit.

    python scripts/smoke_frozen.py [dist/kiosk]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

LIMIT_MB = 150
FATAL = ("Traceback", "QML", "ImportError", "Error decoding", "is not a type")


def run(exe: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(exe), *args], env=env, capture_output=True, text=True,
                            timeout=300, check=False)
    output = result.stdout + result.stderr
    bad = [line for line in output.splitlines() if any(word in line for word in FATAL)]
    if result.returncode != 0 or bad:
        sys.exit(f"FAILED: {' '.join(args)} (exit {result.returncode})\n{output}")
    return result


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/kiosk").resolve()
    exe = folder / ("kiosk.exe" if os.name == "nt" else "kiosk")
    size_mb = sum(p.stat().st_size for p in folder.rglob("*")
                  if p.is_file() and not p.is_symlink()) / 1e6
    print(f"{folder}: {size_mb:.0f} MB")
    if size_mb > LIMIT_MB:
        sys.exit(f"FAILED: the program is {size_mb:.0f} MB, over {LIMIT_MB} MB")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
                   XDG_CONFIG_HOME=f"{tmp}/config", XDG_STATE_HOME=f"{tmp}/state")
        env.pop("KIOSK_CONTENT", None)
        run(exe, "run", "--exit-after-first-frame", env=env)
        print("first frame: ok")
        run(exe, "validate", "--strict", env=env)
        shots = Path(tmp) / "shots"
        run(exe, "snapshot", "--out", str(shots), "--size", "960x540", env=env)
        count = len(list(shots.glob("*.png")))
        if count < 10:
            sys.exit(f"FAILED: snapshot wrote only {count} screens")
        print(f"snapshot: {count} screens")
        beside = folder / "data"
        if beside.exists():
            sys.exit(f"FAILED: {beside} exists; remove it before the smoke test")
        try:
            beside.mkdir()
            (beside / "exhibit.yaml").write_text(
                "format: 1\ntitle: Beside\nevents:\n  - {id: only, date: 2000, title: Only}\n", encoding="utf-8")
            shots = Path(tmp) / "beside"
            result = run(exe, "snapshot", "--out", str(shots), env=env)
            if len(list(shots.glob("*.png"))) != 3:  # welcome, its one event, idle; no photo
                sys.exit(f"FAILED: data/ beside the program was not used\n{result.stdout}")
            print("data/ beside the program: used")
        finally:
            shutil.rmtree(beside, ignore_errors=True)
    print("frozen program: ok")


if __name__ == "__main__":
    main()
