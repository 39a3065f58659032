"""The follower takes the newest complete and valid release, and says why not the others."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from kiosk.releases.inbox import Follower
from kiosk.releases.manifest import CONTENT, MANIFEST
from tests.releases.conftest import T0, Publish, edit_manifest


def test_the_newest_version_is_chosen(make_release: Publish, outbox: Path) -> None:
    make_release("1")
    newest = make_release("2", at=T0 + dt.timedelta(hours=1))
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.folder == newest
    assert view.ignored == () and len(view.older) == 1


def test_a_clock_that_ran_backwards_does_not_make_an_old_release_win(
        make_release: Publish, outbox: Path) -> None:
    """Version 2 was published on a machine whose clock was a year behind."""
    make_release("1", at=T0)
    second = make_release("2", at=T0 - dt.timedelta(days=365))
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.folder == second


def test_a_half_arrived_release_is_passed_over_with_its_reason(
        make_release: Publish, outbox: Path) -> None:
    first = make_release("1")
    second = make_release("2", at=T0 + dt.timedelta(hours=1))
    (second / CONTENT / "notes.txt").write_bytes(b"for th")  # still arriving
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.folder == first
    assert [(i.name, i.reasons) for i in view.ignored] == [
        (second.name, ("content/notes.txt has 6 bytes; release.json says 16 (still "
                       "arriving, or changed)",))]


def test_releases_without_manifest_tampered_or_for_a_newer_program_are_ignored(
        make_release: Publish, outbox: Path) -> None:
    good = make_release("1")
    arriving = make_release("2", at=T0 + dt.timedelta(hours=1))
    (arriving / MANIFEST).unlink()
    tampered = make_release("3", at=T0 + dt.timedelta(hours=2))
    (tampered / CONTENT / "notes.txt").write_bytes(b"FOR the editors\n")
    future = make_release("4", at=T0 + dt.timedelta(hours=3))
    edit_manifest(future, lambda raw: raw.update(requires={"kiosk": "99"}))
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.folder == good
    reasons = {i.name: i.reasons[0] for i in view.ignored}
    assert reasons[arriving.name].startswith("has no release.json yet")
    assert "does not match its SHA-256" in reasons[tampered.name]
    assert reasons[future.name].startswith("needs kiosk 99 or newer")


def test_two_different_releases_with_one_version_are_both_ignored(
        make_release: Publish, outbox: Path, tmp_path: Path, content: Path) -> None:
    first = make_release("1")
    other_box = tmp_path / "other-editor"
    (content / "notes.txt").write_bytes(b"changed on another machine\n")
    twin = make_release("2", at=T0 + dt.timedelta(hours=1), box=other_box)
    (content / "notes.txt").write_bytes(b"for the editors\n")
    mine = make_release("2", at=T0 + dt.timedelta(hours=2))
    shutil.copytree(twin, outbox / "copied-by-hand")
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.folder == first
    names = sorted(i.name for i in view.ignored)
    assert names == sorted([mine.name, "copied-by-hand"])
    assert all("2 different releases have version 2" in i.reasons[0] for i in view.ignored)


def test_a_copy_of_the_same_release_counts_once(make_release: Publish, outbox: Path) -> None:
    release = make_release("1")
    shutil.copytree(release, outbox / "zz-copy")
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.folder == release
    assert [i.name for i in view.ignored] == ["zz-copy"]


def test_an_inbox_that_is_not_there(tmp_path: Path) -> None:
    view = Follower(tmp_path / "usb-stick").look()
    assert view.chosen is None and view.problem is not None
    assert "is not there" in view.problem


def test_a_verified_release_is_not_hashed_again_until_it_changes(
        make_release: Publish, outbox: Path) -> None:
    release = make_release("1")
    follower = Follower(outbox)
    calls: list[int] = []
    assert follower.look(progress=lambda d, t: calls.append(d)).chosen is not None
    hashed = len(calls)
    assert follower.look(progress=lambda d, t: calls.append(d)).chosen is not None
    assert len(calls) == hashed  # nothing hashed the second time
    notes = release / CONTENT / "notes.txt"
    notes.write_bytes(b"FOR the editors\n")
    later = notes.stat().st_mtime + 10  # a coarse clock (FAT: 2 s) must not hide the change
    os.utime(notes, (later, later))
    assert follower.look().chosen is None  # a change is seen
