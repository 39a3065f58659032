"""Releases made from a small valid content folder, in tmp_path."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.releases.manifest import MANIFEST
from kiosk.releases.publish import publish
from tests.conftest import MINIMAL

Publish = Callable[..., Path]
T0 = dt.datetime(2026, 12, 7, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A valid content folder with one event and a text file beside it."""
    root = tmp_path / "source"
    (root / "events").mkdir(parents=True)
    (root / "exhibit.yaml").write_text(MINIMAL, encoding="utf-8")
    (root / "notes.txt").write_bytes(b"for the editors\n")  # bytes: the same on Windows
    return root


@pytest.fixture
def outbox(tmp_path: Path) -> Path:
    return tmp_path / "outbox"


@pytest.fixture
def make_release(content: Path, outbox: Path) -> Publish:
    """Publish `content` (title changed to say which) into the outbox; the release folder."""

    def make(version: str, at: dt.datetime = T0, title: str | None = None,
             box: Path | None = None) -> Path:
        if title is not None:
            (content / "exhibit.yaml").write_text(
                MINIMAL.replace("Test exhibit", title), encoding="utf-8")
        return publish(content, box or outbox, version=version, now=at, user="editor",
                       machine="office").folder

    return make


def edit_manifest(release: Path, change: Callable[[dict[str, object]], None]) -> None:
    path = release / MANIFEST
    raw = json.loads(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(json.dumps(raw), encoding="utf-8")
