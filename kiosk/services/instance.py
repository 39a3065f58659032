"""One kiosk per home: a lock file that the operating system releases when its holder dies
(killed, crashed, power cut), so that a stale lock never blocks a restart.

A second supervisor started by a scheduled task, a double click or a login script must not
start a second kiosk on the same screen, log and statistics. Plain Python; fcntl on POSIX,
msvcrt on Windows (both release the lock with the process)."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from pathlib import Path
from typing import IO

import psutil

log = logging.getLogger("kiosk.instance")


KIOSK_LOCK = "kiosk.lock"  # held by the kiosk process while it runs
SUPERVISOR_LOCK = "supervisor.lock"  # held by the supervisor while it runs


def lock_path(name: str) -> Path:
    """In the kiosk's home, beside kiosk.toml: one kiosk per home ($KIOSK_HOME gives a
    second kiosk on one computer its own)."""
    from kiosk.services.paths import user_config_dir

    return user_config_dir() / name


START_TOLERANCE = 2.0  # seconds: a start time read by two processes (Linux adds a boot time
# that drifts by up to a second); a reused pid belongs to a process started much later


def identity(pid: int | None = None) -> str:
    """A process as `pid:start-time`: a pid alone may name another process once its own has
    ended (pids are reused), the pair never does."""
    process = psutil.Process(pid)
    return f"{process.pid}:{process.create_time()!r}"


def find(ident: str) -> psutil.Process | None:
    """The running process `ident` names, or None (ended, a zombie, or its pid reused). The
    psutil object it returns tells later, clock-safely, whether that same process still
    runs (`is_running`)."""
    try:
        pid_text, _, created = ident.partition(":")
        pid, start = int(pid_text), float(created)
        process = psutil.Process(pid)
        if process.status() == psutil.STATUS_ZOMBIE:
            return None
        if sys.platform != "win32" and pid == os.getppid():
            return process  # our own parent, still (a dead one's children get another)
        # Linux gives a start time as boot time + ticks, and the boot time it reads moves
        # with the wall clock; Windows keeps the start time itself
        return process if abs(process.create_time() - start) <= START_TOLERANCE else None
    except (ValueError, psutil.Error):
        return None


def running(process: psutil.Process) -> bool:
    """Does the process `find` gave still run (not ended, not a zombie, pid not reused)?"""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def alive(ident: str) -> bool:
    """Is the process `ident` names still running (not merely a process with its pid)?"""
    return find(ident) is not None


class InstanceLock:
    """An exclusive, non-blocking lock on `path`; the holder's identity is kept beside it
    (in `<path>.owner`) for the one who finds it taken."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.owner_path = path.with_name(path.name + ".owner")
        self._file: IO[bytes] | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock; False when another one does. An OSError
        (a home that cannot be written) propagates: the caller decides to run unguarded."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # noqa: SIM115 (held open as long as the lock)
        try:
            _lock(handle)
        except BlockingIOError:
            handle.close()
            return False
        except BaseException:
            handle.close()
            raise
        self._file = handle
        with contextlib.suppress(OSError):
            self.owner_path.write_text(identity(), encoding="utf-8")
        return True

    @property
    def held(self) -> bool:
        return self._file is not None

    def owner(self) -> str:
        """The identity of the process that last took the lock ('' when unknown)."""
        try:
            return self.owner_path.read_text(encoding="utf-8").strip()
        except (OSError, ValueError):
            return ""

    def taken(self) -> bool:
        """Does another process hold the lock now? (Takes it for a moment if not.)"""
        if self.held:
            return False
        if self.acquire():
            self.release()
            return False
        return True

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                _unlock(self._file)
            self._file.close()
            self._file = None


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:  # Windows says "permission denied" for a lock held elsewhere
            raise BlockingIOError(str(exc)) from exc

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def kill(ident: str) -> bool:
    """End the process `ident` names, and its children; True if it was running."""
    process = find(ident)
    if process is None:
        return False
    try:
        family = process.children(recursive=True)
        process.kill()
        for child in family:
            with contextlib.suppress(psutil.Error):
                child.kill()
        process.wait(10)
    except psutil.Error:
        pass
    return True


