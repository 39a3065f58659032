"""The welcome screen looks alive but costs nothing between its picture changes: a
cross-fade at the renderer's frame rate, then a still screen that draws no frames."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.core.model import Exhibit
from kiosk.ui.shell.session import Session
from kiosk.ui.shell.view import KioskView, create_view, find_item


@pytest.fixture
def welcome(qapp: QGuiApplication, bundled: Exhibit, request: pytest.FixtureRequest
            ) -> Iterator[KioskView]:
    reduced = getattr(request, "param", False)
    session = Session(bundled, reduced_motion=reduced, fade_fps=25)
    view = create_view(bundled, (960, 540), session)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    yield view
    view.window.close()
    view.engine.deleteLater()


def frames_during(view: KioskView, seconds: float) -> int:
    count = [0]
    view.window.frameSwapped.connect(lambda: count.__setitem__(0, count[0] + 1))
    QTest.qWait(round(seconds * 1000))
    return count[0]


def front_picture_opacity(view: KioskView) -> float:
    front = view.window.findChild(object, "welcome").property("front")
    return float(find_item(view.window, f"welcomeImage{front}").property("opacity"))


def test_a_new_picture_fades_in_then_the_screen_stands_still(welcome: KioskView) -> None:
    QTest.qWait(2500)  # the first picture has faded in
    welcome.session.attract.advance()
    seen: list[float] = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and (not seen or seen[-1] < 1):
        QTest.qWait(40)
        seen.append(front_picture_opacity(welcome))
    assert seen[-1] == 1
    assert any(0.1 < value < 0.9 for value in seen), "a cross-fade, not a cut"
    QTest.qWait(200)
    assert frames_during(welcome, 1.5) == 0, "a still welcome screen draws no frames"


def test_the_fade_draws_about_its_frame_rate(welcome: KioskView) -> None:
    QTest.qWait(2500)
    fade_seconds = float(welcome.window.findChild(object, "welcome").property("fadeMs")) / 1000
    welcome.session.attract.advance()
    frames = frames_during(welcome, fade_seconds + 0.8)
    assert 0.5 * 25 * fade_seconds <= frames <= 1.5 * 25 * fade_seconds + 3


@pytest.mark.parametrize("welcome", [True], indirect=True)
def test_less_motion_changes_pictures_without_a_fade(welcome: KioskView) -> None:
    QTest.qWait(1000)
    welcome.session.attract.advance()
    QTest.qWait(400)  # decoding the next picture
    assert front_picture_opacity(welcome) == 1
    assert frames_during(welcome, 1.0) == 0
