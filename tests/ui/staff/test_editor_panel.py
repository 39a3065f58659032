"""Editors working windowed with --watch: a broken save shows on screen and in the terminal,
and goes away when the content is good again; visitors in kiosk mode never see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content import load_folder
from kiosk.content.problems import Problem
from kiosk.services.watch import ContentWatcher
from kiosk.ui.shell.app import reload_content
from kiosk.ui.shell.session import Session
from kiosk.ui.shell.view import KioskView, create_view, quiet_staff
from kiosk.ui.staff.content_report import ContentReport
from tests.conftest import MINIMAL, MakeFolder
from tests.ui.conftest import all_items, centre, is_shown, item, settle, tap

EVENT = "id: a\ndate: 1990\ntitle: The first steps\n"
BROKEN = "id: a\ndate: 1990\ntitle: Reform: the first steps\n"


def editor_view(root: Path, kiosk_mode: bool = False) -> KioskView:
    result = load_folder(root)
    assert result.exhibit is not None
    report = ContentReport(root, editor_view=not kiosk_mode)
    session = Session(result.exhibit, reduced_motion=True)
    view = create_view(result.exhibit, (1920, 1080), session, quiet_staff(result.exhibit, report),
                       kiosk_mode=kiosk_mode)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    return view


def test_a_broken_save_shows_on_screen_and_in_the_terminal_until_fixed(
        qapp: QGuiApplication, make_folder: MakeFolder, qtbot: QtBot,
        capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL, events={"a.yaml": EVENT})
    view = editor_view(root)
    report = view.staff.report
    watcher = ContentWatcher(root, lambda: reload_content(root, view.session, report))
    panel = item(view, "editorPanel")
    assert not panel.isVisible()

    (root / "events" / "a.yaml").write_text(BROKEN, encoding="utf-8")
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    assert item(view, "editorHeadline").property("text") == (
        "The content has 1 error: the kiosk shows the last good content.")
    shown = {t.objectName(): t.property("text") for t in all_items(view)
             if t.objectName() in ("problemWhere", "problemMessage") and is_shown(t)}
    assert shown["problemWhere"] == "events/a.yaml:3:14"
    assert shown["problemMessage"] == (
        "error: a colon followed by a space inside a text starts a new key; put the whole "
        "text in quotes: title: \"Reform: the first steps\"")
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "events/a.yaml:3:14: error: a colon followed by a space inside a text starts a new "
        "key; put the whole text in quotes: title: \"Reform: the first steps\"",
        " 3 | title: Reform: the first steps",
        "   |              ^",
        f"{root}: 1 error, 0 warnings; the last good content stays on screen",
    ]
    assert view.session.current_event.title.get("en") == "First"  # the last good content

    (root / "events" / "a.yaml").write_text(EVENT.replace("The first", "Fixed"),
                                            encoding="utf-8")
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=5000)
    assert capsys.readouterr().err.splitlines() == [
        f"{root}: 0 errors, 0 warnings; content reloaded"]
    assert [e.title.get("en") for e in view.session.exhibit.events] == ["First", "Fixed steps"]
    del watcher
    view.window.close()


def test_visitors_never_see_the_editor_panel(qapp: QGuiApplication,
                                              make_folder: MakeFolder) -> None:
    view = editor_view(make_folder(MINIMAL), kiosk_mode=True)
    view.staff.report.update([Problem("exhibit.yaml", 2, 8, "error", "broken")])
    settle()
    assert not view.staff.report.editorPanelVisible
    assert not item(view, "editorPanel").isVisible()
    view.guard.allow_close = True
    view.window.close()


def test_the_editor_can_hide_the_panel_until_the_next_save(
        qapp: QGuiApplication, make_folder: MakeFolder, touchscreen: QPointingDevice) -> None:
    view = editor_view(make_folder(MINIMAL))
    problem = Problem("exhibit.yaml", 2, 8, "error", "broken")
    view.staff.report.update([problem])
    settle()
    tap(view.window, touchscreen, centre(item(view, "editorHide")))
    assert not item(view, "editorPanel").isVisible()
    view.staff.report.update([problem])  # saved again, still broken
    settle()
    assert item(view, "editorPanel").isVisible()
    view.window.close()
