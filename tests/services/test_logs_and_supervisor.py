"""Crashes are logged, never shown; restarts slow down when the kiosk keeps crashing."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

from kiosk.services import exits, logs
from kiosk.services import supervisor as supervisor_module
from kiosk.services.instance import alive, identity
from kiosk.services.supervisor import (
    FOLDER_PREFIX,
    HEALTHY_RUN,
    MAX_BACKOFF,
    STARTUP_GRACE,
    Supervisor,
    backoff,
    beat,
    child_command,
    remove_stale_folders,
)


def test_unhandled_exception_goes_to_the_log(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """...and the kiosk ends (for the supervisor to start a fresh one): the application is
    asked to exit with CRASHED (asked of a stand-in here, so that the test process's own
    application goes on running later tests' event loops)."""
    from PySide6.QtCore import QCoreApplication

    asked: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", staticmethod(lambda code=0: asked.append(code)))
    previous, previous_threads = sys.excepthook, threading.excepthook
    root = logging.getLogger()
    level = root.level
    try:
        log_file = logs.setup_logging("info", tmp_path)
        try:
            raise ValueError("a bug")
        except ValueError:
            sys.excepthook(*sys.exc_info())  # what Python does with an uncaught exception
        for handler in root.handlers:
            handler.flush()
        text = log_file.read_text(encoding="utf-8")
        assert "CRITICAL kiosk: unhandled exception" in text
        assert "ValueError: a bug" in text and "Traceback" in text
        assert "Traceback" not in capsys.readouterr().err  # nothing on screen
        assert any("ValueError: a bug" in line for line in logs.recent_lines(30))
        assert asked == [exits.CRASHED]
    finally:  # the test process's own hooks again: later tests' failures must be seen
        sys.excepthook, threading.excepthook = previous, previous_threads
        logging.captureWarnings(False)
        for handler in list(root.handlers):
            if handler.get_name() == "kiosk":
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def test_restart_delays_grow_when_crashes_repeat() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [0.5, 0.5, 0.5]  # a crash: back within 3 s
    assert backoff(4) < backoff(5) < backoff(6)
    assert backoff(50) == backoff(10**9) == MAX_BACKOFF <= 5  # never long on a black screen


def test_a_healthy_run_starts_the_crash_count_again(tmp_path: Path) -> None:
    supervisor = Supervisor(["run"])
    try:
        supervisor._started = 0.0
        delays = [supervisor._count_crash(now) for now in (1.0, 2.0, 3.0, 4.0, 5.0)]
        assert delays[-1] > 0.5  # five quick crashes: slower
        supervisor._started = 10.0
        assert supervisor._count_crash(10.0 + HEALTHY_RUN + 1) == 0.5  # ran a healthy while
    finally:
        supervisor.remove_folder()


def test_a_stop_during_the_pause_ends_at_once_and_starts_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[float] = []
    monkeypatch.setattr(supervisor_module, "child_command", lambda args: started.append(
        time.monotonic()) or [sys.executable, "-c", "raise SystemExit(3)"])
    supervisor = Supervisor(["run"], poll=0.05)
    monkeypatch.setattr(supervisor, "_count_crash", lambda now: MAX_BACKOFF)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    stopper = threading.Timer(1.0, supervisor._stop, args=(signal.SIGTERM, None))
    try:
        stopper.start()
        begun = time.monotonic()
        assert supervisor.run() == 0
        assert time.monotonic() - begun < 1.0 + MAX_BACKOFF / 2
        assert len(started) == 1  # no kiosk started after the stop
    finally:
        stopper.cancel()
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        supervisor.remove_folder()
    assert not supervisor.folder.exists()


def test_the_heartbeat_folder_is_made_again_when_removed() -> None:
    now = [5000.0]
    supervisor = Supervisor(["run"], clock=lambda: now[0])
    try:
        shutil.rmtree(supervisor.folder)
        assert not supervisor._frozen(started=now[0] - 1000)  # not the kiosk's fault
        assert supervisor.heartbeat.exists()
        now[0] += 0.05  # a moment later: the remade heartbeat counts as a beat, still fresh
        assert not supervisor._frozen(started=now[0] - 1000)
    finally:
        supervisor.remove_folder()


def test_folders_of_killed_supervisors_are_removed(tmp_path: Path) -> None:
    old = tmp_path / f"{FOLDER_PREFIX}old"
    old.mkdir()
    (old / "heartbeat").touch()
    long_ago = time.time() - 2 * 24 * 3600
    os.utime(old / "heartbeat", (long_ago, long_ago))
    os.utime(old, (long_ago, long_ago))
    recent = tmp_path / f"{FOLDER_PREFIX}recent"
    recent.mkdir()
    other = tmp_path / "kiosk-something-else"
    other.mkdir()
    os.utime(other, (long_ago, long_ago))
    remove_stale_folders(tmp_path)
    assert not old.exists() and recent.exists() and other.exists()


def test_logging_falls_back_when_the_log_folder_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = logging.getLogger()
    level = root.level
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    try:
        monkeypatch.setattr(logs, "fallback_log_dir", lambda: tmp_path / "fallback")
        assert logs.setup_logging("info", not_a_folder / "log") == tmp_path / "fallback" / \
            "kiosk.log"
        monkeypatch.setattr(logs, "fallback_log_dir", lambda: not_a_folder / "again")
        assert logs.setup_logging("info", not_a_folder / "log") is None  # memory only
        logging.getLogger("kiosk.test").warning("still heard")
        assert any("still heard" in line for line in logs.recent_lines(5))
        assert any(f"cannot log to {not_a_folder / 'log'}" in line
                   for line in logs.recent_lines(5))
    finally:
        for handler in list(root.handlers):
            if handler.get_name() == "kiosk":
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def test_child_command_restarts_the_same_program() -> None:
    assert child_command(["run", "--windowed"])[-3:] == ["kiosk", "run", "--windowed"]


class FakeMonotonic:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.mark.parametrize("step", [+3600.0, -3600.0, +400 * 86400.0, -7.0, +7.0])
def test_a_wall_clock_step_never_makes_a_healthy_kiosk_look_frozen(
        monkeypatch: pytest.MonkeyPatch, step: float) -> None:
    clock = FakeMonotonic()
    supervisor = Supervisor(["run"], heartbeat_timeout=6.0, clock=clock)
    real_time = time.time
    try:
        started = clock()
        for count in range(1, 20):  # the kiosk beats every second...
            beat(supervisor.heartbeat, count)
            if count == 5:  # ...and NTP (or staff) steps the wall clock
                monkeypatch.setattr(time, "time", lambda: real_time() + step)
                stamp = real_time() - step  # file times can be anything after a step
                os.utime(supervisor.heartbeat, (stamp, stamp))
            clock.t += 1.0
            assert not supervisor._frozen(started), f"killed after {count} beats"
        clock.t += 5.0  # silent, but within the timeout
        assert not supervisor._frozen(started)
        clock.t += 2.0  # silent for longer than the timeout: frozen, whatever the wall says
        assert supervisor._frozen(started)
    finally:
        supervisor.remove_folder()


def test_a_kiosk_that_never_beats_is_frozen_after_the_start_grace() -> None:
    clock = FakeMonotonic()
    supervisor = Supervisor(["run"], clock=clock)
    try:
        started = clock()
        clock.t += STARTUP_GRACE - 1
        assert not supervisor._frozen(started)
        clock.t += 2
        assert supervisor._frozen(started)
    finally:
        supervisor.remove_folder()


def test_a_second_supervisor_starts_no_kiosk(monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    started: list[list[str]] = []
    monkeypatch.setattr(supervisor_module.subprocess, "Popen",
                        lambda command: started.append(command))
    first, second = Supervisor(["run"]), Supervisor(["run"])
    try:
        assert first.take_lock()
        assert second.run() == exits.ALREADY_RUNNING
        assert started == []
        assert (f"a kiosk is already running here (supervisor pid {os.getpid()}); not "
                "starting another") in capsys.readouterr().out
    finally:
        first.lock.release()
        first.remove_folder()
        second.remove_folder()


def test_the_kiosk_is_told_who_its_supervisor_is(monkeypatch: pytest.MonkeyPatch) -> None:
    commands: list[list[str]] = []

    class Child:
        pid = 1

        def __init__(self, command: list[str]) -> None:
            commands.append(command)

        def poll(self) -> int:
            return 0

    monkeypatch.setattr(supervisor_module.subprocess, "Popen", Child)
    supervisor = Supervisor(["run"])
    try:
        assert supervisor._run_child_once() == 0
        given = commands[0][commands[0].index("--supervisor") + 1]
        assert given == identity() and alive(given)
    finally:
        supervisor.remove_folder()
