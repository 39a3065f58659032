"""Writing that never leaves half a thing: whole files by temporary name and rename, folders
removed by renaming them out of sight first. os.replace renames over an existing file on
Windows and Linux alike."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024  # bytes read and hashed at a time: large for speed, small for a cancel
TEMPORARY_PREFIX = ".kiosk-"  # every temporary name starts so: hidden, and never a release

Writer = Callable[[BinaryIO, memoryview], None]


def write_chunk(file: BinaryIO, data: memoryview) -> None:
    """The real write (tests pass one that raises ENOSPC, as a full disk does)."""
    file.write(data)


def write_atomic(path: Path, data: bytes, writer: Writer = write_chunk) -> None:
    """Write `path` whole or not at all: a temporary file beside it, flushed to the disk,
    then renamed over it."""
    temporary = path.with_name(f"{TEMPORARY_PREFIX}{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with temporary.open("xb") as file:
            writer(file, memoryview(data))
            file.flush()
            os.fsync(file.fileno())
        _replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


RENAME_TRIES = 5  # Windows: a virus scanner, the indexer or Syncthing may hold a file a moment


def _replace(source: Path, target: Path) -> None:
    """os.replace, tried again when Windows refuses it because another program has one of
    the files open for a moment (reading the old status file, scanning a new one)."""
    for attempt in range(RENAME_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == RENAME_TRIES - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def rename_folder(source: Path, target: Path) -> None:
    """Rename a folder to a name that must not exist yet (see _replace)."""
    if target.exists():
        raise FileExistsError(errno.EEXIST, "exists already", str(target))
    _replace(source, target)


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
