"""Where the command-line tools write (`kiosk snapshot --out`, `kiosk stats --html/--csv`):
checked before the work starts, and every write failure told in one sentence, never a
traceback. Plain Python, the same on Windows and Linux."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """One sentence for the person at the terminal: what cannot be written, and why."""


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def writable_folder(path: Path, what: str) -> Path:
    """Make `path` (a folder for `what`) if it is missing and check that a file can be
    written in it; raises OutputError otherwise."""
    try:
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path} is a file, not a folder: give a folder for {what}")
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):  # a real write: permissions, read-only disks
            pass
    except OSError as exc:
        raise OutputError(f"cannot write {what} in {path}: {_reason(exc)}") from None
    except ValueError as exc:  # a NUL byte in the name
        raise OutputError(f"cannot write {what} in {path}: {exc}") from None
    return path


def writable_file(path: Path, what: str) -> Path:
    """Check that `path` can be a file for `what` (an existing file is replaced); its
    folder is made if missing; raises OutputError otherwise."""
    try:
        if path.is_dir():
            raise OutputError(f"{path} is a folder: give a file name for {what}, e.g. "
                              f"{path / 'report.html'}")
        if not path.exists():
            writable_folder(path.parent, what)
        elif not os.access(path, os.W_OK):
            raise OutputError(f"cannot write {what} to {path}: permission denied")
    except OSError as exc:
        raise OutputError(f"cannot write {what} to {path}: {_reason(exc)}") from None
    except ValueError as exc:
        raise OutputError(f"cannot write {what} to {path}: {exc}") from None
    return path


def write_text(path: Path, text: str, what: str) -> None:
    """Write `text` as UTF-8; a full disk or any other failure is an OutputError."""
    try:
        with path.open("w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise OutputError(f"cannot write {what} to {path}: {_reason(exc)}") from None
