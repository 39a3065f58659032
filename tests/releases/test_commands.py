"""The terminal commands: kiosk publish, kiosk releases, kiosk fleet status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.releases.fleet import KioskStatus, write_status
from kiosk.releases.publish import outbox_releases
from kiosk.releases.store import ReleaseStore


def test_publish_then_follow_then_list(content: Path, outbox: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", str(content), "--to", str(outbox), "--version", "1"]) == 0
    assert main(["publish", str(content), "--to", str(outbox)]) == 0
    out = capsys.readouterr().out
    assert "published Test exhibit version 1" in out and "version 2" in out
    assert "1 warning in the content (published all the same)" in out  # notes.txt: unused
    assert main(["publish", str(content), "--to", str(outbox), "--version", "2"]) == 1
    assert "not published: version 2 is published already" in capsys.readouterr().err
    home = tmp_path / "home"
    assert main(["releases", "--home", str(home), "follow", str(outbox)]) == 0
    assert "now shown" in capsys.readouterr().out
    assert main(["releases", "--home", str(home)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[1].startswith("* v2") and listed[1].endswith("(shown)")
    assert len(listed) == 2  # only what was taken: version 2
    assert main(["releases", "back", "--home", str(home)]) == 1
    assert "no older release" in capsys.readouterr().err


def test_publish_refuses_content_with_errors_and_prints_them(
        content: Path, outbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content / "exhibit.yaml").write_text("format: 1\ntitle: x\nevents: 3\n", encoding="utf-8")
    assert main(["publish", str(content), "--to", str(outbox)]) == 1
    captured = capsys.readouterr()
    assert "exhibit.yaml:3:" in captured.out  # as `kiosk validate` prints it
    assert "not published: " in captured.err
    assert outbox_releases(outbox) == []


def test_publish_keeps_as_many_as_the_setting_says(
        content: Path, outbox: Path, kiosk_home: Path) -> None:
    (kiosk_home / "kiosk.toml").write_text("releases_keep = 2\n", encoding="utf-8")
    for _ in range(3):
        assert main(["publish", str(content), "--to", str(outbox)]) == 0
    assert [r.manifest.version for r in outbox_releases(outbox)] == ["3", "2"]


def test_verify_says_why(content: Path, outbox: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    main(["publish", str(content), "--to", str(outbox), "--version", "1"])
    (release,) = [r.folder for r in outbox_releases(outbox)]
    capsys.readouterr()
    assert main(["releases", "verify", str(release)]) == 0
    assert "complete and valid, version 1, 2 files" in capsys.readouterr().out
    (release / "content" / "notes.txt").unlink()
    assert main(["releases", "verify", str(release)]) == 1
    assert "content/notes.txt is listed in release.json but not there" in \
        capsys.readouterr().out


def test_fleet_status_prints_one_table(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    now = dt.datetime.now(dt.UTC)
    for name in ("hall-a", "hall-b"):
        write_status(tmp_path / "fleet", KioskStatus(name, now, "r1", "1", "Show"))
    assert main(["fleet", "status", str(tmp_path / "fleet")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["KIOSK", "hall-a", "hall-b"]
    assert main(["fleet", "status", str(tmp_path / "empty")]) == 1


def test_releases_lists_nothing_in_a_new_home(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["releases", "--home", str(tmp_path)]) == 0
    assert "no releases kept" in capsys.readouterr().out
    assert ReleaseStore(tmp_path / "releases").releases() == []
