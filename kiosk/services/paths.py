"""One place for where the program finds its assets and content, in source and when frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from kiosk.services.platform import is_frozen, program_dir

HOME_VARIABLE = "KIOSK_HOME"


def bundle_root() -> Path:
    """The folder holding assets/, data/ and kiosk/: the repo, or PyInstaller's bundle."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[2]


def assets_dir() -> Path:
    return bundle_root() / "assets"


def qml_dir() -> Path:
    """The QML import path: the module `kiosk.ui` is the folder kiosk/ui/ inside it."""
    return bundle_root()


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


def user_config_dir() -> Path:
    """Where kiosk.toml is when none is beside the program: $KIOSK_HOME if set, else the
    user's configuration folder. $KIOSK_HOME works the same on every platform (platformdirs
    ignores XDG_* on Windows): tests and a second kiosk on one computer use it."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_config_dir("kiosk", appauthor=False))


def user_log_dir() -> Path:
    """Where the log and crash.log go: $KIOSK_HOME/log if set, else the user's log folder."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser() / "log"
    return Path(platformdirs.user_log_dir("kiosk", appauthor=False))


def user_cache_dir() -> Path:
    """Where what the kiosk may forget goes (the OpenGL probe's answer): $KIOSK_HOME/cache
    if set, else the user's cache folder."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser() / "cache"
    return Path(platformdirs.user_cache_dir("kiosk", appauthor=False))


def user_data_dir() -> Path:
    """Where the kiosk keeps what it made and needs again (the last good content):
    $KIOSK_HOME if set, else the user's data folder."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        return Path(home).expanduser()
    return Path(platformdirs.user_data_dir("kiosk", appauthor=False))


def last_good_dir() -> Path:
    """The last good content's store (kiosk.services.last_good)."""
    return user_data_dir() / "last-good"


def picture_checks_file() -> Path:
    """What the picture checks found, kept across starts (kiosk.services.picture_checks)."""
    return user_cache_dir() / "picture-checks.json"
