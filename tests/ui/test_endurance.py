"""Running for days: nothing the kiosk does again and again may leak or corrupt references."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

from kiosk.core.model import Exhibit
from kiosk.ui.shell.session import Session


def test_signals_keep_python_singletons_intact(qapp: QGuiApplication, bundled: Exhibit) -> None:
    """PySide6 6.12.0 on Python 3.11 released True/False/None once per emitted signal: the
    process aborted after a few hours of a kiosk's timers and navigation."""
    session = Session(bundled)
    before = [sys.getrefcount(value) for value in (None, True, False)]
    for step in range(20_000):
        session.navigation.openEvent(step % len(bundled.events))
        session.idle.touch()
        session.attract.advance()
    after = [sys.getrefcount(value) for value in (None, True, False)]
    assert all(abs(a - b) < 200 for a, b in zip(after, before, strict=True)), (before, after)
