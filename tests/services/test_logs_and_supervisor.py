"""Crashes are logged, never shown; restarts slow down when the kiosk keeps crashing."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from kiosk.services import logs
from kiosk.services.supervisor import backoff, child_command


def test_unhandled_exception_goes_to_the_log(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    previous = sys.excepthook
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
        text = log_file.read_text()
        assert "CRITICAL kiosk: unhandled exception" in text
        assert "ValueError: a bug" in text and "Traceback" in text
        assert "Traceback" not in capsys.readouterr().err  # nothing on screen
        assert any("ValueError: a bug" in line for line in logs.recent_lines(30))
    finally:
        sys.excepthook = previous
        for handler in list(root.handlers):
            if handler.get_name() == "kiosk":
                root.removeHandler(handler)
                handler.close()
        root.setLevel(level)


def test_restart_delays_grow_when_crashes_repeat() -> None:
    assert [backoff(n) for n in (1, 2, 3)] == [0.5, 0.5, 0.5]  # a crash: back within 3 s
    assert backoff(4) < backoff(5) < backoff(6)
    assert backoff(50) == 60


def test_child_command_restarts_the_same_program() -> None:
    assert child_command(["run", "--windowed"])[-3:] == ["kiosk", "run", "--windowed"]
