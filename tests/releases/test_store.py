"""The kiosk's own copies: whole or not at all, the last three kept, rollback and forward."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from kiosk.releases.inbox import Follower
from kiosk.releases.manifest import CONTENT
from kiosk.releases.store import POINTER, ReleaseStore, StoreError
from kiosk.releases.verify import verify_release
from tests.releases.conftest import T0, Publish


@pytest.fixture
def store(tmp_path: Path) -> ReleaseStore:
    return ReleaseStore(tmp_path / "home" / "releases")


def visible(store: ReleaseStore) -> list[str]:
    """Everything in the store's folder, hidden temporary names included."""
    return sorted(p.name for p in store.folder.iterdir()) if store.folder.exists() else []


def take_newest(store: ReleaseStore, inbox: Path) -> str:
    view = Follower(inbox).look()
    assert view.chosen is not None
    return store.take(view.chosen).release.name


def test_a_taken_release_is_a_verified_copy_and_becomes_current(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    release = make_release("1")
    taken = store.take(verify_release(release))
    assert taken.added and taken.switched
    current = store.current()
    assert current is not None and current.name == release.name
    assert verify_release(current.folder).ok
    assert (current.content / "notes.txt").read_bytes() == b"for the editors\n"
    assert visible(store) == sorted([POINTER, release.name])
    # the inbox may go: the kiosk keeps its copy
    import shutil

    shutil.rmtree(outbox)
    assert store.current() is not None and store.current().content.is_dir()  # type: ignore[union-attr]


def test_the_last_three_are_kept_and_staff_can_go_back_and_forward(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    names = []
    for n in range(1, 6):
        make_release(str(n), at=T0 + dt.timedelta(hours=n))
        names.append(take_newest(store, outbox))
    kept = store.releases()
    assert [r.manifest.version for r in kept] == ["5", "4", "3"]
    assert [r.current for r in kept] == [True, False, False]
    assert store.rollback().manifest.version == "4"
    assert store.rollback().manifest.version == "3"
    with pytest.raises(StoreError, match="no older release"):
        store.rollback()
    assert store.forward().manifest.version == "4"
    # the choice is kept on disk: a new store object (a restart) reads it
    assert ReleaseStore(store.folder).current().manifest.version == "4"  # type: ignore[union-attr]


def test_a_rollback_holds_until_a_newer_release_arrives(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    make_release("1")
    take_newest(store, outbox)
    make_release("2", at=T0 + dt.timedelta(hours=1))
    take_newest(store, outbox)
    assert store.rollback().manifest.version == "1"
    view = Follower(outbox).look()  # version 2 is still the newest in the inbox
    assert view.chosen is not None
    taken = store.take(view.chosen)
    assert not taken.switched and store.current().manifest.version == "1"  # type: ignore[union-attr]
    make_release("3", at=T0 + dt.timedelta(hours=2))
    assert store.take(Follower(outbox).look().chosen).switched  # type: ignore[arg-type]
    assert store.current().manifest.version == "3"  # type: ignore[union-attr]


def test_the_rollback_target_is_kept_even_when_three_newer_ones_arrive(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    make_release("1")
    take_newest(store, outbox)
    for n in (2, 3, 4):
        make_release(str(n), at=T0 + dt.timedelta(hours=n))
        release = Follower(outbox).look().chosen
        assert release is not None
        store.add(release.folder)  # kept, not switched: the kiosk shows 1
    store.prune()
    assert [r.manifest.version for r in store.releases()] == ["4", "3", "2", "1"]
    assert store.current().manifest.version == "1"  # type: ignore[union-attr]


def test_the_disk_full_during_the_copy_leaves_nothing_half(
        make_release: Publish, outbox: Path, store: ReleaseStore, content: Path) -> None:
    make_release("1")
    take_newest(store, outbox)
    before = visible(store)
    (content / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    second = make_release("2", at=T0 + dt.timedelta(hours=1))
    written: list[int] = []

    def fills_up(file: BinaryIO, data: memoryview) -> None:
        if sum(written) > 1024 * 1024:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(len(data))
        file.write(data)

    with pytest.raises(StoreError, match=r"the disk is full: .* nothing was kept of it"):
        store.take(verify_release(second), write=fills_up)
    assert visible(store) == before  # no temporary folder left, nothing half
    assert store.current().manifest.version == "1"  # type: ignore[union-attr]
    assert store.take(verify_release(second)).switched  # with room again, it is taken


def test_a_usb_stick_pulled_out_mid_copy_leaves_nothing_half(
        make_release: Publish, outbox: Path, store: ReleaseStore, content: Path) -> None:
    import shutil

    make_release("1")
    take_newest(store, outbox)
    before = visible(store)
    (content / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    second = make_release("2", at=T0 + dt.timedelta(hours=1))
    verdict = verify_release(second)

    def pulled_out(done: int, total: int) -> None:
        if done > 1024 * 1024 and second.exists():
            shutil.rmtree(second)  # the stick is gone: its files with it

    with pytest.raises(StoreError, match=r"could not be read from the inbox .* USB stick"):
        store.take(verdict, progress=pulled_out)
    assert visible(store) == before
    assert store.current().manifest.version == "1"  # type: ignore[union-attr]


def test_a_release_renamed_in_the_inbox_while_it_is_copied(
        make_release: Publish, outbox: Path, store: ReleaseStore, content: Path) -> None:
    (content / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024))
    release = make_release("1")
    verdict = verify_release(release)

    def rename(done: int, total: int) -> None:
        if done and release.exists():
            os.replace(release, release.with_name("renamed"))

    with pytest.raises(StoreError, match="nothing was kept of it"):
        store.take(verdict, progress=rename)
    assert [n for n in visible(store) if not n.startswith(".")] == []
    assert store.current() is None


def test_a_file_changed_in_the_inbox_after_the_check_is_not_kept(
        make_release: Publish, store: ReleaseStore) -> None:
    release = make_release("1")
    verdict = verify_release(release)
    (release / CONTENT / "notes.txt").write_bytes(b"FOR the editors\n")
    with pytest.raises(StoreError, match="changed in the inbox while it was copied"):
        store.take(verdict)
    assert store.releases() == []


def test_a_different_release_with_a_kept_version_is_refused(
        make_release: Publish, store: ReleaseStore, tmp_path: Path, content: Path) -> None:
    store.take(verify_release(make_release("1")))
    (content / "notes.txt").write_text("other\n", encoding="utf-8")
    other = make_release("1", at=T0 + dt.timedelta(hours=1), box=tmp_path / "other")
    with pytest.raises(StoreError, match=r"keeps already .* publish a new version"):
        store.take(verify_release(other))


def test_a_lost_pointer_falls_back_to_the_newest(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    make_release("1")
    take_newest(store, outbox)
    make_release("2", at=T0 + dt.timedelta(hours=1))
    take_newest(store, outbox)
    store.rollback()
    (store.folder / POINTER).write_text("{half", encoding="utf-8")
    assert store.current().manifest.version == "2"  # type: ignore[union-attr]


def test_a_copy_cut_short_by_a_power_cut_is_cleared(
        make_release: Publish, store: ReleaseStore) -> None:
    leftover = store.folder / ".kiosk-incoming-x-1234" / CONTENT
    leftover.mkdir(parents=True)
    (leftover / "half.jpg").write_bytes(b"\xff\xd8")
    store.take(verify_release(make_release("1")))
    assert not leftover.parent.exists()


def test_a_release_that_does_not_validate_is_not_added(
        make_release: Publish, store: ReleaseStore) -> None:
    """add() on its own (no verdict) validates the copy: files matching a manifest rewritten
    for broken content are not kept."""
    import hashlib
    import json

    release = make_release("1")
    broken = b"format: 1\ntitle: x\nevents: 3\n"
    (release / CONTENT / "exhibit.yaml").write_bytes(broken)
    path = release / "release.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    for entry in raw["files"]:
        if entry["path"] == "exhibit.yaml":
            entry.update(size=len(broken), sha256=hashlib.sha256(broken).hexdigest())
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(StoreError, match="its content does not validate"):
        store.add(release)
    assert [n for n in visible(store) if not n.startswith(".")] == []


def test_a_release_larger_than_the_free_space_is_not_started(
        make_release: Publish, store: ReleaseStore, monkeypatch: pytest.MonkeyPatch) -> None:
    import kiosk.releases.store as module

    monkeypatch.setattr(module, "free_bytes", lambda path: 10 * 1024 * 1024)
    with pytest.raises(StoreError, match=r"not enough space to keep .* it needs 64 MB and 10 MB "
                       r"are free"):
        store.take(verify_release(make_release("1")))
    assert [n for n in visible(store) if not n.startswith(".")] == []


def test_an_inbox_that_lost_its_newest_releases_does_not_take_the_kiosk_back(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    """The editor deleted versions 2-4 from the outbox (Syncthing deletes them from the
    inbox too): version 1 is the newest there, older than all the kiosk keeps."""
    import shutil

    releases = []
    for n in range(1, 5):
        releases.append(make_release(str(n), at=T0 + dt.timedelta(hours=n)))
        take_newest(store, outbox)
    before = visible(store)
    assert [r.manifest.version for r in store.releases()] == ["4", "3", "2"]
    for release in releases[1:]:
        shutil.rmtree(release)
    view = Follower(outbox).look()
    assert view.chosen is not None and view.chosen.manifest.version == "1"  # type: ignore[union-attr]
    taken = store.take(view.chosen)
    assert not taken.added and not taken.switched
    assert store.current().manifest.version == "4"  # type: ignore[union-attr]
    assert visible(store) == before  # not copied in only to be removed again


def test_the_release_still_on_the_screen_is_not_removed(
        make_release: Publish, outbox: Path, store: ReleaseStore) -> None:
    """Versions 2-4 arrive while a visitor reads a story shown from version 1: the kiosk
    switches only at the welcome screen, and version 1's pictures must stay until then."""
    make_release("1")
    shown = take_newest(store, outbox)
    for n in (2, 3, 4):
        make_release(str(n), at=T0 + dt.timedelta(hours=n))
        chosen = Follower(outbox).look().chosen
        assert chosen is not None
        store.take(chosen, showing=shown)
    assert [r.manifest.version for r in store.releases()] == ["4", "3", "2", "1"]
    store.prune()  # the kiosk switched: now it may go
    assert [r.manifest.version for r in store.releases()] == ["4", "3", "2"]
