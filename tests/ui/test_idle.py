"""The idle countdown: its message in the visitor's language, and when it times out."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.content.model import Exhibit
from kiosk.ui.idle import COUNTDOWN_SECONDS, Idle
from kiosk.ui.language import Language
from kiosk.ui.navigation import Navigation


def test_the_countdown_speaks_the_visitors_language(qapp: QGuiApplication,
                                                    bundled: Exhibit) -> None:
    language = Language(bundled)
    idle = Idle(Navigation(bundled), language, timeout_ms=60_000)
    idle.startCountdown()
    assert idle.active and idle.remaining == COUNTDOWN_SECONDS >= 20
    assert idle.message == f"Returning to the start in {COUNTDOWN_SECONDS} s"
    language.setLanguage("zh")
    assert idle.message == f"{COUNTDOWN_SECONDS} 秒后返回首页"
    assert idle.fraction == 1.0
    idle.touch()
    assert not idle.active


def test_nobody_on_the_welcome_screen_times_out_without_asking(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot) -> None:
    idle = Idle(Navigation(bundled), Language(bundled), timeout_ms=50)
    with qtbot.waitSignal(idle.timedOut, timeout=2000):
        pass
    assert not idle.active


def test_a_visitor_away_from_the_welcome_screen_is_asked_first(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot) -> None:
    navigation = Navigation(bundled)
    navigation.openEvent(2)
    idle = Idle(navigation, Language(bundled), timeout_ms=50, countdown_seconds=2, tick_ms=30)
    qtbot.waitUntil(lambda: idle.active, timeout=2000)
    with qtbot.waitSignal(idle.timedOut, timeout=2000):
        pass
    assert idle.remaining == 0
