"""Editors' live reload: a change to the folder is noticed and handed over once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.services.watch import ContentWatcher
from tests.conftest import MINIMAL, MakeFolder


def test_changes_are_noticed_after_a_quiet_moment(make_folder: MakeFolder, qtbot: QtBot,
                                                  qapp: object) -> None:
    root = make_folder(MINIMAL, events={"a.yaml": "id: a\ndate: 1990\ntitle: A\n"})
    calls: list[int] = []
    watcher = ContentWatcher(root, lambda: calls.append(1), quiet_ms=200)
    (root / "events" / "a.yaml").write_text("id: a\ndate: 1991\ntitle: A2\n")
    (root / "events" / "b.yaml").write_text("id: b\ndate: 1992\ntitle: B\n")
    qtbot.waitUntil(lambda: calls == [1], timeout=3000)
    qtbot.wait(400)
    assert calls == [1]  # several saves, one reload
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Renamed"))
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=3000)
    del watcher
