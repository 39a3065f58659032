"""A release counts only when it is complete, unchanged, for this program and valid."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kiosk.releases.manifest import CONTENT, MANIFEST
from kiosk.releases.verify import verify_release
from tests.releases.conftest import Publish, edit_manifest


def test_a_published_release_is_complete_and_valid(make_release: Publish) -> None:
    verdict = verify_release(make_release("1"))
    assert verdict.ok and verdict.reasons == ()
    assert verdict.manifest is not None and verdict.manifest.version == "1"


def test_without_its_manifest_a_folder_is_still_arriving(make_release: Publish) -> None:
    release = make_release("1")
    (release / MANIFEST).unlink()
    verdict = verify_release(release)
    assert not verdict.ok
    assert verdict.reasons == ("has no release.json yet: still arriving, or not a release",)


def test_a_manifest_cut_short_is_not_json(make_release: Publish) -> None:
    release = make_release("1")
    data = (release / MANIFEST).read_bytes()
    (release / MANIFEST).write_bytes(data[: len(data) // 2])
    assert "release.json is not JSON" in verify_release(release).reasons[0]


def test_a_listed_file_that_is_missing(make_release: Publish) -> None:
    release = make_release("1")
    (release / CONTENT / "notes.txt").unlink()
    assert verify_release(release).reasons == (
        "content/notes.txt is listed in release.json but not there (still arriving, or "
        "deleted)",)


def test_a_file_that_is_not_listed(make_release: Publish) -> None:
    release = make_release("1")
    (release / CONTENT / "extra.txt").write_text("x", encoding="utf-8")
    assert verify_release(release).reasons == (
        "content/extra.txt is not listed in release.json (added after publishing?)",)


def test_a_file_still_arriving_has_the_wrong_size(make_release: Publish) -> None:
    release = make_release("1")
    (release / CONTENT / "notes.txt").write_bytes(b"for")
    assert verify_release(release).reasons == (
        "content/notes.txt has 3 bytes; release.json says 16 (still arriving, or changed)",)


def test_a_file_changed_by_hand_does_not_match_its_hash(make_release: Publish) -> None:
    release = make_release("1")
    (release / CONTENT / "notes.txt").write_bytes(b"FOR the editors\n")  # same size
    assert verify_release(release).reasons == (
        "content/notes.txt does not match its SHA-256 in release.json (changed after "
        "publishing, or damaged)",)


def test_a_release_for_a_newer_program(make_release: Publish) -> None:
    release = make_release("1")
    edit_manifest(release, lambda raw: raw.update(requires={"kiosk": "99.0"}))
    verdict = verify_release(release)
    assert verdict.reasons == (f"needs kiosk 99.0 or newer; this is kiosk "
                               f"{__import__('kiosk').__version__}: update the program to "
                               "show it",)
    assert verify_release(release, program_version="99.0.1").ok


def test_a_manifest_path_that_leaves_the_release(make_release: Publish) -> None:
    release = make_release("1")
    edit_manifest(release, lambda raw: raw["files"].append(  # type: ignore[attr-defined]
        {"path": "../../etc/passwd", "size": 1, "sha256": "0" * 64}))
    assert verify_release(release).reasons == (
        "release.json: the listed file '../../etc/passwd' leaves its folder ('..', '.' or an "
        "empty name)",)


def test_content_that_does_not_validate(make_release: Publish) -> None:
    """A manifest rewritten to match broken content still does not pass."""
    import hashlib

    release = make_release("1")
    broken = b"format: 1\ntitle: x\nevents: 3\n"
    (release / CONTENT / "exhibit.yaml").write_bytes(broken)

    def match(raw: dict[str, object]) -> None:
        for entry in raw["files"]:  # type: ignore[attr-defined]
            if entry["path"] == "exhibit.yaml":
                entry.update(size=len(broken), sha256=hashlib.sha256(broken).hexdigest())

    edit_manifest(release, match)
    (reason,) = verify_release(release).reasons
    assert reason.startswith("its content does not validate (1 error; the first: exhibit.yaml:3")


# Wine makes os.symlink's links as Unix links that its Windows side does not report as links:
# real Windows does (is_symlink), and the check is the same code on both
@pytest.mark.posix
def test_a_link_inside_a_release_pointing_outside(make_release: Publish, tmp_path: Path) -> None:
    release = make_release("1")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"for the editors\n")  # same size and hash
    notes = release / CONTENT / "notes.txt"
    notes.unlink()
    try:
        os.symlink(secret, notes)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")
    assert verify_release(release).reasons == (
        f"content/notes.txt is a link (to {secret}); a release holds only plain files and "
        "folders, and a link could lead out of it",)


def test_a_release_renamed_while_it_is_read(make_release: Publish) -> None:
    """The folder is renamed after the first chunk is hashed: the release is not taken."""
    release = make_release("1")
    moved = release.with_name("moved")

    def rename_once(done: int, total: int) -> None:
        if done and release.exists():
            os.replace(release, moved)

    verdict = verify_release(release, progress=rename_once)
    assert not verdict.ok
    assert "disappeared while it was read" in verdict.reasons[0] or "renamed" in \
        verdict.reasons[0]


def test_hashing_reports_progress_and_can_be_cancelled(make_release: Publish,
                                                       content: Path) -> None:
    (content / "big.bin").write_bytes(os.urandom(3 * 1024 * 1024 + 5))
    release = make_release("1")
    seen: list[tuple[int, int]] = []
    assert verify_release(release, progress=lambda d, t: seen.append((d, t))).ok
    total = seen[-1][1]
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 4

    stop = threading.Event()
    chunks: list[int] = []

    def stop_after_one(done: int, total: int) -> None:
        chunks.append(done)
        if done:
            stop.set()

    verdict = verify_release(release, cancel=stop.is_set, progress=stop_after_one)
    assert verdict.cancelled and not verdict.ok and max(chunks) < total
