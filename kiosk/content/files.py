"""Reading files of a content folder safely: only regular files inside the folder, sizes
checked before reading, and never more read than the limit.

A FIFO would block a read for ever, /dev/zero would fill the memory, a link to a file
outside the folder would show that file's text in messages, a link loop or a 300-character
name makes the operating system raise: each becomes a sentence for the editor instead.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kiosk.core import limits as L


class FileProblem(Exception):
    """Why a content file cannot be used, as a sentence that follows its name."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def name_problem(relative: str) -> str | None:
    """A path the file system cannot hold: NUL bytes and over-long names."""
    if "\x00" in relative:
        return "has a NUL character in its name"
    longest = max((len(part) for part in relative.split("/")), default=0)
    if longest > L.MAX_NAME_CHARS:
        return (f"has a name of {longest} characters; a file name may have at most "
                f"{L.MAX_NAME_CHARS}")
    return None


def real_root(root: Path) -> Path:
    """The content folder's real path, once per load: what `inside` compares with."""
    try:
        return root.resolve()
    except (OSError, RuntimeError, ValueError):
        return root.absolute()


def inside(root: Path, path: Path) -> Path:
    """The real path of `path`, which must be inside `root` (a real path, see real_root).

    Raises FileProblem for link loops, unreadable paths and links that lead outside."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError, ValueError):  # link loop, name too long, NUL byte
        raise FileProblem("cannot be followed (a link that points to itself?)") from None
    if not real.is_relative_to(root):
        raise FileProblem("is a link to a place outside the content folder; copy the file "
                          "into the folder instead") from None
    return real


def regular_file(root: Path, path: Path, max_bytes: int) -> tuple[Path, os.stat_result]:
    """The real path and the status (size, modification time) of a regular file of at most
    `max_bytes`.

    The caller has checked that the folder holding `path` is inside `root` (a real path);
    `path` itself may be a link, which must lead inside too."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            path = inside(root, path)
            info = path.stat()
    except FileNotFoundError:
        raise FileProblem("does not exist") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise FileProblem(f"cannot be read ({reason})") from None
    if not stat.S_ISREG(info.st_mode):
        raise FileProblem(f"is {kind_of(info.st_mode)}, not a file")
    if info.st_size > max_bytes:
        raise FileProblem(f"is {_size(info.st_size)}; it may be at most {_size(max_bytes)}")
    return path, info


def read_limited(root: Path, path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file (see regular_file), refusing anything else unread."""
    real, _ = regular_file(root, path, max_bytes)
    # O_NONBLOCK: if a FIFO was swapped in since the check, opening it must not block
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise FileProblem(f"cannot be read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(f"is {kind_of(info.st_mode)}, not a file")
        # ask for what the file holds (a larger request allocates that much, every time)
        data = file.read(min(info.st_size, max_bytes) + 1)
        if len(data) > info.st_size:  # it is growing: read on, up to the limit
            data += file.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:  # it grew since the check
        raise FileProblem(f"is larger than {_size(max_bytes)}")
    return data


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    return f"{count // 1024} kB"
