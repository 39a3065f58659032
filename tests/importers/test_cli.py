"""`kiosk import` and `kiosk export` at the command line: what they print, their exit."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import DATA
from tests.importers.common import FIXTURES


def test_kiosk_import_prints_what_it_made_and_every_problem(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "women"
    assert main(["import", str(FIXTURES / "women_in_computing.csv"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "women_in_computing.csv: row 5, column Media: warning: media 3, " \
        "'https://www.youtube.com/watch?v=aPweFhhXFvY': a YouTube video" in printed
    assert f"made {out}: 10 events" in printed
    # the curly quote of the template's own subtitle, and Ada Lovelace's 1815 far from the rest
    assert "is dated 1815, 127 years before every other event" in printed
    assert f"kiosk validate {out}: 0 errors, 2 warnings" in printed
    assert main(["validate", str(out)]) == 0


def test_kiosk_import_refuses_and_says_why(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cosmo"
    assert main(["import", str(FIXTURES / "cosmo.json"), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert "at most 10,000 years" in captured.err and "Traceback" not in captured.err
    assert not out.exists()
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    assert main(["import", str(FIXTURES / "eras.json"), "--out", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["import", str(FIXTURES / "eras.json"), "--out", str(out), "--force"]) == 0
    assert not (out / "keep.txt").exists()


def test_kiosk_export_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "unv.xlsx"
    assert main(["export", str(DATA), "--sheet", str(sheet)]) == 0
    assert f"wrote {sheet}: 24 events" in capsys.readouterr().out
    assert main(["export", str(DATA), "--sheet", str(sheet)]) == 1
    assert "already exists" in capsys.readouterr().err
