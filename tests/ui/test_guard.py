"""No Python exception escapes into Qt: an event filter, a slot, a timer or a signal handler
that raises is logged with its traceback and the kiosk carries on (unguarded, the exception
reaches sys.excepthook, which ends the kiosk: kiosk.services.logs)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QPointingDevice

from kiosk.core.model import Exhibit
from kiosk.services.guard import guarded
from kiosk.ui.shared.navigation import Navigation
from tests.conftest import ROOT
from tests.ui.conftest import MakeView, tap

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class Filter(QObject):
    def __init__(self, guard: bool) -> None:
        super().__init__()
        self.seen = 0
        if guard:
            self.eventFilter = guarded("Filter.eventFilter", False)(self.eventFilter)  # type: ignore[method-assign]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.User:
            self.seen += 1
            raise ValueError("a bug in an event filter")
        return False


class Emitter(QObject):
    fired = Signal()


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    @Slot()
    @guarded("Receiver.on_fired", None)
    def on_fired(self) -> None:
        self.calls += 1
        raise KeyError("a bug in a slot")


def each_kind(guard: bool, qtbot: object) -> dict[str, int]:
    """Raise once in an event filter, a slot and a timer; how often each ran."""
    wait = qtbot.waitUntil  # type: ignore[attr-defined]
    ran = {"timer": 0}
    target = QObject()
    watcher = Filter(guard)
    target.installEventFilter(watcher)
    QCoreApplication.postEvent(target, QEvent(QEvent.Type.User))
    wait(lambda: watcher.seen == 1)
    emitter, receiver = Emitter(), Receiver()
    if guard:
        emitter.fired.connect(receiver.on_fired)
    else:
        emitter.fired.connect(receiver.on_fired.__wrapped__.__get__(receiver))  # type: ignore[attr-defined]
    QTimer.singleShot(0, emitter.fired.emit)
    wait(lambda: receiver.calls == 1)

    def tick() -> None:
        ran["timer"] += 1
        raise ZeroDivisionError("a bug in a timer")

    QTimer.singleShot(0, guarded("tick", None)(tick) if guard else tick)
    wait(lambda: ran["timer"] == 1)
    return {"filter": watcher.seen, "slot": receiver.calls, **ran}


@pytest.mark.guard_logs
def test_a_guarded_callback_is_logged_and_the_kiosk_carries_on(
        qapp: QGuiApplication, qtbot: object, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="kiosk.guard"):
        assert each_kind(True, qtbot) == {"filter": 1, "slot": 1, "timer": 1}
    logged = [r for r in caplog.records if r.name == "kiosk.guard"]
    assert [r.getMessage() for r in logged] == [
        "Filter.eventFilter failed; the kiosk carries on",
        "Receiver.on_fired failed; the kiosk carries on",
        "tick failed; the kiosk carries on"]
    assert [type(r.exc_info[1]).__name__ for r in logged if r.exc_info] == [
        "ValueError", "KeyError", "ZeroDivisionError"]  # with the traceback


@pytest.mark.qt_no_exception_capture
def test_unguarded_each_would_have_reached_the_excepthook(
        qapp: QGuiApplication, qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The control: the same callbacks without the guard reach sys.excepthook (which in the
    kiosk logs "unhandled exception" and ends the program)."""
    reached: list[str] = []
    hook: Hook = lambda kind, value, tb: reached.append(kind.__name__)  # noqa: E731
    monkeypatch.setattr(sys, "excepthook", hook)
    each_kind(False, qtbot)
    assert reached == ["ValueError", "KeyError", "ZeroDivisionError"]


@pytest.mark.guard_logs
def test_a_bug_under_a_tap_leaves_the_kiosk_running(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice,
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """The kiosk's own event filter and a slot QML calls, raising under a visitor's tap:
    logged, the kiosk still there, and the next tap works."""
    view = make_view(bundled)
    nav = view.session.navigation

    def broken(*args: object) -> bool:
        raise RuntimeError("a bug under a tap")

    monkeypatch.setattr(view.guard, "_in_corner", broken)
    monkeypatch.setattr(nav, "_set_screen", broken)
    with caplog.at_level(logging.ERROR, logger="kiosk.guard"):
        tap(view.window, touchscreen, QPoint(600, 600))
    assert "InputGuard.eventFilter failed; the kiosk carries on" in caplog.text
    assert "Navigation.openEvent failed; the kiosk carries on" in caplog.text
    assert nav.screen == Navigation.Screen.Welcome
    monkeypatch.undo()
    tap(view.window, touchscreen, QPoint(600, 600))
    assert nav.screen == Navigation.Screen.Event


def test_an_unexpected_guarded_exception_fails_its_test(tmp_path: Path) -> None:
    """The guard hides nothing from the tests: tests/conftest.py fails a test whose Qt
    callback raised, though the kiosk would carry on."""
    (tmp_path / "conftest.py").write_text(
        "from tests.conftest import no_guarded_exception  # noqa: F401\n", encoding="utf-8")
    (tmp_path / "test_it.py").write_text(
        "from kiosk.services.guard import guarded\n\n\ndef test_it():\n"
        "    guarded('a slot', None)(lambda: 1 / 0)()\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-p", "no:randomly", str(tmp_path / "test_it.py")], cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                         text=True, encoding="utf-8", timeout=120, check=False)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "a Qt callback raised: a slot failed" in run.stdout
    assert "ZeroDivisionError" in run.stdout
