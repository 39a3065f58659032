"""Files written whole or not at all (kiosk.core.atomic), as the watcher, Syncthing and
the PIN store rely on."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from kiosk.core import atomic


def test_a_file_is_replaced_whole_and_no_temporary_is_left(tmp_path: Path) -> None:
    path = tmp_path / "status.json"
    path.write_bytes(b"old\n")
    atomic.write_atomic(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["status.json"]


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "pointer.json"
    path.write_bytes(b"old\n")

    def full(file: BinaryIO, data: memoryview) -> None:
        file.write(data[:2])
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        atomic.write_atomic(path, b"new, longer\n", full)
    assert path.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pointer.json"]


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no Unix permission bits")
def test_private_files_are_never_readable_by_others_and_old_modes_are_kept(
        tmp_path: Path) -> None:
    secret = tmp_path / "kiosk.toml"
    atomic.write_atomic(secret, b'pin_hash = "x"\n', private=True)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    shared = tmp_path / "script.sh"
    shared.write_bytes(b"#!/bin/sh\n")
    os.chmod(shared, 0o751)
    atomic.write_atomic(shared, b"#!/bin/sh\necho\n")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o751


def test_a_rename_refused_for_a_moment_is_tried_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses a rename while a virus scanner or Syncthing holds the file."""
    real_replace = os.replace
    refused = [3]

    def busy(source: Path, target: Path) -> None:
        if refused[0]:
            refused[0] -= 1
            raise PermissionError(13, "The process cannot access the file")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", busy)
    monkeypatch.setattr(atomic, "RENAME_WAITS", (0.0,) * 5)
    atomic.write_atomic(tmp_path / "index.json", b"{}")
    assert refused == [0] and (tmp_path / "index.json").read_bytes() == b"{}"


def test_a_rename_refused_for_good_raises_and_cleans_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(source: Path, target: Path) -> None:
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", never)
    monkeypatch.setattr(atomic, "RENAME_WAITS", (0.0,) * 5)
    with pytest.raises(PermissionError):
        atomic.write_atomic(tmp_path / "index.json", b"{}")
    assert list(tmp_path.iterdir()) == []
