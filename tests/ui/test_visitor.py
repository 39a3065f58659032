"""A visitor's touches on the real QML: taps, swipes, pinches, language, idle."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QPointingDevice, QWheelEvent
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content import load_folder
from kiosk.content.model import Exhibit
from kiosk.ui.navigation import Navigation
from tests.conftest import MakeFolder
from tests.ui.conftest import (
    MakeView,
    all_items,
    centre,
    click,
    is_shown,
    item,
    pinch,
    settle,
    swipe,
    tap,
)


def test_touch_on_welcome_opens_the_event_it_shows(make_view: MakeView, bundled: Exhibit,
                                                    touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    assert view.session.navigation.screen == Navigation.Screen.Welcome
    shown = view.session.attract.index
    tap(view.window, touchscreen, QPoint(600, 600))
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert view.session.navigation.index == shown


def test_tap_a_marker_opens_its_event(make_view: MakeView, bundled: Exhibit,
                                      touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle(300)
    tap(view.window, touchscreen, centre(item(view, "marker-2")))
    assert view.session.navigation.index == 2
    assert item(view, "eventTitle").property("text") == bundled.events[2].title.get("en")


def test_events_on_the_same_year_stay_apart(make_view: MakeView, bundled: Exhibit) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle()
    xs = [centre(item(view, f"marker-{i}")).x() for i in range(len(bundled.events))]
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    assert min(gaps) >= 64  # every marker keeps its own 64 px hit area


def test_swipe_moves_to_the_next_event_and_stops_at_the_ends(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle()
    content = item(view, "textPanel")
    mid = centre(content)
    swipe(view.window, touchscreen, mid, mid - QPoint(600, 0))
    assert view.session.navigation.index == 1
    swipe(view.window, touchscreen, mid, mid + QPoint(600, 0))
    assert view.session.navigation.index == 0
    swipe(view.window, touchscreen, mid, mid + QPoint(600, 0))  # before the first: stays
    assert view.session.navigation.index == 0
    last = len(bundled.events) - 1
    view.session.navigation.openEvent(last)
    settle()
    swipe(view.window, touchscreen, mid, mid - QPoint(600, 0))  # after the last: stays
    assert view.session.navigation.index == last
    assert abs(item(view, "eventContent").childItems()[0].x()) < 1  # nothing left half-moved


def test_short_drag_is_not_a_swipe(make_view: MakeView, bundled: Exhibit,
                                   touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(3)
    settle()
    mid = centre(item(view, "textPanel"))
    swipe(view.window, touchscreen, mid, mid - QPoint(60, 0))
    assert view.session.navigation.index == 3


def test_next_and_previous_buttons(make_view: MakeView, bundled: Exhibit,
                                   touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle()
    tap(view.window, touchscreen, centre(item(view, "nextButton")))
    tap(view.window, touchscreen, centre(item(view, "nextButton")))
    assert view.session.navigation.index == 2
    tap(view.window, touchscreen, centre(item(view, "previousButton")))
    assert view.session.navigation.index == 1


def test_tap_photo_opens_viewer_pinch_zooms_and_tap_closes(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle(300)
    tap(view.window, touchscreen, centre(item(view, "eventPhoto")))
    assert view.session.navigation.screen == Navigation.Screen.Photo
    frame = item(view, "photoFrame")
    assert frame.scale() == 1
    pinch(view.window, touchscreen, QPoint(960, 540), 200, 700)
    assert 2.5 < frame.scale() <= 4
    pinch(view.window, touchscreen, QPoint(960, 540), 200, 1800)
    assert frame.scale() <= 4  # never beyond 4x
    tap(view.window, touchscreen, QPoint(960, 540))
    assert view.session.navigation.screen == Navigation.Screen.Event
    view.session.navigation.openPhoto(0)
    settle()
    assert frame.scale() == 1  # reopened without zoom


def test_close_button_returns_from_viewer(make_view: MakeView, bundled: Exhibit,
                                          touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(1)
    view.session.navigation.openPhoto(0)
    settle()
    tap(view.window, touchscreen, centre(item(view, "closePhotoButton")))
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert view.session.navigation.index == 1


def test_mouse_works_like_a_finger(make_view: MakeView, bundled: Exhibit) -> None:
    view = make_view(bundled)
    click(view.window, QPoint(500, 500))
    assert view.session.navigation.screen == Navigation.Screen.Event
    view.session.navigation.openEvent(0)
    settle()
    click(view.window, centre(item(view, "nextButton")))
    assert view.session.navigation.index == 1
    click(view.window, centre(item(view, "eventPhoto")))
    assert view.session.navigation.screen == Navigation.Screen.Photo
    frame = item(view, "photoFrame")
    for _ in range(3):
        event = QWheelEvent(QPointF(960, 540), QPointF(960, 540), QPoint(0, 0), QPoint(0, 120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        QGuiApplication.sendEvent(view.window, event)
        QTest.qWait(10)
    settle()
    assert frame.scale() > 1.5  # the wheel zooms


def test_language_switch_keeps_event_and_photo(make_view: MakeView, bundled: Exhibit,
                                               touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(4)
    settle()
    tap(view.window, touchscreen, centre(item(view, "language-zh")))
    assert view.session.language.code == "zh"
    assert view.session.navigation.index == 4
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert item(view, "eventTitle").property("text") == bundled.events[4].title.get("zh")
    assert item(view, "caption").property("text") == bundled.events[4].media[0].caption.get("zh")
    tap(view.window, touchscreen, centre(item(view, "language-en")))
    assert item(view, "eventTitle").property("text") == bundled.events[4].title.get("en")


def test_idle_countdown_returns_to_welcome(make_view: MakeView, bundled: Exhibit,
                                           qtbot: QtBot) -> None:
    view = make_view(bundled, idle_timeout_ms=300, countdown_seconds=20, tick_ms=20)
    view.session.navigation.openEvent(5)
    view.session.language.setLanguage("zh")
    view.session.display.toggleLargeText()
    qtbot.waitUntil(lambda: view.session.idle.active, timeout=2000)
    assert item(view, "idleOverlay").isVisible()
    assert view.session.idle.remaining >= 1
    qtbot.waitUntil(lambda: view.session.navigation.screen == Navigation.Screen.Welcome, timeout=3000)
    assert view.session.language.code == "en"
    assert view.session.navigation.index == 0
    assert not view.session.display.largeText
    assert not view.session.idle.active


def test_a_touch_cancels_the_countdown(make_view: MakeView, bundled: Exhibit,
                                       touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    view = make_view(bundled, idle_timeout_ms=200, countdown_seconds=20, tick_ms=100)
    view.session.navigation.openEvent(5)
    qtbot.waitUntil(lambda: view.session.idle.active, timeout=2000)
    tap(view.window, touchscreen, QPoint(100, 900))
    assert not view.session.idle.active
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert view.session.navigation.index == 5


@pytest.mark.parametrize("target", ["continueButton", "eventPhoto"])
def test_answering_the_countdown_does_nothing_else(make_view: MakeView, bundled: Exhibit,
                                                   touchscreen: QPointingDevice, qtbot: QtBot,
                                                   target: str) -> None:
    """The touch that answers "Still there?" ends with the question: its release must not land
    on the photo under the card and open the viewer (or press anything else)."""
    view = make_view(bundled, idle_timeout_ms=200, countdown_seconds=20, tick_ms=100)
    view.session.navigation.openEvent(5)
    qtbot.waitUntil(lambda: view.session.idle.active, timeout=2000)
    tap(view.window, touchscreen, centre(item(view, target)))
    settle(50)  # shorter than the idle time, which starts again with the answer
    assert not view.session.idle.active
    assert view.session.navigation.screen == Navigation.Screen.Event
    # the next touch is an ordinary one again
    tap(view.window, touchscreen, centre(item(view, "eventPhoto")))
    qtbot.waitUntil(lambda: view.session.navigation.screen == Navigation.Screen.Photo,
                    timeout=2000)


def test_countdown_gives_at_least_twenty_seconds(bundled: Exhibit, qapp: object) -> None:
    from kiosk.ui.session import Session

    session = Session(bundled)
    session.navigation.openEvent(1)
    session.idle.startCountdown()
    assert session.idle.remaining >= 20
    assert session.idle.total >= 20


def test_display_options(make_view: MakeView, bundled: Exhibit,
                         touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle()
    body = item(view, "eventBody")
    normal = body.property("font").pixelSize()
    tap(view.window, touchscreen, centre(item(view, "optionsButton")))
    assert item(view, "optionsPanel").isVisible()
    tap(view.window, touchscreen, centre(item(view, "largeTextButton")))
    tap(view.window, touchscreen, centre(item(view, "highContrastButton")))
    assert view.session.display.largeText and view.session.display.highContrast
    assert body.property("font").pixelSize() >= 1.5 * normal
    assert view.window.property("color").name() == "#000000"
    tap(view.window, touchscreen, QPoint(200, 700))  # outside the card: closes
    assert not item(view, "optionsPanel").isVisible()


def test_press_and_hold_and_two_finger_taps_do_nothing(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(2)
    settle()
    point = centre(item(view, "textPanel"))
    window = view.window
    QTest.touchEvent(window, touchscreen).press(0, point, window).commit()
    QTest.qWait(1500)
    QTest.touchEvent(window, touchscreen).release(0, point, window).commit()
    settle()
    other = point + QPoint(80, 0)
    QTest.touchEvent(window, touchscreen).press(0, point, window).press(1, other, window).commit()
    QTest.qWait(50)
    QTest.touchEvent(window, touchscreen).release(0, point, window).release(
        1, other, window).commit()
    settle(300)
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert view.session.navigation.index == 2
    assert abs(item(view, "eventContent").childItems()[0].x()) < 1


def test_welcome_caption_follows_the_language(make_view: MakeView, bundled: Exhibit,
                                              touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    shown = bundled.events[view.session.attract.index]
    caption = item(view, "attractCaption")
    assert shown.title.get("en") in caption.property("text")
    tap(view.window, touchscreen, centre(next(
        i for i in all_items(view) if i.objectName() == "language-zh" and is_shown(i))))
    assert view.session.language.code == "zh"
    assert view.session.navigation.screen == Navigation.Screen.Welcome  # the visitor sees it all in Chinese, then begins
    assert shown.title.get("zh") in caption.property("text")
    assert item(view, "welcomeTitle").property("text") == bundled.title.get("zh")


SCROLLING = """\
format: 1
title: Scrolling
events:
  - id: long
    date: 1990
    title: Long
    body: |
      {body}
    media:
      - {{image: media/a.jpg, alt: A, caption: First}}
      - {{image: media/b.jpg, alt: B, caption: Second}}
  - {{id: next, date: 1991, title: Next, body: "{body}"}}
"""


def test_text_keeps_its_scroll_position_when_the_photo_changes(
        make_view: MakeView, make_folder: MakeFolder, touchscreen: QPointingDevice,
        qtbot: QtBot) -> None:
    root = make_folder(SCROLLING.format(body="A paragraph that keeps going on. " * 120),
                       images=("media/a.jpg", "media/b.jpg"))
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    view = make_view(exhibit)
    view.session.navigation.openEvent(0)
    settle(300)
    flick = item(view, "textFlick")
    start = centre(flick) + QPoint(0, 200)
    swipe(view.window, touchscreen, start, start - QPoint(0, 500))  # the visitor reads on
    qtbot.waitUntil(lambda: not flick.property("moving"), timeout=5000)
    scrolled = flick.property("contentY")
    assert scrolled > 100
    dots = sorted((i for i in all_items(view) if i.objectName() == "photoDot"),
                  key=lambda dot: centre(dot).x())
    assert len(dots) == 2
    tap(view.window, touchscreen, centre(dots[1]))
    assert view.session.navigation.photoIndex == 1
    assert item(view, "caption").property("text") == "Second"
    assert flick.property("contentY") == scrolled  # the text stayed where the visitor was
    tap(view.window, touchscreen, centre(item(view, "nextButton")))
    assert view.session.navigation.index == 1
    assert flick.property("contentY") == 0  # another event starts at the top


def test_a_reload_with_fewer_events_shows_the_first(
        make_view: MakeView, make_folder: MakeFolder, two_photos: Exhibit) -> None:
    smaller = load_folder(make_folder(
        "format: 1\ntitle: Small\nevents:\n  - {id: only, date: 2000, title: Only}\n",
        name="smaller")).exhibit
    assert smaller is not None
    view = make_view(two_photos)
    view.session.navigation.openEvent(1)
    view.session.navigation.showPhoto(1)
    settle(200)
    view.session.set_exhibit(smaller)  # what a staff reload or --watch does
    settle(200)
    assert view.session.navigation.index == 0
    assert item(view, "eventTitle").property("text") == "Only"
    assert item(view, "homeTitle").property("text").endswith("Small")
