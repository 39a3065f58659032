"""One kiosk per home: the lock, and knowing a process by more than its (reusable) pid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psutil

from kiosk.services.instance import InstanceLock, alive, find, identity, kill, running

HOLD = ("import sys, time; from pathlib import Path; "
        "from kiosk.services.instance import InstanceLock; "
        "lock = InstanceLock(Path(sys.argv[1])); print(lock.acquire(), flush=True); "
        "time.sleep(600)")


def test_a_second_holder_is_refused_and_told_who_holds_it(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "kiosk.lock"), InstanceLock(tmp_path / "kiosk.lock")
    assert first.acquire()
    try:
        assert not second.acquire() and second.taken()
        assert second.owner() == identity()
    finally:
        first.release()
    assert second.acquire()  # released: the next one gets it
    second.release()


def test_the_lock_of_a_killed_process_is_free_at_once(tmp_path: Path) -> None:
    path = tmp_path / "home" / "kiosk.lock"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE,
                              text=True, encoding="utf-8")
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        lock = InstanceLock(path)
        assert not lock.acquire()
        assert lock.owner().startswith(f"{holder.pid}:")
        holder.kill()  # as Task Manager or kill -9 would: no clean-up runs
        holder.wait(10)
        assert lock.acquire()  # the operating system let go of it; no stale lock
        lock.release()
    finally:
        holder.kill()
        holder.wait(10)
        if holder.stdout is not None:
            holder.stdout.close()


def test_a_process_is_known_by_pid_and_start_time(tmp_path: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    try:
        ident = identity(child.pid)
        assert alive(ident)
        pid, _, created = ident.partition(":")
        assert not alive(f"{pid}:{float(created) - 5.0!r}")  # the same pid, another process
        # Linux's start times move with the boot time it reads: a second is the same process
        assert alive(f"{pid}:{float(created) + 1.0!r}")
        process = find(ident)
        assert process is not None and running(process)
        assert not alive("not an identity") and not alive("")
        assert kill(ident)
        assert not running(process)  # a zombie until waited for: not running all the same
        child.wait(10)
        assert not alive(ident) and not running(process)
        assert not psutil.pid_exists(child.pid) or not alive(ident)
    finally:
        child.kill()
        child.wait(10)
