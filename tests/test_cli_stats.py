"""`kiosk stats` on the command line: clear messages for what it cannot report."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.services.stats import Statistics
from kiosk.services.stats_db import ContentInfo


def empty_file(path: Path) -> Path:
    stats = Statistics(path, "Hall A", "test")
    stats.start(ContentInfo("c", {"en": "E"}, (("a", {"en": "A"}),)))
    stats.close()
    return path


def test_files_that_cannot_be_read_are_named(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    assert main(["stats", str(tmp_path / "missing.sqlite3"), str(garbage),
                 "--csv", str(tmp_path / "csv")]) == 1
    err = capsys.readouterr().err
    assert "missing.sqlite3: no such file" in err
    assert "garbage.sqlite3: not a statistics file" in err
    assert "Traceback" not in err


def test_no_visits_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = empty_file(tmp_path / "s.sqlite3")
    assert main(["stats", str(path), "--csv", str(tmp_path / "csv")]) == 0
    assert "no visits in these files and dates" in capsys.readouterr().out
    csv = (tmp_path / "csv" / "visits_per_day.csv").read_bytes()
    assert csv == "\ufeffday,visits\r\n".encode()  # a header, for spreadsheets on Windows


def test_dates_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = empty_file(tmp_path / "s.sqlite3")
    assert main(["stats", str(path), "--since", "2026-12-01", "--until", "2026-11-01"]) == 2
    assert "--since is after --until" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["stats", str(path), "--since", "24.11.2026"])
    assert "'24.11.2026' is not a date like 2026-11-24" in capsys.readouterr().err
