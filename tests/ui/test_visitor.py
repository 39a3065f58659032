"""A visitor's touches on the real QML: taps, swipes, pinches, language, idle."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QPointingDevice, QWheelEvent
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.core.line_breaking import is_cjk_char
from kiosk.core.model import Exhibit
from kiosk.ui.shared.navigation import Navigation
from tests.ui.conftest import (
    MakeView,
    all_items,
    centre,
    click,
    follow,
    is_shown,
    item,
    pinch,
    settle,
    swipe,
    tap,
)


def as_written(text_item: QQuickItem) -> str:
    """A heading's text as written: the typesetter's line breaks and joiners taken out."""
    text = str(text_item.property("text")).replace("\u2060", "")
    lines = text.split("\n")
    joined = lines[0]
    for line in lines[1:]:  # Latin lines were broken at spaces; Chinese ones between characters
        joined += ("" if is_cjk_char(joined[-1]) or is_cjk_char(line[0]) else " ") + line
    return joined


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
    view.session.navigation.openEvent(2)
    settle()
    # its neighbour in 1997 (the two events of 1981 are one mark now, a group named after
    # the event shown: this test tapped "marker-1" from event 0 before)
    tap(view.window, touchscreen, centre(item(view, "marker-3")))
    assert view.session.navigation.index == 3
    assert as_written(item(view, "eventTitle")) == bundled.events[3].title.get("en")


def test_events_on_the_same_year_stay_apart(make_view: MakeView, bundled: Exhibit,
                                            touchscreen: QPointingDevice) -> None:
    """Around 2007-2009 every label stays on its own mark and clear of the others, at
    every zoom; a group zooms in on a tap. (Marks used to stand side by side, each label
    stepping aside; they now stack in rows, so their items may overlap where a label
    climbs over a later one: what is measured is what a visitor sees, the labels.)"""
    from tests.ui.timeline.test_timeline_strip import Strip

    view = make_view(bundled)
    dense = [i for i, e in enumerate(bundled.events) if 2007 <= e.date.year <= 2009]
    assert len(dense) >= 4  # two events of 2007, one each of 2008 and 2009
    view.session.navigation.openEvent(dense[0])
    settle()
    timeline = view.session.timeline

    def marks() -> list[QQuickItem]:
        return [i for i in all_items(view) if i.objectName().startswith("marker")]

    def assert_apart() -> None:
        follow(view.window)
        Strip(view).check(dense[0], timeline.zoom)
        assert all(m.width() >= 64 and m.height() >= 64 for m in marks())

    assert_apart()
    timeline.setZoom(timeline.minZoom)  # the whole span: groups
    settle()
    strip = Strip(view)
    group = next(i for i, m in strip.marks.items()
                 if i in strip.items and strip.shown(i)
                 and len({bundled.events[e].date for e in m["events"]}) > 1)
    zoom = timeline.zoom
    label = strip.label(group)
    tap(view.window, touchscreen, label.mapToScene(QPointF(10, label.height() / 2)).toPoint())
    settle()
    assert timeline.zoom > zoom  # a group of several dates zooms in on its events
    timeline.setZoom(timeline.maxZoom)
    view.session.navigation.openEvent(dense[1])
    view.session.navigation.openEvent(dense[0])  # the strip shows it again
    settle()
    assert_apart()
    names = {m.objectName() for m in marks()}
    own = [i for i in dense if sum(e.date == bundled.events[i].date
                                   for e in bundled.events) == 1]
    assert own and {f"marker-{i}" for i in own} <= names  # each its own, closest zoom


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
    settle()
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
        follow(view.window)
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
    assert as_written(item(view, "eventTitle")) == bundled.events[4].title.get("zh")
    assert item(view, "caption").property("text") == bundled.events[4].media[0].caption.get("zh")
    tap(view.window, touchscreen, centre(item(view, "language-en")))
    assert as_written(item(view, "eventTitle")) == bundled.events[4].title.get("en")


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
    # the idle time outlasts a tap even on a slow machine (under Wine a tap takes ~0.3 s)
    view = make_view(bundled, idle_timeout_ms=1500, countdown_seconds=20, tick_ms=100)
    view.session.navigation.openEvent(5)
    qtbot.waitUntil(lambda: view.session.idle.active, timeout=6000)
    point = QPoint(100, 900)
    QTest.touchEvent(view.window, touchscreen).press(0, point, view.window).commit()
    # The finger's first contact cancels it. Checked at once: the idle time starts again,
    # and a slow machine may reach it before a whole tap is done.
    assert not view.session.idle.active
    QTest.touchEvent(view.window, touchscreen).release(0, point, view.window).commit()
    settle()
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert view.session.navigation.index == 5


@pytest.mark.parametrize("target", ["continueButton", "eventPhoto"])
def test_answering_the_countdown_does_nothing_else(make_view: MakeView, bundled: Exhibit,
                                                   touchscreen: QPointingDevice, qtbot: QtBot,
                                                   target: str) -> None:
    """The touch that answers "Still there?" ends with the question: its release must not land
    on the photo under the card and open the viewer (or press anything else)."""
    # the idle time outlasts a tap even on a slow machine (under Wine a tap takes ~0.3 s)
    view = make_view(bundled, idle_timeout_ms=1500, countdown_seconds=20, tick_ms=100)
    view.session.navigation.openEvent(5)
    qtbot.waitUntil(lambda: view.session.idle.active, timeout=6000)
    tap(view.window, touchscreen, centre(item(view, target)))
    settle()  # shorter than the idle time, which starts again with the answer
    assert not view.session.idle.active
    assert view.session.navigation.screen == Navigation.Screen.Event
    # the next touch is an ordinary one again
    tap(view.window, touchscreen, centre(item(view, "eventPhoto")))
    qtbot.waitUntil(lambda: view.session.navigation.screen == Navigation.Screen.Photo,
                    timeout=2000)


def test_countdown_gives_at_least_twenty_seconds(bundled: Exhibit, qapp: object) -> None:
    from kiosk.ui.shell.session import Session

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


def test_a_slow_press_on_a_button_counts(make_view: MakeView, bundled: Exhibit,
                                        touchscreen: QPointingDevice, qtbot: QtBot) -> None:
    """A visitor who rests a finger on "next" for over a second before lifting it (Qt's
    long press is 0.8 s) still moves on: a button has no long press to swallow the tap."""
    view = make_view(bundled)
    view.session.navigation.openEvent(0)
    settle()
    point, window = centre(item(view, "nextButton")), view.window
    QTest.touchEvent(window, touchscreen).press(0, point, window).commit()
    QTest.qWait(1200)  # the duration is what is tested
    QTest.touchEvent(window, touchscreen).release(0, point, window).commit()
    qtbot.waitUntil(lambda: view.session.navigation.index == 1)


def test_press_and_hold_and_two_finger_taps_do_nothing(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(2)
    settle()
    point = centre(item(view, "textPanel"))
    window = view.window
    QTest.touchEvent(window, touchscreen).press(0, point, window).commit()
    QTest.qWait(1500)  # a duration on purpose: a press and hold, not a tap
    QTest.touchEvent(window, touchscreen).release(0, point, window).commit()
    settle()
    other = point + QPoint(80, 0)
    QTest.touchEvent(window, touchscreen).press(0, point, window).press(1, other, window).commit()
    follow(window)  # a two-finger tap: the fingers rest for a frame
    QTest.touchEvent(window, touchscreen).release(0, point, window).release(
        1, other, window).commit()
    settle()
    assert view.session.navigation.screen == Navigation.Screen.Event
    assert view.session.navigation.index == 2
    assert abs(item(view, "eventContent").childItems()[0].x()) < 1


def test_welcome_caption_follows_the_language(make_view: MakeView, bundled: Exhibit,
                                              touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    shown = bundled.events[view.session.attract.index]
    caption = item(view, "highlightButton")
    assert shown.title.get("en") in caption.property("label")
    tap(view.window, touchscreen, centre(next(
        i for i in all_items(view) if i.objectName() == "language-zh" and is_shown(i))))
    assert view.session.language.code == "zh"
    # the visitor sees it all in Chinese, then begins
    assert view.session.navigation.screen == Navigation.Screen.Welcome
    assert shown.title.get("zh") in caption.property("label")
    assert as_written(item(view, "welcomeTitle")) == bundled.title.get("zh")
