"""Files written whole or not at all, on Windows and Linux alike: the one home for
"write beside it under a temporary name, flush to the disk, rename over it".

The kiosk may be reading a file while it is replaced (the watcher, Syncthing, an editor),
so nobody may ever see half of one. Windows refuses a rename for a moment when another
program (a virus scanner, the indexer, Syncthing) holds one of the files open: the rename
is tried again a few times before the error is raised.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TEMPORARY_PREFIX = ".kiosk-"  # every temporary name starts so: hidden, and never content
RENAME_WAITS = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds between tries of a refused rename

Writer = Callable[[BinaryIO, memoryview], None]


def write_chunk(file: BinaryIO, data: memoryview) -> None:
    """The real write (tests pass one that raises ENOSPC, as a full disk does)."""
    file.write(data)


def temporary_beside(path: Path, what: str = "") -> Path:
    """A hidden name in the same folder (so the rename stays on one disk), unique."""
    return path.with_name(f"{TEMPORARY_PREFIX}{what}{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def write_atomic(path: Path, data: bytes, writer: Writer = write_chunk, *,
                 private: bool = False) -> None:
    """Replace `path` with `data` in one step. A file that exists keeps its permissions;
    `private` makes a new one readable by its owner only, from its first byte."""
    temporary = temporary_beside(path)
    kept: int | None = None  # the mode of the file replaced, kept over the umask
    if not private:
        with contextlib.suppress(OSError):
            kept = path.stat().st_mode & 0o7777
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        with os.fdopen(os.open(temporary, flags, 0o600 if private else 0o666), "wb") as file:
            writer(file, memoryview(data))
            file.flush()
            os.fsync(file.fileno())
        if kept is not None:
            os.chmod(temporary, kept)
        replace_patiently(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def replace_patiently(source: Path, target: Path, *,
                      move: Callable[[Path, Path], None] | None = None) -> None:
    """os.replace (or `move`, e.g. os.rename for a folder's new name), tried again for a
    moment when Windows refuses it because another process holds a file; any other error
    is raised at once."""
    for wait in (*RENAME_WAITS, None):
        try:
            (move or os.replace)(source, target)
            return
        except PermissionError:
            if wait is None:
                raise
            time.sleep(wait)
