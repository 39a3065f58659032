"""Keep the kiosk running for days: restart it when it crashes or stops answering.

Plain Python and subprocesses, no Qt: the supervisor must survive whatever the kiosk does.
"""

from __future__ import annotations

import collections
import contextlib
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

import psutil

from kiosk.services import exits, instance
from kiosk.services.platform import self_command

log = logging.getLogger("kiosk.supervisor")

STARTUP_GRACE = 30.0  # seconds before the first heartbeat must have come
CRASH_WINDOW = 300.0
MAX_BACKOFF = 5.0  # seconds of black screen between tries, at most
HEALTHY_RUN = 60.0  # a kiosk that ran this long before it crashed starts a new count
FOLDER_PREFIX = "kiosk-supervisor-"
STALE_FOLDER = 24 * 3600.0  # a folder no supervisor has touched for a day is left over
ORPHAN_WAIT = 10.0  # seconds a kiosk left by a killed supervisor gets to notice and end


def child_command(args: Sequence[str]) -> list[str]:
    """How to start the kiosk itself again, from source or frozen."""
    return self_command(list(args))


def stop_request(heartbeat: Path) -> Path:
    """The file that asks the kiosk to end cleanly: on Windows `terminate()` kills at once,
    with no handler run and the children left, so the supervisor asks through a file."""
    return heartbeat.with_name("stop")


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


class Heartbeat:
    """The kiosk's pulse as the supervisor reads it: the kiosk writes a new count into the
    file every second, and the supervisor notes *on its own monotonic clock* when the count
    last changed. No wall clock is read and no file time compared with one, so a wall-clock
    step (NTP, a dead RTC battery, staff setting the time) never makes a healthy kiosk look
    frozen, nor a frozen one look alive."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self._clock = clock
        self._last: bytes | None = None
        self._changed: float | None = None  # clock() when the count last changed

    def read(self) -> float | None:
        """Seconds (on the clock) since the last beat, None before the first."""
        try:
            now = self.path.read_bytes()
        except OSError:
            now = None
        if now is not None and now != self._last:
            self._last, self._changed = now, self._clock()
        return None if self._changed is None else self._clock() - self._changed


def beat(path: Path, count: int) -> None:
    """The kiosk's side: write the next count (any change is a beat)."""
    path.write_text(str(count), encoding="utf-8")


class Supervisor:
    def __init__(self, args: Sequence[str], heartbeat_timeout: float = 6.0,
                 poll: float = 0.2, clock: Callable[[], float] = time.monotonic) -> None:
        self.args = list(args)
        self.heartbeat_timeout = heartbeat_timeout
        self.poll = poll
        self.clock = clock
        self.child: subprocess.Popen[bytes] | None = None
        self._stopping = False
        self._crashes: collections.deque[float] = collections.deque()
        self._started = self.clock()
        remove_stale_folders()
        self.folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
        self.heartbeat = self.folder / "heartbeat"
        self.pulse = Heartbeat(self.heartbeat, clock)
        self.lock = instance.InstanceLock(instance.lock_path(instance.SUPERVISOR_LOCK))

    def take_lock(self) -> bool:
        """One supervisor per home; False (and a sentence) when another one runs. A home
        that cannot be written does not stop the kiosk: it runs unguarded, logged."""
        try:
            if self.lock.acquire():
                return True
        except OSError as exc:
            log.warning("cannot lock %s (%s): not guarded against a second kiosk",
                        self.lock.path, exc)
            return True
        owner = self.lock.owner().partition(":")[0] or "unknown"
        message = (f"a kiosk is already running here (supervisor pid {owner}); not starting "
                   "another")
        log.error("%s", message)
        print(f"supervisor: {message}", flush=True)
        return False

    def run(self) -> int:
        if not self.take_lock():
            return exits.ALREADY_RUNNING
        try:
            return self._run()
        finally:
            self.lock.release()

    def _run(self) -> int:
        for name in ("SIGTERM", "SIGINT", "SIGBREAK"):  # SIGBREAK: Ctrl+Break on Windows
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), self._stop)
        while True:
            code = self._run_child_once()
            if self._stopping:
                return 0
            if code in exits.NO_RESTART:
                log.info("kiosk ended with %d; supervisor ends too", code)
                return code
            delay = self._count_crash(self.clock())
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

    def _end_orphan(self) -> None:
        """A kiosk still holding its lock was left by a supervisor that was killed (this one
        holds the supervisor lock): it ends by itself at its next tick; one that does not
        (frozen, or still loading) is ended, so that never two kiosks run."""
        kiosk_lock = instance.InstanceLock(instance.lock_path(instance.KIOSK_LOCK))
        try:
            if not kiosk_lock.taken():
                return
        except OSError:
            return  # no lock can be made here: nothing to wait for
        owner = kiosk_lock.owner()
        log.warning("a kiosk (%s) from an earlier supervisor still runs; waiting for it", owner)
        end = time.monotonic() + ORPHAN_WAIT
        while kiosk_lock.taken() and time.monotonic() < end:
            time.sleep(self.poll)
        if kiosk_lock.taken() and instance.kill(owner):
            log.error("the earlier kiosk (%s) did not end; killed it", owner)

    def _run_child_once(self) -> int | str:
        self.heartbeat.unlink(missing_ok=True)
        stop_request(self.heartbeat).unlink(missing_ok=True)
        self._end_orphan()
        command = [*child_command(self.args), "--no-supervisor", "--heartbeat",
                   str(self.heartbeat), "--supervisor", instance.identity()]
        self.pulse = Heartbeat(self.heartbeat, self.clock)
        self.child = subprocess.Popen(command)
        started = self._started = self.clock()
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
                self._kill_child()
                return "frozen"
            time.sleep(self.poll)

    def _frozen(self, started: float) -> bool:
        """Started (on self.clock) at `started`: has the kiosk stopped beating?"""
        if not self.heartbeat.parent.is_dir():  # a temp cleaner took the folder: the kiosk
            self.heartbeat.parent.mkdir(parents=True, exist_ok=True)  # is not at fault; the
            self.heartbeat.touch()  # heartbeat is ours to make again
            log.warning("the heartbeat folder was removed; made it again")
            self.pulse = Heartbeat(self.heartbeat, self.clock)
            self.pulse.read()  # counts as a beat
            return False
        age = self.pulse.read()
        if age is None:
            return self.clock() - started > STARTUP_GRACE
        return age > self.heartbeat_timeout

    def _end_child(self) -> None:
        """Ask the kiosk to end as a staff exit does; kill it if it has not within the grace
        (exits.STOP_GRACE_SECONDS)."""
        if self.child and self.child.poll() is None:
            stop_request(self.heartbeat).touch()
            try:
                self.child.wait(exits.STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                log.error("kiosk pid %d did not stop; killing it", self.child.pid)
                self._kill_child()

    def _kill_child(self) -> None:
        """Kill the kiosk and whatever it started (on Windows a kill leaves children)."""
        assert self.child is not None
        try:
            family = psutil.Process(self.child.pid).children(recursive=True)
        except psutil.Error:
            family = []
        self.child.kill()
        for process in family:
            with contextlib.suppress(psutil.Error):
                process.kill()
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
