"""One place for where the program finds its assets and content, in source and when frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kiosk.services.platform import is_frozen, program_dir


def bundle_root() -> Path:
    """The folder holding assets/, data/ and kiosk/: the repo, or PyInstaller's bundle."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def assets_dir() -> Path:
    return bundle_root() / "assets"


def qml_dir() -> Path:
    """The QML import path: the module `Kiosk` is the folder of that name inside it."""
    return bundle_root() / "kiosk" / "ui" / "qml"


def bundled_content() -> Path:
    return bundle_root() / "data"


def content_folder(cli_value: str | None = None) -> Path:
    """First match wins: --content, $KIOSK_CONTENT, data/ beside the executable, the bundle."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("KIOSK_CONTENT")
    if env:
        return Path(env).expanduser()
    if is_frozen():
        beside = program_dir() / "data"
        if (beside / "exhibit.yaml").is_file():
            return beside
    return bundled_content()
