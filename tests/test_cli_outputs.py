"""`kiosk snapshot --out` and `kiosk stats --html/--csv` given a path they cannot write to:
one clear sentence and a non-zero exit, no traceback, nothing half done."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ui.statistics.database import ContentInfo
from kiosk.ui.statistics.writer import Statistics
from tests.conftest import DATA

Case = Callable[[Path], tuple[Path, str]]


def stats_file(path: Path) -> Path:
    stats = Statistics(path, "Hall A", "test")
    stats.start(ContentInfo("c", {"en": "E"}, (("a", {"en": "A"}),)))
    stats.close()
    return path


def an_existing_file(tmp: Path) -> tuple[Path, str]:
    path = tmp / "taken.txt"
    path.write_text("keep me", encoding="utf-8")
    return path, f"{path} is a file, not a folder"


def a_path_under_a_file(tmp: Path) -> tuple[Path, str]:
    path, _ = an_existing_file(tmp)
    return path / "inside", f"in {path / 'inside'}: "


def one_sentence(err: str, out: str, expected: str) -> None:
    assert "Traceback" not in err + out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], err


@pytest.mark.parametrize("case", [an_existing_file, a_path_under_a_file])
def test_snapshot_out_that_is_not_a_folder(tmp_path: Path, case: Case,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out, expected = case(tmp_path)
    assert main(["snapshot", str(DATA), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, expected)
    assert (tmp_path / "taken.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.posix
def test_snapshot_out_dev_full(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["snapshot", str(DATA), "--out", "/dev/full"]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, "/dev/full is a file, not a folder")


@pytest.mark.posix
def test_snapshot_out_in_a_read_only_folder(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions do not stop writing")
        assert main(["snapshot", str(DATA), "--out", str(locked)]) == 1
        one_sentence(capsys.readouterr().err, "", f"cannot write the PNGs in {locked}")
    finally:
        locked.chmod(stat.S_IRWXU)


@pytest.mark.parametrize("case", [an_existing_file, a_path_under_a_file])
def test_stats_csv_that_is_not_a_folder(tmp_path: Path, case: Case,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out, expected = case(tmp_path)
    assert main(["stats", str(stats_file(tmp_path / "s.sqlite3")), "--csv", str(out)]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, expected.replace("PNGs", "tables"))


def test_stats_csv_where_a_table_cannot_be_written(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "csv" / "summary.csv").mkdir(parents=True)  # a folder where a table goes
    assert main(["stats", str(stats_file(tmp_path / "s.sqlite3")), "--csv",
                 str(tmp_path / "csv")]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, f"cannot write the tables in {tmp_path / 'csv'}")
    assert "summary.csv" in captured.err


def test_stats_html_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(stats_file(tmp_path / "s.sqlite3")), "--html",
                 str(tmp_path)]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, f"{tmp_path} is a folder: give a file name for "
                 "the report")


def test_stats_html_under_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = a_path_under_a_file(tmp_path)
    assert main(["stats", str(stats_file(tmp_path / "s.sqlite3")), "--html",
                 str(out / "report.html")]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, "cannot write the report")


def kiosk_stats(*args: str) -> subprocess.CompletedProcess[str]:
    """`kiosk stats` in a process of its own when it draws the report's charts: the Qt
    application it makes must not outlive it into other tests."""
    return subprocess.run([sys.executable, "-m", "kiosk", "stats", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)


def test_stats_html_replaces_an_existing_report(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text("last week's", encoding="utf-8")
    run = kiosk_stats(str(stats_file(tmp_path / "s.sqlite3")), "--html", str(report))
    assert run.returncode == 0, run.stderr
    assert "<html" in report.read_text(encoding="utf-8").lower()


@pytest.mark.posix
def test_stats_html_to_dev_full(tmp_path: Path) -> None:
    run = kiosk_stats(str(stats_file(tmp_path / "s.sqlite3")), "--html", "/dev/full")
    assert run.returncode == 1
    one_sentence(run.stderr, run.stdout,
                 "cannot write the report to /dev/full: No space left on device")


@pytest.mark.posix
def test_stats_csv_to_dev_full(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", str(stats_file(tmp_path / "s.sqlite3")), "--csv", "/dev/full"]) == 1
    captured = capsys.readouterr()
    one_sentence(captured.err, captured.out, "/dev/full is a file, not a folder")
