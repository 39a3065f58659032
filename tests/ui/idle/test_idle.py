"""The idle countdown: its message in the visitor's language, and when it times out."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.core.model import Exhibit
from kiosk.ui.idle.idle import COUNTDOWN_SECONDS, Idle
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation


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


def test_a_language_the_kiosk_does_not_know_speaks_the_exhibits_own_words(
        qapp: QGuiApplication, bundled: Exhibit) -> None:
    """exhibit.yaml's `interface` gives the kiosk's words in French: an editor adds a
    language without a developer."""
    import dataclasses
    french = dataclasses.replace(bundled, languages=(*bundled.languages, "fr"), interface=(
        ("fr", (("touch", "Touchez pour explorer"), ("returning", "Retour dans {n} s"),
                ("language_name", "Français"))),))
    language = Language(french)
    idle = Idle(Navigation(french), language, timeout_ms=60_000)
    idle.startCountdown()
    language.setLanguage("fr")
    assert idle.message == f"Retour dans {COUNTDOWN_SECONDS} s"
    assert language.property("words")["touch"] == "Touchez pour explorer"
    assert language.property("words")["start"] == "Start at the beginning"  # not given
    assert "Touchez pour explorer" in language.property("everyLanguage")["touch"]
    assert [b["name"] for b in language.property("languages")][-1] == "Français"
