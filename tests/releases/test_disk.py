"""Whole or not at all: the atomic write and the folder removal."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from kiosk.core import atomic
from kiosk.releases import disk


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "current.json"
    path.write_text("old\n", encoding="utf-8")

    def full(file: BinaryIO, data: memoryview) -> None:
        file.write(data[:2])
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        atomic.write_atomic(path, b"new\n", full)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["current.json"]


def test_a_removed_folder_is_gone_at_once_and_completely(tmp_path: Path) -> None:
    folder = tmp_path / "release"
    (folder / "content" / "media").mkdir(parents=True)
    (folder / "content" / "media" / "a.jpg").write_bytes(b"x")
    os.chmod(folder / "content" / "media" / "a.jpg", 0o444)  # read-only, as on Windows
    assert disk.remove_tree(folder) is None
    assert list(tmp_path.iterdir()) == []
    assert disk.remove_tree(folder) is None  # already gone: nothing to say
