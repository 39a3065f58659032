"""Keep the kiosk running for days: restart it when it crashes or stops answering.

Plain Python and subprocesses, no Qt: the supervisor must survive whatever the kiosk does.
"""

from __future__ import annotations

import collections
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from kiosk.services import exits
from kiosk.services.platform import self_command

log = logging.getLogger("kiosk.supervisor")

STARTUP_GRACE = 30.0  # seconds before the first heartbeat must have come
CRASH_WINDOW = 300.0
MAX_BACKOFF = 5.0  # seconds of black screen between tries, at most
HEALTHY_RUN = 60.0  # a kiosk that ran this long before it crashed starts a new count
FOLDER_PREFIX = "kiosk-supervisor-"
STALE_FOLDER = 24 * 3600.0  # a folder no supervisor has touched for a day is left over


def child_command(args: Sequence[str]) -> list[str]:
    """How to start the kiosk itself again, from source or frozen."""
    return self_command(list(args))


def backoff(recent_crashes: int) -> float:
    """Seconds to wait before a restart: quick at first, slower when it keeps crashing, but
    never more than a few seconds: a black screen is worse than a busy processor."""
    if recent_crashes <= 3:
        return 0.5
    return float(min(MAX_BACKOFF, 2 ** min(recent_crashes - 3, 10)))


def remove_stale_folders(temp: Path | None = None) -> None:
    """Remove what supervisors that were killed outright left in the temporary folder."""
    temp = temp or Path(tempfile.gettempdir())
    now = time.time()
    for folder in temp.glob(f"{FOLDER_PREFIX}*"):
        try:
            touched = max([folder.stat().st_mtime,
                           *(p.stat().st_mtime for p in folder.iterdir())])
            if now - touched > STALE_FOLDER:
                shutil.rmtree(folder)
        except OSError:
            continue  # in use, or not ours to remove


class Supervisor:
    def __init__(self, args: Sequence[str], heartbeat_timeout: float = 6.0,
                 poll: float = 0.2) -> None:
        self.args = list(args)
        self.heartbeat_timeout = heartbeat_timeout
        self.poll = poll
        self.child: subprocess.Popen[bytes] | None = None
        self._stopping = False
        self._crashes: collections.deque[float] = collections.deque()
        self._started = time.monotonic()
        remove_stale_folders()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        self.heartbeat = self.folder / "heartbeat"

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while True:
            code = self._run_child_once()
            if self._stopping:
                return 0
            if code in exits.NO_RESTART:
                log.info("kiosk ended with %d; supervisor ends too", code)
                return code
            delay = self._count_crash(time.monotonic())
            log.error("kiosk ended with %s; restarting in %.1f s", code, delay)
            self._pause(delay)
            if self._stopping:  # asked to stop during the pause: start nothing more
                return 0

    def _count_crash(self, now: float) -> float:
        """Count a crash and return the pause before the next start; a kiosk that had run
        for a healthy while starts the count again."""
        if now - self._started > HEALTHY_RUN:
            self._crashes.clear()
        self._crashes.append(now)
        while self._crashes and now - self._crashes[0] > CRASH_WINDOW:
            self._crashes.popleft()
        return backoff(len(self._crashes))

    def _pause(self, seconds: float) -> None:
        """Sleep in short steps, so that a stop request ends the pause at once."""
        end = time.monotonic() + seconds
        while not self._stopping and (left := end - time.monotonic()) > 0:
            time.sleep(min(self.poll, left))

    def remove_folder(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run_child_once(self) -> int | str:
        self.heartbeat.unlink(missing_ok=True)
        command = [*child_command(self.args), "--no-supervisor", "--heartbeat",
                   str(self.heartbeat)]
        self.child = subprocess.Popen(command)
        started = self._started = time.monotonic()
        log.info("started kiosk pid %d", self.child.pid)
        print(f"supervisor: started kiosk pid {self.child.pid}", flush=True)
        while True:
            code = self.child.poll()
            if code is not None:
                return code
            if self._stopping:
                self._end_child()
                return 0
            if self._frozen(started):
                log.error("kiosk pid %d stopped answering; killing it", self.child.pid)
                self.child.kill()
                self.child.wait()
                return "frozen"
            time.sleep(self.poll)

    def _frozen(self, started: float) -> bool:
        try:
            age = time.time() - self.heartbeat.stat().st_mtime
        except FileNotFoundError:
            if not self.heartbeat.parent.is_dir():  # a temp cleaner took the folder: the
                self.heartbeat.parent.mkdir(parents=True, exist_ok=True)  # kiosk is not at
                self.heartbeat.touch()  # fault; the heartbeat is ours to make again
                log.warning("the heartbeat folder was removed; made it again")
                return False
            return time.monotonic() - started > STARTUP_GRACE
        return age > self.heartbeat_timeout

    def _end_child(self) -> None:
        if self.child and self.child.poll() is None:
            self.child.terminate()
            try:
                self.child.wait(5)
            except subprocess.TimeoutExpired:
                self.child.kill()
                self.child.wait()

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self._stopping = True


def supervise(args: Sequence[str]) -> int:
    timeout = float(os.environ.get("KIOSK_HEARTBEAT_TIMEOUT", "6"))
    supervisor = Supervisor(args, heartbeat_timeout=timeout)
    try:
        return supervisor.run()
    finally:
        supervisor.remove_folder()
