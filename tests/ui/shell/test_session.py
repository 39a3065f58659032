"""The controller's rules, without QML: models, reload, attract cycle."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.services import memory
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shell.session import Session
from tests.conftest import MakeFolder


def test_attract_cycle_shows_highlighted_events(qapp: QGuiApplication,
                                                bundled: Exhibit) -> None:
    session = Session(bundled)
    seen = set()
    for _ in range(10):
        seen.add(session.attract.index)
        session.attract.advance()
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
    session = Session(old)
    session.navigation.openEvent(1)
    session.set_exhibit(new)
    assert session.navigation.screen == Navigation.Screen.Event
    assert session.navigation.index == 2  # "b" moved, and stays on screen
    assert session.current.title == "B2"
    assert session.exhibition.title == "T2"


def test_reload_without_the_current_event_falls_back_to_the_first(
        qapp: QGuiApplication, make_folder: MakeFolder) -> None:
    first = make_folder("format: 1\ntitle: T\nevents:\n  - {id: a, date: 1990, title: A}\n"
                        "  - {id: gone, date: 1991, title: G}\n", name="one")
    second = make_folder("format: 1\ntitle: T\nevents:\n  - {id: a, date: 1990, title: A}\n",
                         name="two")
    old, new = load_folder(first).exhibit, load_folder(second).exhibit
    assert old is not None and new is not None
    session = Session(old)
    session.navigation.openEvent(1)
    session.set_exhibit(new)
    assert session.navigation.index == 0
    assert session.current.title == "A"


def test_staff_default_language_is_home(qapp: QGuiApplication, bundled: Exhibit) -> None:
    session = Session(bundled, default_language="zh")
    assert session.language.code == "zh"
    session.navigation.openEvent(3)
    session.language.setLanguage("en")
    session.reset()
    assert session.language.code == "zh" and session.navigation.screen == Navigation.Screen.Welcome
    assert Session(bundled, default_language="fr").language.code == "en"  # not in the exhibit


def test_freed_memory_goes_back_after_the_visitor_stops(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    trims: list[int] = []
    monkeypatch.setattr(memory, "trim", lambda: trims.append(1))
    session = Session(bundled)
    gc.collect()  # nothing the session needs may depend on a stray reference
    for index in (1, 2, 3):
        session.navigation.openEvent(index)
    qtbot.waitUntil(lambda: trims == [1], timeout=3000)  # once, after the last step
    session.navigation.openPhoto(0)
    session.navigation.closePhoto()
    qtbot.waitUntil(lambda: len(trims) == 2, timeout=3000)
