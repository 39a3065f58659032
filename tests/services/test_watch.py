"""Editors' live reload: a change to the folder is noticed and handed over once."""

from __future__ import annotations

import os
import shutil
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
    (root / "events" / "a.yaml").write_text("id: a\ndate: 1991\ntitle: A2\n", encoding="utf-8")
    (root / "events" / "b.yaml").write_text("id: b\ndate: 1992\ntitle: B\n", encoding="utf-8")
    qtbot.waitUntil(lambda: calls == [1], timeout=10_000)
    qtbot.wait(400)  # a duration on purpose: two quiet periods, in which no second reload comes
    assert calls == [1]  # several saves, one reload
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Renamed"), encoding="utf-8")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)
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
            qtbot.wait(200)  # a duration on purpose: the copy's pace, under the quiet period
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=10_000)
    qtbot.wait(800)  # a duration on purpose: no second hand-over comes in it
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
    qtbot.wait(600)  # a duration on purpose: gone for three of its re-checks of the path
    shutil.copytree(copy, root)
    qtbot.waitUntil(lambda: any("From the stick" in text for text in calls), timeout=10_000)
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Edited later"),
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: any("Edited later" in text for text in calls), timeout=10_000)
    del watcher


@pytest.mark.posix  # making a symbolic link needs administrator rights on Windows
def test_a_link_loop_in_the_folder_does_not_stop_the_watch(
        make_folder: MakeFolder, qtbot: QtBot, qapp: object) -> None:
    root = make_folder(MINIMAL)
    calls: list[int] = []
    watcher = ContentWatcher(root, lambda: calls.append(1), quiet_ms=200)
    (root / "loop").symlink_to(root / "loop")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Renamed"),
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=10_000)
    del watcher


def title_reader(root: Path) -> tuple[list[str], object]:
    seen: list[str] = []

    def changed() -> None:
        seen.append((root / "exhibit.yaml").read_text(encoding="utf-8"))

    return seen, changed


def test_a_new_folder_moved_into_place_is_noticed(make_folder: MakeFolder, qtbot: QtBot,
                                                  qapp: object, tmp_path: Path) -> None:
    """`mv new content` after `mv content old`, as a deployment script does it: the path
    names another folder, and the old one (still watched by inode) never changes."""
    root = make_folder(MINIMAL)
    seen, changed = title_reader(root)
    watcher = ContentWatcher(root, changed, quiet_ms=200, rearm_ms=200)  # type: ignore[arg-type]
    new = make_folder(MINIMAL.replace("Test exhibit", "Moved in"), name="new")
    old = tmp_path / "old"
    os.rename(root, old)
    os.rename(new, root)  # atomic, on the same disk
    qtbot.waitUntil(lambda: any("Moved in" in text for text in seen), timeout=10_000)
    (old / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Old"), encoding="utf-8")
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Edited"),
                                       encoding="utf-8")
    qtbot.waitUntil(lambda: any("Edited" in text for text in seen), timeout=10_000)
    assert not any("Old" in text for text in seen)  # the moved-away folder is not watched
    del watcher


@pytest.mark.posix  # making a symbolic link needs administrator rights on Windows
def test_a_link_swapped_to_another_folder_is_noticed(make_folder: MakeFolder, qtbot: QtBot,
                                                     qapp: object, tmp_path: Path) -> None:
    """`ln -sfn releases/2 current`: the kiosk shows `current`, a link to a release."""
    first = make_folder(MINIMAL.replace("Test exhibit", "Release 1"), name="release-1")
    second = make_folder(MINIMAL.replace("Test exhibit", "Release 2"), name="release-2")
    current = tmp_path / "current"
    current.symlink_to(first, target_is_directory=True)
    seen, changed = title_reader(current)
    watcher = ContentWatcher(current, changed, quiet_ms=200, rearm_ms=200)  # type: ignore[arg-type]
    swap = tmp_path / "current.new"
    swap.symlink_to(second, target_is_directory=True)
    os.replace(swap, current)  # what ln -sfn does, atomically
    qtbot.waitUntil(lambda: any("Release 2" in text for text in seen), timeout=10_000)
    (second / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Release 2b"),
                                         encoding="utf-8")
    qtbot.waitUntil(lambda: any("Release 2b" in text for text in seen), timeout=10_000)
    count = len(seen)
    (first / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Old"), encoding="utf-8")
    qtbot.wait(800)  # a duration on purpose: four quiet periods, and nothing handed over
    assert len(seen) == count  # the release no longer linked is not watched
    del watcher


def test_a_copy_that_pauses_is_handed_over_only_when_whole(
        make_folder: MakeFolder, qtbot: QtBot, qapp: object) -> None:
    """A copy from a slow stick pauses longer than an editor's save takes: the first half is
    valid YAML (one of two events) and must not be shown."""
    root = make_folder(MINIMAL)
    seen, changed = title_reader(root)
    watcher = ContentWatcher(root, changed)  # type: ignore[arg-type]  # the kiosk's settle time
    whole = MINIMAL.replace("Test exhibit", "Copied") + "  - id: second\n    date: 1990\n" \
        "    title: Second\n"
    half = whole[:whole.index("  - id: second")]
    with (root / "exhibit.yaml").open("w", encoding="utf-8") as file:
        file.write(half)
        file.flush()
        qtbot.wait(700)  # the pause: longer than the old two quiet periods of 300 ms
        file.write(whole[len(half):])
    qtbot.waitUntil(lambda: len(seen) >= 1, timeout=10_000)
    qtbot.wait(1200)  # a duration on purpose: past the next quiet period, no second hand-over
    assert seen == [whole]
    del watcher


def test_a_touch_that_changes_nothing_reloads_nothing(make_folder: MakeFolder, qtbot: QtBot,
                                                      qapp: object) -> None:
    root = make_folder(MINIMAL, events={"a.yaml": "id: a\ndate: 1990\ntitle: A\n"})
    calls: list[int] = []
    watcher = ContentWatcher(root, lambda: calls.append(1), quiet_ms=200)
    (root / "events" / "scratch.tmp").write_text("x", encoding="utf-8")  # an editor's temp file
    (root / "events" / "scratch.tmp").unlink()  # gone again before anything was read
    qtbot.wait(700)  # a duration on purpose: three quiet periods, and nothing handed over
    assert calls == []
    del watcher
