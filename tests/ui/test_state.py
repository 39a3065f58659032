"""The controller's rules, without QML: models, reload, attract cycle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.modeltest import ModelTester

from kiosk.content import load_folder
from kiosk.content.model import Exhibit
from kiosk.ui.state import KioskState
from tests.conftest import MakeFolder


def test_models_follow_the_qt_contract(qapp: QGuiApplication, bundled: Exhibit,
                                       qtmodeltester: ModelTester) -> None:
    state = KioskState(bundled)
    for model in (state.events, state.eras, state.ticks):
        qtmodeltester.check(model)
    state.setLanguage("zh")
    for model in (state.events, state.eras, state.ticks):
        qtmodeltester.check(model)


def test_models_speak_the_current_language(qapp: QGuiApplication, bundled: Exhibit) -> None:
    state = KioskState(bundled)
    model = state.events
    title_role = next(k for k, v in model.roleNames().items() if bytes(v) == b"title")
    assert model.data(model.index(0), title_role) == bundled.events[0].title.get("en")
    state.setLanguage("zh")
    assert model.data(model.index(0), title_role) == bundled.events[0].title.get("zh")


def test_attract_cycle_shows_highlighted_events(qapp: QGuiApplication,
                                                bundled: Exhibit) -> None:
    state = KioskState(bundled)
    seen = set()
    for _ in range(10):
        seen.add(state.attract["index"])
        state.advanceAttract()
    assert {bundled.events[i].id for i in seen} == {e.id for e in bundled.events if e.highlight}


def test_reload_keeps_the_current_event(qapp: QGuiApplication, make_folder: MakeFolder,
                                        tmp_path: Path) -> None:
    first = make_folder("format: 1\ntitle: T\nevents:\n  - {id: a, date: 1990, title: A}\n"
                        "  - {id: b, date: 1991, title: B}\n", name="one")
    second = make_folder("format: 1\ntitle: T2\nevents:\n  - {id: z, date: 1980, title: Z}\n"
                         "  - {id: a, date: 1990, title: A}\n  - {id: b, date: 1991, "
                         "title: B2}\n", name="two")
    old, new = load_folder(first).exhibit, load_folder(second).exhibit
    assert old is not None and new is not None
    state = KioskState(old)
    state.openEvent(1)
    state.set_exhibit(new)
    assert state.screen == "event"
    assert state.currentIndex == 2  # "b" moved, and stays on screen
    assert state.eventTitle == "B2"
    assert state.exhibitTitle == "T2"


def test_reload_without_the_current_event_falls_back_to_the_first(
        qapp: QGuiApplication, make_folder: MakeFolder) -> None:
    first = make_folder("format: 1\ntitle: T\nevents:\n  - {id: a, date: 1990, title: A}\n"
                        "  - {id: gone, date: 1991, title: G}\n", name="one")
    second = make_folder("format: 1\ntitle: T\nevents:\n  - {id: a, date: 1990, title: A}\n",
                         name="two")
    old, new = load_folder(first).exhibit, load_folder(second).exhibit
    assert old is not None and new is not None
    state = KioskState(old)
    state.openEvent(1)
    state.set_exhibit(new)
    assert state.currentIndex == 0
    assert state.eventTitle == "A"


def test_staff_default_language_is_home(qapp: QGuiApplication, bundled: Exhibit) -> None:
    state = KioskState(bundled, default_language="zh")
    assert state.language == "zh"
    state.openEvent(3)
    state.setLanguage("en")
    state.reset()
    assert state.language == "zh" and state.screen == "welcome"
    assert KioskState(bundled, default_language="fr").language == "en"  # not in the exhibit
