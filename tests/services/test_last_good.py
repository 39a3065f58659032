"""The last good content's store (kiosk.services.last_good): exactly what validated, or
nothing; never half-written; damaged, ignored."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.services import last_good
from kiosk.services.last_good import LastGood, SourceChanged, fingerprint
from tests.conftest import DATA, MakeFolder, write_image

EXHIBIT = """\
format: 1
title: Harbour history
events:
  - id: first
    date: 1981
    title: The first crane
    media:
      - image: media/crane.jpg
        alt: A crane
      - image: media/ship.png
        alt: A ship
"""


@pytest.fixture
def folder(make_folder: MakeFolder) -> Path:
    root = make_folder(EXHIBIT)
    write_image(root / "media" / "crane.jpg", (1600, 900))
    write_image(root / "media" / "ship.png", (1600, 900), fmt="PNG")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    return root


def exhibit_of(folder: Path) -> Exhibit:
    result = load_folder(folder)
    assert result.exhibit is not None, result.errors
    return result.exhibit


def test_a_saved_exhibit_reads_back_equal_with_its_photos_in_the_copy(
        folder: Path, tmp_path: Path) -> None:
    store = LastGood(tmp_path / "store")
    files = fingerprint(folder)
    assert sorted(files) == ["exhibit.yaml", "media/crane.jpg", "media/ship.png"]  # no .git
    exhibit = exhibit_of(folder)
    saved = store.save(folder, exhibit, files)
    kept = store.load()
    assert kept is not None and kept.matches(folder, fingerprint(folder))
    assert kept.folder == saved.folder and kept.folder.parent == store.folder
    photos = [m.image for m in kept.exhibit.events[0].media]
    assert [p.relative_to(kept.folder).as_posix() for p in photos] == \
        ["media/crane.jpg", "media/ship.png"]
    assert all(p.read_bytes() == (folder / p.relative_to(kept.folder)).read_bytes()
               for p in photos)
    assert placed(kept.exhibit, kept.folder) == placed(exhibit, folder.resolve())
    assert {row[0] for row in kept.pictures} == {str(p.resolve()) for p in
                                                 (folder / "media").iterdir()}


def placed(exhibit: Exhibit, root: Path) -> Exhibit:
    """The exhibit with its folder and photos named relative to `root`."""
    return replace(exhibit, folder=Path("."), events=tuple(
        replace(event, media=tuple(replace(m, image=m.image.relative_to(root))
                                   for m in event.media)) for event in exhibit.events))


def test_the_bundled_exhibit_reads_back_exactly(tmp_path: Path) -> None:
    store = LastGood(tmp_path / "store")
    exhibit = exhibit_of(DATA)
    store.save(DATA, exhibit, fingerprint(DATA))
    again = store.load()
    assert again is not None
    assert placed(again.exhibit, again.folder) == placed(exhibit, DATA.resolve())


def test_a_changed_folder_no_longer_matches(folder: Path, tmp_path: Path) -> None:
    store = LastGood(tmp_path / "store")
    kept = store.save(folder, exhibit_of(folder), fingerprint(folder))
    assert kept.matches(folder, fingerprint(folder))
    (folder / "notes.txt").write_text("new", encoding="utf-8")
    assert not kept.matches(folder, fingerprint(folder)) and kept.is_of(folder)
    assert not kept.is_of(tmp_path)


def test_a_failed_copy_leaves_the_last_copy_whole_and_no_partial_folder(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LastGood(tmp_path / "store")
    first = store.save(folder, exhibit_of(folder), fingerprint(folder))
    (folder / "exhibit.yaml").write_text(EXHIBIT.replace("Harbour history", "Harbour now"),
                                         encoding="utf-8")
    copies = 0
    real_copy = shutil.copy2

    def full_disk(source: object, target: object) -> object:
        nonlocal copies
        copies += 1
        if copies == 1:
            return real_copy(source, target)  # type: ignore[arg-type]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copy2", full_disk)
    monkeypatch.setattr(last_good, "_linked", lambda *args: False)  # copy every file
    with pytest.raises(OSError):
        store.save(folder, exhibit_of(folder), fingerprint(folder), previous=first)
    kept = store.load()
    assert kept is not None and kept.exhibit.title.get("en") == "Harbour history"
    assert sorted(p.name for p in store.folder.iterdir()) == [first.folder.name,
                                                              "current.json"]


def test_the_index_is_replaced_whole_or_not_at_all(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LastGood(tmp_path / "store")
    first = store.save(folder, exhibit_of(folder), fingerprint(folder))
    before = store.index.read_bytes()

    def broken_dump(data: object, out: object, depth: int) -> None:
        out.write('{"format": 1, "co')  # type: ignore[attr-defined]
        raise OSError(5, "Input/output error")  # a disk that failed half-way

    monkeypatch.setattr(last_good, "_dump", broken_dump)
    with pytest.raises(OSError):
        store.save(folder, exhibit_of(folder), fingerprint(folder), previous=first)
    assert store.index.read_bytes() == before
    monkeypatch.undo()
    assert store.load() is not None


def test_a_file_changed_while_it_is_copied_is_not_kept(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LastGood(tmp_path / "store")
    files = fingerprint(folder)
    real_copy = shutil.copy2

    def editor_saves(source: Path, target: Path) -> object:
        done = real_copy(source, target)
        if Path(source).name == "exhibit.yaml":
            os.utime(source, ns=(1, 10**18))
        return done

    monkeypatch.setattr(shutil, "copy2", editor_saves)
    with pytest.raises(SourceChanged):
        store.save(folder, exhibit_of(folder), files)
    assert store.load() is None and not any(store.folder.iterdir())


def test_unchanged_files_are_linked_and_old_copies_removed(
        folder: Path, tmp_path: Path) -> None:
    store = LastGood(tmp_path / "store")
    first = store.save(folder, exhibit_of(folder), fingerprint(folder))
    (folder / "exhibit.yaml").write_text(EXHIBIT.replace("Harbour history", "Harbour now"),
                                         encoding="utf-8")
    second = store.save(folder, exhibit_of(folder), fingerprint(folder), previous=first)
    crane = second.folder / "media" / "crane.jpg"
    if os.stat(crane).st_nlink == 1:
        pytest.skip("this file system has no hard links")
    assert os.path.samefile(crane, first.folder / "media" / "crane.jpg")
    third = store.save(folder, exhibit_of(folder), fingerprint(folder), previous=second)
    # the copy before the current one may still be on screen: it stays, older ones go
    assert sorted(p.name for p in store.folder.iterdir()) == sorted(
        [second.folder.name, third.folder.name, "current.json"])
    assert third.exhibit.title.get("en") == "Harbour now"


@pytest.mark.parametrize("damage", [
    "", "{", "[]", '{"format": 99}', '{"format": 1, "copy": "../elsewhere"}',
    '{"format": 1, "copy": "copy-x", "files": {}, "copied": {}, "source": "/x", '
    '"pictures": [], "exhibit": {"format": 2}}',
    "\udcff",
])
def test_a_damaged_index_is_ignored(folder: Path, tmp_path: Path, damage: str,
                                    caplog: pytest.LogCaptureFixture) -> None:
    store = LastGood(tmp_path / "store")
    store.save(folder, exhibit_of(folder), fingerprint(folder))
    store.index.write_bytes(damage.encode("utf-8", "surrogateescape"))
    assert store.load() is None
    assert "damaged" in caplog.text or "cannot read" in caplog.text


def test_a_copy_missing_a_file_is_ignored(folder: Path, tmp_path: Path) -> None:
    store = LastGood(tmp_path / "store")
    kept = store.save(folder, exhibit_of(folder), fingerprint(folder))
    (kept.folder / "media" / "ship.png").unlink()
    assert store.load() is None


def test_a_rename_refused_for_a_moment_is_tried_again(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file another process (a virus scanner) holds open."""
    store = LastGood(tmp_path / "store")
    real_replace = os.replace
    refused = [2]

    def busy(source: object, target: object) -> None:
        if refused[0]:
            refused[0] -= 1
            raise PermissionError(13, "The process cannot access the file")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", busy)
    store.save(folder, exhibit_of(folder), fingerprint(folder))
    assert refused == [0] and store.load() is not None
