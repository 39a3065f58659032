"""Whole or not at all: the atomic write and the folder removal."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from kiosk.releases import disk


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "current.json"
    path.write_text("old\n", encoding="utf-8")

    def full(file: BinaryIO, data: memoryview) -> None:
        file.write(data[:2])
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        disk.write_atomic(path, b"new\n", full)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["current.json"]


def test_a_rename_refused_for_a_moment_is_tried_again(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file another program has open (Syncthing reading the
    old status file); it is tried again rather than lost."""
    refusals = [PermissionError(13, "Access is denied")]
    real = os.replace

    def replace(source: Path, target: Path) -> None:
        if refusals:
            raise refusals.pop()
        real(source, target)

    monkeypatch.setattr(disk.os, "replace", replace)
    monkeypatch.setattr(disk.time, "sleep", lambda seconds: None)
    disk.write_atomic(tmp_path / "status.json", b"{}\n")
    assert (tmp_path / "status.json").read_bytes() == b"{}\n"
    assert refusals == []


def test_a_removed_folder_is_gone_at_once_and_completely(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    (folder / "content" / "media").mkdir(parents=True)
    (folder / "content" / "media" / "a.jpg").write_bytes(b"x")
    os.chmod(folder / "content" / "media" / "a.jpg", 0o444)  # read-only, as on Windows
    assert disk.remove_tree(folder) is None
    assert list(tmp_path.iterdir()) == []
    assert disk.remove_tree(folder) is None  # already gone: nothing to say
