"""How much memory a process uses, on every platform; and giving freed memory back to the
system, so that days of navigation do not creep upward.

glibc keeps freed heap pages (and one arena per thread that ever allocated) for reuse;
image decoding threads make that add up. Elsewhere `limit_arenas` and `trim` do nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

from PySide6.QtCore import QObject, QTimer

M_ARENA_MAX = -8

_libc: ctypes.CDLL | None = None
if sys.platform.startswith("linux"):
    try:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:  # pragma: no cover - not glibc
        _libc = None


def limit_arenas(count: int = 2) -> None:
    """Call before threads start: fewer malloc arenas, less memory held in reserve."""
    if _libc is not None and hasattr(_libc, "mallopt"):
        _libc.mallopt(M_ARENA_MAX, count)


def trim() -> None:
    if _libc is not None and hasattr(_libc, "malloc_trim"):
        _libc.malloc_trim(0)


def process_mb(pid: int, children: bool = False) -> float:
    """Memory a process uses, in MB (with `children`, its child processes' too).

    Linux: PSS, the pages it holds with shared ones divided among their sharers, so that
    the figure neither double counts Qt's libraries nor forgets them. Windows and macOS have
    no PSS: USS there, the pages only it holds. RSS if the system says neither."""
    import psutil  # here: the kiosk asks only when staff or a benchmark look (30 ms to load)

    try:
        process = psutil.Process(pid)
        processes = [process, *(process.children(recursive=True) if children else [])]
    except psutil.Error:
        return 0.0
    total = 0
    for one in processes:
        try:
            info = one.memory_full_info()
            total += getattr(info, "pss", None) or getattr(info, "uss", None) or info.rss
        except (psutil.AccessDenied, OSError):  # Wine: no working-set query
            total += one.memory_info().rss
        except psutil.Error:  # it ended meanwhile
            continue
    return total / (1024 * 1024)


class Trimmer:
    """Hands freed memory back half a second after the last call to `soon()`, so that a
    visitor moving quickly pays for it once, after they stop."""

    def __init__(self, parent: QObject, quiet_ms: int = 500) -> None:
        self._timer = QTimer(parent, singleShot=True, interval=quiet_ms)
        self._timer.timeout.connect(trim)

    def soon(self) -> None:
        self._timer.start()
