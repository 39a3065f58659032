"""Qt fixtures: the real QML window, offscreen, driven by real touch and mouse events."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEvent,
    QPoint,
    QPointF,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPointingDevice,
    QTextLayout,
    QTextOption,
    QWindow,
)
from PySide6.QtQml import QQmlEngine, QQmlExpression
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.ui.shell.session import Session
from kiosk.ui.shell.view import KioskView, create_view, find_item, scene_items
from tests.conftest import DATA


@pytest.fixture(scope="session")
def bundled() -> Exhibit:
    exhibit = load_folder(DATA).exhibit
    assert exhibit is not None
    return exhibit


MakeView = Callable[..., KioskView]


@pytest.fixture
def make_view(qapp: QGuiApplication, qtbot: object) -> Iterator[MakeView]:
    views: list[KioskView] = []

    def make(exhibit: Exhibit, size: tuple[int, int] = (1920, 1080), **state_args: object
             ) -> KioskView:
        session = Session(exhibit, reduced_motion=True, **state_args)  # type: ignore[arg-type]
        view = create_view(exhibit, size, session)
        view.window.show()
        QTest.qWaitForWindowExposed(view.window)
        views.append(view)
        settle()  # its first frame drawn: a visitor touches what is on the screen
        return view

    yield make
    for view in views:
        dispose(view)


def dispose(view: KioskView) -> None:
    """Close the window and destroy its engine now, before the next test builds one.

    Qt's pixmap cache is process-wide, but each engine decodes on its own reader thread. A new
    engine's Image of the same file and size shares the old engine's half-decoded entry; when
    the old engine is then deleted (a deleteLater, run by the next test's first wait), its queued
    decodes are dropped and the entry stays "loading" for ever: that photo never shows, and the
    next Image of it warns "QQuickPixmap: connectFinished() called when not loading"."""
    destroyed: list[bool] = []
    view.engine.destroyed.connect(lambda: destroyed.append(True))
    view.window.close()
    view.engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert destroyed, "the QML engine outlived its test"


@pytest.fixture(autouse=True)
def views_go_with_their_test() -> Iterator[None]:
    """A view a test built by itself is destroyed when that test ends, not by the garbage
    collector in a later one (for the same reason as dispose)."""
    yield
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def touchscreen() -> QPointingDevice:
    return QTest.createTouchDevice()


def all_items(view: KioskView) -> list[QQuickItem]:
    return scene_items(view.window)


def item(view: KioskView, name: str) -> QQuickItem:
    return find_item(view.window, name)


def centre(target: QQuickItem) -> QPoint:
    point = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
    return point.toPoint()


def still_moving(window: QQuickWindow) -> QQuickItem | None:
    """A Flickable still flicking or dragged on the window, or None. (Animations are not
    looked for: make_view's sessions have less motion, where they take no time; walking
    every QObject for them made PySide wrap objects QML deletes behind its back.)"""
    for node in scene_items(window):
        if node.inherits("QQuickFlickable") and node.property("moving") is True:
            return node
    return None


def until(condition: Callable[[], object], timeout_ms: int = 5000, what: str = "") -> None:
    """Wait until `condition()` holds, events running meanwhile (qtbot.waitUntil, for helpers
    that have no qtbot)."""
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        assert not deadline.hasExpired(), f"not so after {timeout_ms} ms: {what or condition}"
        QTest.qWait(5)


def settle(timeout_ms: int = 5000) -> None:
    """Wait until what a visitor sees has caught up: events delivered, a frame drawn (the
    polish pass lays out rows, columns and the strip), and nothing still moving, in every
    window shown. Fixed waits were either too short on a loaded machine or wasted time."""
    deadline = QDeadlineTimer(timeout_ms)
    for window in QGuiApplication.topLevelWindows():
        if not isinstance(window, QQuickWindow) or not window.isExposed():
            continue
        follow(window, deadline.remainingTime())
        while (moving := still_moving(window)) is not None:
            assert not deadline.hasExpired(), f"still moving after {timeout_ms} ms: {moving}"
            follow(window, max(1, deadline.remainingTime()))


def tap(window: QWindow, device: QPointingDevice, point: QPoint) -> None:
    # released at once: any wait here grows on a loaded machine until the tap is a long press
    QTest.touchEvent(window, device).press(0, point, window).commit()
    QTest.touchEvent(window, device).release(0, point, window).commit()
    settle()


def follow(window: QWindow, timeout_ms: int = 5000) -> None:
    """Wait until the window has drawn a frame. Qt Quick holds a touch move back until its next
    frame and merges the moves that arrive before it, so a gesture driven faster than a slow
    machine draws would lose its first steps (a pinch measured from a later start)."""
    assert isinstance(window, QQuickWindow)
    frames: list[bool] = []
    connection = window.frameSwapped.connect(lambda: frames.append(True))
    window.update()
    try:
        until(lambda: frames, timeout_ms, "a frame drawn")
    finally:
        window.disconnect(connection)


def swipe(window: QWindow, device: QPointingDevice, start: QPoint, end: QPoint,
          steps: int = 12) -> None:
    QTest.touchEvent(window, device).press(0, start, window).commit()
    for step in range(1, steps + 1):
        QTest.qWait(16)  # a duration on purpose: the finger's speed (a flick's velocity)
        point = start + (end - start) * (step / steps)
        QTest.touchEvent(window, device).move(0, point, window).commit()
        follow(window)
    QTest.qWait(16)  # the finger's speed up to the release, as above
    QTest.touchEvent(window, device).release(0, end, window).commit()
    settle()


def pinch(window: QWindow, device: QPointingDevice, centre_point: QPoint, start_gap: int,
          end_gap: int, steps: int = 12) -> None:
    def points(gap: float) -> tuple[QPoint, QPoint]:
        half = round(gap / 2)
        return centre_point - QPoint(half, 0), centre_point + QPoint(half, 0)

    a, b = points(start_gap)
    QTest.touchEvent(window, device).press(0, a, window).press(1, b, window).commit()
    for step in range(1, steps + 1):
        QTest.qWait(16)  # a duration on purpose: the fingers' speed, as in swipe()
        a, b = points(start_gap + (end_gap - start_gap) * step / steps)
        QTest.touchEvent(window, device).move(0, a, window).move(1, b, window).commit()
        follow(window)
    QTest.qWait(16)  # the fingers' speed up to the release
    QTest.touchEvent(window, device).release(0, a, window).release(1, b, window).commit()
    settle()


def click(window: QWindow, point: QPoint) -> None:
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    settle()


def is_shown(target: QQuickItem) -> bool:
    node: QQuickItem | None = target
    while node is not None:
        if not node.isVisible() or node.opacity() == 0:
            return False
        node = node.parentItem()
    return True


def wrapped_lines(text: QQuickItem) -> list[str]:
    """The lines a QML Text shows: where a long text breaks."""
    # PySide cannot convert QQuickText's WrapMode enum itself: ask QML for the number
    mode, _ = QQmlExpression(QQmlEngine.contextForObject(text), text, "wrapMode").evaluate()
    return layout_lines(text.property("text"), text.property("font"), text.width(), int(mode))


def layout_lines(text: str, font: QFont, width: float, wrap_mode: int = 4) -> list[str]:
    """`text` laid out as Qt lays out a QML Text (its wrapMode values are QTextOption's;
    4 is Text.Wrap)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode(wrap_mode))
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def content_path() -> Path:
    return DATA


TWO_PHOTOS = """\
format: 1
languages: [en, zh]
title: Photos
events:
  - {id: before, date: 1989, title: Before}
  - id: photos
    date: 1990
    title: {en: Two photos, zh: 两张照片}
    media:
      - {image: media/a.jpg, caption: {en: First, zh: 第一}, credit: Ann}
      - {image: media/b.jpg, caption: {en: Second, zh: 第二}, credit: Bo}
  - {id: after, date: 1991, title: After}
"""


@pytest.fixture
def two_photos(make_folder: Callable[..., Path]) -> Exhibit:
    """Three events; the middle one (index 1) has two photos."""
    root = make_folder(TWO_PHOTOS, images=("media/a.jpg", "media/b.jpg"))
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    return exhibit
