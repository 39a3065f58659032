"""Editors' live reload: a change to the folder is noticed and handed over once."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
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


def test_a_file_still_being_written_is_not_handed_over(make_folder: MakeFolder, qtbot: QtBot,
                                                       qapp: object) -> None:
    root = make_folder(MINIMAL)
    (root / "events").mkdir()
    seen: list[str] = []
    watcher = ContentWatcher(root, lambda: seen.append(
        (root / "events" / "c.yaml").read_text(encoding="utf-8")), quiet_ms=300)
    lines = ["id: c\n", "date: 1990\n", "title: C\n", "body: The story\n"]
    with (root / "events" / "c.yaml").open("w", encoding="utf-8") as file:
        for line in lines:  # a slow copy: each part is valid YAML on its own
            file.write(line)
            file.flush()
            qtbot.wait(200)
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=4000)
    qtbot.wait(800)
    assert seen == ["".join(lines)]
    del watcher


def test_the_folder_deleted_and_copied_back_is_watched_again(
        make_folder: MakeFolder, qtbot: QtBot, qapp: object, tmp_path: Path) -> None:
    root = make_folder(MINIMAL)
    calls: list[str] = []
    watcher = ContentWatcher(root, lambda: calls.append(
        (root / "exhibit.yaml").read_text(encoding="utf-8")), quiet_ms=200, rearm_ms=200)
    copy = shutil.copytree(root, tmp_path / "usb-stick")
    (copy / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "From the stick"),
                                       encoding="utf-8")
    shutil.rmtree(root)
    qtbot.wait(600)
    shutil.copytree(copy, root)
    qtbot.waitUntil(lambda: any("From the stick" in text for text in calls), timeout=4000)
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Edited later"),
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: any("Edited later" in text for text in calls), timeout=4000)
    del watcher


@pytest.mark.skipif(sys.platform == "win32", reason="links need special rights on Windows")
def test_a_link_loop_in_the_folder_does_not_stop_the_watch(
        make_folder: MakeFolder, qtbot: QtBot, qapp: object) -> None:
    root = make_folder(MINIMAL)
    calls: list[int] = []
    watcher = ContentWatcher(root, lambda: calls.append(1), quiet_ms=200)
    (root / "loop").symlink_to(root / "loop")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=4000)
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Renamed"),
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=4000)
    del watcher
