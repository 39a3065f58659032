"""Writing that never leaves half a thing: whole files by temporary name and rename, folders
removed by renaming them out of sight first. os.replace renames over an existing file on
Windows and Linux alike."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import uuid
from collections.abc import Callable
from pathlib import Path

from kiosk.core.atomic import TEMPORARY_PREFIX, replace_patiently

CHUNK = 1024 * 1024  # bytes read and hashed at a time: large for speed, small for a cancel


def rename_folder(source: Path, target: Path) -> None:
    """Rename a folder to a name that must not exist yet (see replace_patiently)."""
    if target.exists():
        raise FileExistsError(errno.EEXIST, "exists already", str(target))
    replace_patiently(source, target)


def remove_tree(path: Path) -> str | None:
    """Remove a folder: first renamed to a hidden temporary name (so that it is gone at once
    for anyone listing), then deleted. Read-only files (Windows) are made writable. The
    reason it could not be removed, or None."""
    hidden = path.with_name(f"{TEMPORARY_PREFIX}deleting-{path.name}-{uuid.uuid4().hex[:8]}")
    try:
        os.replace(path, hidden)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{path.name} could not be removed ({exc.strerror or exc})"
    failures: list[str] = []

    def retry(function: Callable[..., object], name: str, _: object) -> None:
        try:
            os.chmod(name, stat.S_IWRITE)
            function(name)
        except OSError as exc:
            failures.append(f"{name}: {exc.strerror or exc}")

    if sys.version_info >= (3, 12):
        shutil.rmtree(hidden, onexc=retry)
    else:
        shutil.rmtree(hidden, onerror=retry)  # onexc is 3.12's; the program runs on 3.11
    return f"{path.name} could not be removed completely ({failures[0]})" if failures else None


def free_bytes(path: Path) -> int | None:
    """Free space on the disk holding `path` (or its nearest existing parent)."""
    for folder in (path, *path.parents):
        try:
            return shutil.disk_usage(folder).free
        except OSError:
            continue
    return None
