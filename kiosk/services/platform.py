"""Facts about the platform the kiosk runs on, stated once: frozen or from source, where the
program lives, how to start it again, and which operating system this is."""

from __future__ import annotations

import sys
from pathlib import Path

WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")


def is_frozen() -> bool:
    """True in the packaged (PyInstaller) program, False when run from source."""
    return bool(getattr(sys, "frozen", False))


def program_dir() -> Path:
    """The folder of the packaged executable, where staff put data/ and kiosk.toml."""
    return Path(sys.executable).resolve().parent


def self_command(args: list[str]) -> list[str]:
    """The command that starts this program again with `args`, from source or frozen."""
    if is_frozen():
        return [sys.executable, *args]
    return [sys.executable, "-m", "kiosk", *args]
