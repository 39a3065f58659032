"""`kiosk publish`: a release is a validated copy plus a manifest written last."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.releases.manifest import CONTENT, MANIFEST, read_manifest
from kiosk.releases.publish import PublishRefused, outbox_releases, publish
from kiosk.releases.verify import verify_release
from tests.releases.conftest import T0, Publish


def test_a_release_holds_the_content_and_a_manifest_of_every_file(
        content: Path, outbox: Path) -> None:
    done = publish(content, outbox, version="3", now=T0, user="ana", machine="office-pc")
    assert done.folder.name == "test-exhibit-v3-20261207T100000Z"
    manifest = read_manifest(done.folder)
    assert (manifest.exhibit_id, manifest.version, manifest.title) == (
        "test-exhibit", "3", (("en", "Test exhibit"),))
    assert (manifest.published_by, manifest.machine, manifest.published_at) == (
        "ana", "office-pc", T0)
    assert manifest.requires_kiosk == __version__
    listed = {e.path: (e.size, e.sha256) for e in manifest.files}
    data = (content / "exhibit.yaml").read_bytes()
    assert listed == {
        "exhibit.yaml": (len(data), hashlib.sha256(data).hexdigest()),
        "notes.txt": (16, hashlib.sha256(b"for the editors\n").hexdigest()),
    }
    assert (done.folder / CONTENT / "exhibit.yaml").read_bytes() == data
    assert verify_release(done.folder).ok


def test_content_with_errors_is_refused_with_its_problems(content: Path, outbox: Path) -> None:
    (content / "exhibit.yaml").write_text("format: 1\ntitle: x\nevents: 3\n", encoding="utf-8")
    with pytest.raises(PublishRefused) as refused:
        publish(content, outbox, version="1")
    assert refused.value.problems and refused.value.problems[0].file == "exhibit.yaml"
    assert not outbox.exists() or outbox_releases(outbox) == []


def test_a_version_is_published_once(make_release: Publish, content: Path, outbox: Path) -> None:
    make_release("2")
    with pytest.raises(PublishRefused, match=r"version 2.0 \(the same as 2\) is published already .* publish "
                       r"version 3"):
        publish(content, outbox, version="2.0", now=T0 + dt.timedelta(hours=1))
    with pytest.raises(PublishRefused, match="older than 2"):
        publish(content, outbox, version="1")
    assert [r.manifest.version for r in outbox_releases(outbox)] == ["2"]


def test_without_a_version_the_next_one_is_taken(make_release: Publish, content: Path,
                                                  outbox: Path) -> None:
    assert publish(content, outbox, now=T0).manifest.version == "1"
    assert publish(content, outbox, now=T0 + dt.timedelta(minutes=1)).manifest.version == "2"


def test_the_outbox_keeps_the_last_n(make_release: Publish, content: Path,
                                     outbox: Path) -> None:
    for n in range(1, 4):
        make_release(str(n), at=T0 + dt.timedelta(hours=n))
    done = publish(content, outbox, version="4", keep=2, now=T0 + dt.timedelta(hours=4))
    assert [r.manifest.version for r in outbox_releases(outbox)] == ["4", "3"]
    assert len(done.removed) == 2
    assert sorted(p.name for p in outbox.iterdir() if not p.name.startswith(".")) == sorted(
        r.folder.name for r in outbox_releases(outbox))


# Wine makes os.symlink's links as Unix links that its Windows side does not report as links
@pytest.mark.posix
def test_hidden_files_are_not_published_and_a_link_outside_refuses(
        content: Path, outbox: Path, tmp_path: Path) -> None:
    (content / ".git").mkdir()
    (content / ".git" / "config").write_text("x", encoding="utf-8")
    done = publish(content, outbox, version="1", now=T0)
    assert {e.path for e in done.manifest.files} == {"exhibit.yaml", "notes.txt"}
    secret = tmp_path / "secret.txt"
    secret.write_text("password", encoding="utf-8")
    try:
        os.symlink(secret, content / "leak.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links cannot be made here")
    with pytest.raises(PublishRefused, match=r"leak\.txt is a link to a place outside"):
        publish(content, outbox, version="2", now=T0)


def test_a_cut_short_publication_leaves_no_release(content: Path, outbox: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the manifest is written: the folder is removed again."""
    import kiosk.releases.publish as module

    def full(path: Path, data: bytes, writer: object = None) -> None:
        if path.name == MANIFEST:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "write_atomic", full)
    with pytest.raises(PublishRefused, match="No space left on device; nothing was published"):
        publish(content, outbox, version="1", now=T0)
    assert [p.name for p in outbox.iterdir() if not p.name.startswith(".")] == []


def test_the_manifest_is_plain_utf8_json(make_release: Publish) -> None:
    release = make_release("1", title="展览")
    raw = json.loads((release / MANIFEST).read_text(encoding="utf-8"))
    assert raw["exhibit"]["title"] == {"en": "展览"}
    assert raw["exhibit"]["id"] == "source"  # no ASCII in the title: the folder's name


def test_an_outbox_inside_the_content_folder_is_refused(content: Path) -> None:
    with pytest.raises(PublishRefused, match="is inside the content folder"):
        publish(content, content / "outbox", version="1")
    assert not (content / "outbox").exists()
