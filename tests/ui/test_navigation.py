"""Where the visitor is: bounds, swipes and precise signals, without QML."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.core.model import Exhibit
from kiosk.ui.shared.navigation import SWIPE_FRACTION, Navigation

Screen = Navigation.Screen


def photo_event(exhibit: Exhibit) -> int:
    return next(i for i, e in enumerate(exhibit.events) if len(e.media) >= 1)


def test_events_stay_within_the_exhibit(qapp: QGuiApplication, bundled: Exhibit) -> None:
    nav = Navigation(bundled)
    assert nav.screen == Screen.Welcome and not nav.hasPrevious
    assert not nav.previous()
    nav.openEvent(len(bundled.events))  # past the end: nothing happens
    assert nav.screen == Screen.Welcome
    nav.openEvent(len(bundled.events) - 1)
    assert nav.screen == Screen.Event and not nav.hasNext
    assert not nav.next()
    assert nav.index == len(bundled.events) - 1


def test_photos_stay_within_the_event(qapp: QGuiApplication, bundled: Exhibit) -> None:
    nav = Navigation(bundled)
    nav.openEvent(photo_event(bundled))
    count = nav.photoCount
    nav.openPhoto(count)  # no such photo
    assert nav.screen == Screen.Event
    nav.openPhoto(count - 1)
    assert nav.screen == Screen.Photo and nav.photoIndex == count - 1
    assert nav.swipePhotos(-1000, 1920) == 0  # no photo after the last
    nav.closePhoto()
    assert nav.screen == Screen.Event


def test_a_new_photo_is_not_a_new_event(qapp: QGuiApplication, two_photos: Exhibit,
                                        qtbot: QtBot) -> None:
    nav = Navigation(two_photos)
    nav.openEvent(1)
    with qtbot.assertNotEmitted(nav.eventChanged), qtbot.waitSignal(nav.photoChanged):
        nav.showPhoto(1)
    with qtbot.waitSignal(nav.eventChanged), qtbot.waitSignal(nav.photoChanged):
        nav.openEvent(2)
    assert nav.photoIndex == 0


def test_swipes_decide_in_one_place(qapp: QGuiApplication, bundled: Exhibit) -> None:
    nav = Navigation(bundled)
    nav.openEvent(1)
    width = 1000.0
    short = SWIPE_FRACTION * width - 1
    assert nav.swipeEvents(-short, 0, width) == 0 and nav.index == 1
    assert nav.swipeEvents(-short, -5000, width) == 1 and nav.index == 2  # a quick flick
    assert nav.swipeEvents(short + 2, 0, width) == -1 and nav.index == 1
    nav.openEvent(0)
    assert nav.swipeEvents(600, 0, width) == 0 and nav.index == 0  # nothing before the first
    assert nav.dragOffset(100) == 25  # resists past the first event
    assert nav.dragOffset(-100) == -100


def test_home_is_the_first_event_on_the_welcome_screen(qapp: QGuiApplication,
                                                       bundled: Exhibit) -> None:
    nav = Navigation(bundled)
    nav.openEvent(3)
    nav.goHome()
    assert nav.screen == Screen.Welcome and nav.index == 3  # the top bar keeps the place
    nav.home()
    assert nav.screen == Screen.Welcome and nav.index == 0 and nav.photoIndex == 0
