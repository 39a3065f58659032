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
from tests.ui.conftest import settle, until


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
    QTest.qWait(round(seconds * 1000))  # a duration on purpose: frames drawn in this time
    return count[0]


def front(view: KioskView) -> int:
    return int(view.window.findChild(object, "welcome").property("front"))


def front_picture_opacity(view: KioskView) -> float:
    return float(find_item(view.window, f"welcomeImage{front(view)}").property("opacity"))


def picture_shown(view: KioskView, before: int | None = None) -> None:
    """Wait until the front picture (a new one, when `before` is the old front) has come and
    faded in fully."""
    until(lambda: front(view) != before
          and find_item(view.window, f"welcomeImage{front(view)}").isVisible()
          and front_picture_opacity(view) == 1, what="the picture shown")


def test_a_new_picture_fades_in_then_the_screen_stands_still(welcome: KioskView) -> None:
    picture_shown(welcome)
    welcome.session.attract.advance()
    seen: list[float] = []
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and (not seen or seen[-1] < 1):
        QTest.qWait(40)  # a duration on purpose: samples along the fade
        seen.append(front_picture_opacity(welcome))
    assert seen[-1] == 1
    assert any(0.1 < value < 0.9 for value in seen), "a cross-fade, not a cut"
    settle()  # the fade's last frame drawn
    assert frames_during(welcome, 1.5) == 0, "a still welcome screen draws no frames"


def test_the_fade_draws_about_its_frame_rate(welcome: KioskView) -> None:
    picture_shown(welcome)
    fade_seconds = float(welcome.window.findChild(object, "welcome").property("fadeMs")) / 1000
    welcome.session.attract.advance()
    frames = frames_during(welcome, fade_seconds + 0.8)
    assert 0.5 * 25 * fade_seconds <= frames <= 1.5 * 25 * fade_seconds + 3


@pytest.mark.parametrize("welcome", [True], indirect=True)
def test_less_motion_changes_pictures_without_a_fade(welcome: KioskView) -> None:
    picture_shown(welcome)
    before = front(welcome)
    drawn: list[float] = []  # the front picture's opacity in each frame drawn
    welcome.window.frameSwapped.connect(lambda: drawn.append(front_picture_opacity(welcome)))
    welcome.session.attract.advance()
    picture_shown(welcome, before)  # once decoded, the next picture is there at once
    # the change's last frames drawn (the layer behind is let go a frame or two later)
    until(lambda: frames_during(welcome, 0.3) == 0, what="the screen standing still")
    assert drawn and set(drawn) <= {0.0, 1.0}, f"a fade: {drawn}"
    assert frames_during(welcome, 1.0) == 0
