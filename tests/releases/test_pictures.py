"""A release carries what its publisher found of each picture, so a kiosk whose copy
matches every SHA-256 shows it without decoding every picture again (issue 22: the bundled
exhibit's first full check took 2 s of decoding); a changed picture is still caught."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kiosk.content import images, load_folder
from kiosk.releases.manifest import CONTENT, MANIFEST, read_manifest
from kiosk.releases.publish import publish
from kiosk.releases.store import ReleaseStore
from kiosk.releases.verify import verify_release
from tests.conftest import write_image
from tests.releases.conftest import T0

EXHIBIT = """\
format: 1
title: Pictures
events:
  - id: first
    date: 1981
    title: First
    media:
      - image: media/one.jpg
        alt: A blue square
      - image: media/two.png
        alt: A green square
"""


@pytest.fixture
def release(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    (source / "exhibit.yaml").write_text(EXHIBIT, encoding="utf-8")
    write_image(source / "media" / "one.jpg", (640, 480))
    write_image(source / "media" / "two.png", (300, 200), "PNG", (20, 140, 60))
    return publish(source, tmp_path / "outbox", version="1", now=T0).folder


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The pictures decoded from now on, in a process that has seen none (a kiosk)."""
    images.forget()
    seen: list[Path] = []
    real = images._check

    def counted(path: Path, size: int) -> images.ImageInfo:
        seen.append(path)
        return real(path, size)

    monkeypatch.setattr(images, "_check", counted)
    return seen


def test_the_manifest_says_what_the_publisher_found_of_each_picture(release: Path) -> None:
    pictures = {entry.path: entry.picture for entry in read_manifest(release).files}
    one, two = pictures.pop("media/one.jpg"), pictures.pop("media/two.png")
    assert pictures == {"exhibit.yaml": None}
    assert one is not None and one[:4] == ("JPEG", 640, 480, 1)
    assert two is not None and two[:4] == ("PNG", 300, 200, 1)


def test_a_matching_release_is_checked_without_decoding_its_pictures(
        release: Path, decodes: list[Path]) -> None:
    verdict = verify_release(release)
    assert verdict.ok and decodes == []


def test_a_kept_copy_loads_without_decoding_its_pictures(
        release: Path, decodes: list[Path], tmp_path: Path) -> None:
    """The kiosk copies a release into its store and shows the copy: its first load
    decodes nothing either."""
    taken = ReleaseStore(tmp_path / "store").take(verify_release(release))
    assert load_folder(taken.release.content).exhibit is not None
    assert decodes == []


def test_a_picture_changed_after_publishing_is_still_caught(
        release: Path, decodes: list[Path]) -> None:
    """A JPEG cut short with its manifest rewritten to match: the hash passes, the
    picture's facts do not (the file is not the one the publisher decoded)."""
    picture = release / CONTENT / "media" / "one.jpg"
    picture.write_bytes(picture.read_bytes()[:400])
    raw = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    for entry in raw["files"]:
        if entry["path"] == "media/one.jpg":
            entry.update(size=400, sha256=hashlib.sha256(picture.read_bytes()).hexdigest())
            del entry["picture"]  # an editor's tool that rewrote the manifest by hand
    (release / MANIFEST).write_text(json.dumps(raw), encoding="utf-8")
    verdict = verify_release(release)
    assert not verdict.ok and "one.jpg" in verdict.reasons[0]
    assert [p.name for p in decodes] == ["one.jpg"]


def test_picture_facts_of_the_wrong_shape_are_ignored(
        release: Path, decodes: list[Path]) -> None:
    raw = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    for entry in raw["files"]:
        if "picture" in entry:
            entry["picture"] = ["GIF", -1, "wide"]
    (release / MANIFEST).write_text(json.dumps(raw), encoding="utf-8")
    assert verify_release(release).ok
    assert sorted(p.name for p in decodes) == ["one.jpg", "two.png"]
