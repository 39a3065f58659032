"""The welcome screen's first frame waits for nothing it does not show: the event screen
(its text, photos and timeline strip) is built just after it, before any touch."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow
from pytestqt.qtbot import QtBot

from kiosk.core.model import Exhibit
from kiosk.ui.shell.session import Session
from kiosk.ui.shell.view import create_view, find_item, scene_items
from tests.ui.conftest import dispose


def names(window: QQuickWindow) -> set[str]:
    return {node.objectName() for node in scene_items(window)}


def test_event_screen_comes_after_the_first_frame(qapp: QGuiApplication, qtbot: QtBot,
                                                   bundled: Exhibit) -> None:
    session = Session(bundled, reduced_motion=True)
    view = create_view(bundled, (960, 540), session)
    try:
        first: list[set[str]] = []
        view.window.frameSwapped.connect(
            lambda: None if first else first.append(names(view.window)))
        assert "nextButton" not in names(view.window)
        view.window.show()
        qtbot.waitUntil(lambda: bool(first), timeout=10_000)
        assert "welcome" in first[0]
        assert "nextButton" not in first[0]  # the first frame did not wait for it
        # ... and it is there without anybody touching the screen
        qtbot.waitUntil(lambda: "nextButton" in names(view.window), timeout=10_000)
        session.navigation.openEvent(1)
        title = str(find_item(view.window, "eventTitle").property("text"))
        assert all(word in title for word in bundled.events[1].title.get("en").split()[:3])
    finally:
        dispose(view)


def test_an_event_asked_for_at_once_is_shown_at_once(qapp: QGuiApplication,
                                                      bundled: Exhibit) -> None:
    """A session that opens an event before any frame (a snapshot, a test) gets the event
    screen then, not a frame later."""
    session = Session(bundled, reduced_motion=True)
    view = create_view(bundled, (960, 540), session)
    try:
        session.navigation.openEvent(2)
        assert "nextButton" in names(view.window)
    finally:
        dispose(view)
