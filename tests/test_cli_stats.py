"""`kiosk stats` on the command line: clear messages for what it cannot report."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.ui.statistics.database import ContentInfo
from kiosk.ui.statistics.writer import Statistics


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


# --- files from other kiosks with damaged rows (issue 28) ----------------------------------

def visited_file(path: Path) -> Path:
    """A statistics file with two sound visits, to which a test adds damaged rows."""
    from tests.conftest import FakeClock

    clock = FakeClock()
    clock.at("10:00")
    stats = Statistics(path, "Hall B", "test", clock=clock, now=clock.now)
    stats.start(ContentInfo("c", {"en": "=E"}, (("a", {"en": "=HYPERLINK(\"x\")"}),
                                                ("b", {"en": "B"}))))
    for event in ("a", "b"):
        stats.visit_start("en")
        stats.view(event)
        clock.wait(5)
        stats.visit_end("home")
    stats.close()
    return path


DAMAGE = {
    "titles that are not JSON": "UPDATE events SET titles = '{not json' WHERE key = 'b'",
    "JSON that is not an object": "UPDATE events SET titles = '[1, 2]' WHERE key = 'b'",
    "a view whose event row is missing": "UPDATE views SET event = 99 WHERE event = "
                                         "(SELECT id FROM events WHERE key = 'b')",
    "a visit whose setup row is missing": "UPDATE visits SET setup = 77 WHERE id = "
                                          "(SELECT max(id) FROM visits)",
    "a start time that is not a time": "UPDATE visits SET started = 'yesterday' WHERE id = "
                                       "(SELECT max(id) FROM visits)",
    "a day the calendar lacks": "UPDATE visits SET started = '2026-02-30 25:00:00' WHERE id = "
                                "(SELECT max(id) FROM visits)",
    "a start time that is a number": "UPDATE visits SET started = 1.5e300 WHERE id = "
                                     "(SELECT max(id) FROM visits)",
    "a length that is not a number": "UPDATE visits SET duration_ms = 'long' WHERE id = "
                                     "(SELECT max(id) FROM visits)",
    "a setup whose exhibit is not JSON": "INSERT INTO setups (id, kiosk, content, program, "
                                         "exhibit, event_count) VALUES (5, 'Hall C', 'c5', "
                                         "'p', '{', 1)",
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_damaged_rows_are_left_out_and_counted(tmp_path: Path, damage: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    sound = visited_file(tmp_path / "hall-a.sqlite3")
    path = visited_file(tmp_path / "hall-b.sqlite3")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(DAMAGE[damage])
    conn.close()
    assert main(["stats", str(sound), str(path), "--csv", str(tmp_path / "csv")]) == 0
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "of hall-b.sqlite3 could not be read and" in err
    assert "left out" in err
    assert "Hall B:" in out  # the report is still made, with what was sound
    assert "hall-a.sqlite3" not in err


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(tmp_path: Path) -> None:
    path = visited_file(tmp_path / "s.sqlite3")
    assert main(["stats", str(path), "--csv", str(tmp_path / "csv")]) == 0
    table = (tmp_path / "csv" / "events_by_views.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in table
    assert ",=" not in table and "\n=" not in table
    from kiosk.ui.statistics.report import cell

    for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert cell(dangerous) == "'" + dangerous
    assert cell(-1) == -1 and cell("a=b") == "a=b"
