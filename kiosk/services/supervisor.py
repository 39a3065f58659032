"""Keep the kiosk running for days: restart it when it crashes or stops answering.

Plain Python and subprocesses, no Qt: the supervisor must survive whatever the kiosk does.
"""

from __future__ import annotations

import collections
import logging
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from kiosk.services.platform import self_command

log = logging.getLogger("kiosk.supervisor")

EXIT_NO_CONTENT = 78  # the kiosk has nothing to show: restarting would not help
STARTUP_GRACE = 30.0  # seconds before the first heartbeat must have come
CRASH_WINDOW = 300.0


def child_command(args: Sequence[str]) -> list[str]:
    """How to start the kiosk itself again, from source or frozen."""
    return self_command(list(args))


def backoff(recent_crashes: int) -> float:
    """Seconds to wait before a restart: quick at first, slower when it keeps crashing."""
    if recent_crashes <= 3:
        return 0.5
    return float(min(60, 2 ** (recent_crashes - 3)))


class Supervisor:
    def __init__(self, args: Sequence[str], heartbeat_timeout: float = 6.0,
                 poll: float = 0.2) -> None:
        self.args = list(args)
        self.heartbeat_timeout = heartbeat_timeout
        self.poll = poll
        self.child: subprocess.Popen[bytes] | None = None
        self._stopping = False
        self._crashes: collections.deque[float] = collections.deque()
        folder = Path(tempfile.mkdtemp(prefix="kiosk-"))
        self.heartbeat = folder / "heartbeat"

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        while True:
            code = self._run_child_once()
            if self._stopping:
                return 0
            if code in (0, EXIT_NO_CONTENT):
                log.info("kiosk ended with %d; supervisor ends too", code)
                return code
            now = time.monotonic()
            self._crashes.append(now)
            while self._crashes and now - self._crashes[0] > CRASH_WINDOW:
                self._crashes.popleft()
            delay = backoff(len(self._crashes))
            log.error("kiosk ended with %s; restarting in %.1f s", code, delay)
            time.sleep(delay)

    def _run_child_once(self) -> int | str:
        self.heartbeat.unlink(missing_ok=True)
        command = [*child_command(self.args), "--no-supervisor", "--heartbeat",
                   str(self.heartbeat)]
        self.child = subprocess.Popen(command)
        started = time.monotonic()
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
    return Supervisor(args, heartbeat_timeout=timeout).run()
