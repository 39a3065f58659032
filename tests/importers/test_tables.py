"""Spreadsheets as Excel and Google write them, and as they go wrong: each oddity is read
or refused with its row, nothing half-written, nothing read whole that is too big."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from kiosk.content import LoadResult
from kiosk.importers import tables
from tests.importers.common import FIXTURES, imported, refused

HEADER = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
          "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
          "Media Thumbnail", "Type", "Group", "Background"]


def row(year: str = "", headline: str = "", text: str = "", kind: str = "",
        month: str = "", day: str = "") -> list[str]:
    cells = [""] * len(HEADER)
    cells[0], cells[1], cells[2] = year, month, day
    cells[9], cells[10], cells[15] = headline, text, kind
    return cells


def csv_text(rows: list[list[str]], sep: str = ",") -> str:
    def cell(value: str) -> str:
        return f'"{value}"' if any(c in value for c in f'{sep}"\n') else value
    return "\r\n".join(sep.join(cell(v) for v in r) for r in [HEADER, *rows]) + "\r\n"


ROWS = [row(headline="Café history", kind="title"), row("1985", "Café opens", "Crème brûlée"),
        row("1990", "Another", "Text")]


def titles(result: LoadResult) -> list[str]:
    assert result.exhibit is not None
    return [e.title.get("en") for e in result.exhibit.events]


@pytest.mark.parametrize(("encoding", "told"), [
    ("utf-8", None), ("utf-8-sig", "byte order mark"), ("utf-16", "UTF-16"),
    ("cp1252", "Windows-1252")])
def test_the_encodings_excel_writes(encoding: str, told: str | None, tmp_path: Path) -> None:
    sep = "\t" if encoding == "utf-16" else ","  # Excel's "Unicode Text" has tabs
    source = tmp_path / "sheet.csv"
    source.write_bytes(csv_text(ROWS, sep).encode(encoding))
    report, result = imported(source, tmp_path / "out")
    assert titles(result) == ["Café opens", "Another"]
    assert result.exhibit is not None and result.exhibit.title.get("en") == "Café history"
    said = "\n".join(report.lines())
    if told:
        assert told in said
    if encoding == "cp1252":
        assert "sheet.csv: line 2: warning: not UTF-8 (byte 0xE9)" in said


def test_a_csv_from_excel_in_chinese_is_read_as_gbk(tmp_path: Path) -> None:
    """Excel in Chinese saves "CSV" in GBK: read as such, not as Windows-1252 mojibake."""
    rows = [row(headline="联合国志愿人员组织与中国", kind="title"),
            row("1981", "首批志愿人员", "在华开展合作。"), row("1990", "Another", "Text")]
    source = tmp_path / "sheet.csv"
    source.write_bytes(csv_text(rows).encode("gbk"))
    report, result = imported(source, tmp_path / "out")
    assert titles(result) == ["首批志愿人员", "Another"]
    assert "read as GB18030 (GBK), as Excel in Chinese saves" in "\n".join(report.lines())


def test_windows_1252_that_also_decodes_as_gbk_stays_windows_1252(tmp_path: Path) -> None:
    rows = [row(headline="Niño history", kind="title"), row("1985", "Niño opens", "Año"),
            row("1990", "Another", "Text")]
    source = tmp_path / "sheet.csv"
    data = csv_text(rows).encode("cp1252")
    data.decode("gb18030")  # the trap: it decodes, as nonsense
    source.write_bytes(data)
    report, result = imported(source, tmp_path / "out")
    assert titles(result) == ["Niño opens", "Another"]
    assert "read as Windows-1252" in "\n".join(report.lines())


def test_bytes_no_encoding_explains_are_refused_at_their_line(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_bytes(csv_text(ROWS).encode("utf-8").replace(b"Another", b"An\x81\xe9ther"))
    text, _ = refused(source, tmp_path / "out")
    assert "sheet.csv: line 4: neither UTF-8 nor Windows-1252 (byte 0x81)" in text


def test_semicolons_of_a_european_excel(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text(csv_text(ROWS, ";"), encoding="utf-8", newline="")
    report, result = imported(source, tmp_path / "out")
    assert titles(result) == ["Café opens", "Another"]
    assert "separated by semicolons" in "\n".join(report.lines())


def test_ambiguous_and_worded_dates(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    rows = [row("12/03/2019", "Ambiguous"), row("March 2019", "Worded"),
            row("25/12/2019", "Only one reading")]
    source.write_text(csv_text(rows), encoding="utf-8", newline="")
    text, _ = refused(source, tmp_path / "out")
    assert ("sheet.csv: row 2, column Year: error: '12/03/2019' can be read two ways: "
            "3 December or 12 March 2019") in text
    assert "row 3, column Year: warning: 'March 2019' read as 2019-03" in text
    assert "row 4, column Year: warning: '25/12/2019' read as 2019-12-25" in text
    source.write_text(csv_text(rows[1:]), encoding="utf-8", newline="")
    _, result = imported(source, tmp_path / "out")
    assert result.exhibit is not None
    assert [(e.date.year, e.date.month, e.date.day) for e in result.exhibit.events] == [
        (2019, 3, None), (2019, 12, 25)]


def test_the_older_column_names(tmp_path: Path) -> None:
    source = tmp_path / "v1.csv"
    source.write_text("Start Date,End Date,Headline,Text,Media,Media Credit,Media Caption,"
                      "Media Thumbnail,Type,Tag\n"
                      "1981-05-12,1982,First,Hello,,,,,,Early\n", encoding="utf-8", newline="")
    report, result = imported(source, tmp_path / "out")
    assert result.exhibit is not None
    first = result.exhibit.events[0]
    assert (first.date.year, first.date.month, first.date.day) == (1981, 5, 12)
    assert first.end is not None and first.end.year == 1982
    assert "'Early' (1)" in "\n".join(report.lines())  # Tag is the older Group


def test_fifty_thousand_rows_are_refused_without_reading_them_all(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    source.write_text(csv_text([row(str(1000 + i % 900), f"Event {i}")
                                for i in range(50_000)]), encoding="utf-8", newline="")
    text, _ = refused(source, tmp_path / "out")
    assert f"row {tables.MAX_ROWS + 2}: more than {tables.MAX_ROWS:,} filled rows" in text
    assert "at most 1,000 events" in text


def test_a_file_too_big_is_refused_by_its_size_before_reading(tmp_path: Path) -> None:
    source = tmp_path / "huge.csv"
    with source.open("wb") as f:  # 200 MB, sparse: reading it would take long
        f.write(csv_text(ROWS).encode("utf-8"))
        f.truncate(200 * 1024 * 1024)
    text, _ = refused(source, tmp_path / "out")
    assert "huge.csv is 200 MB" in text and "at most 64 MB" in text and "nothing was read" \
        in text


def test_a_cell_too_long_is_refused_at_its_row(tmp_path: Path) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text(csv_text([*ROWS, row("1999", "Long", "x" * 300_000)]),
                      encoding="utf-8", newline="")
    text, _ = refused(source, tmp_path / "out")
    assert "sheet.csv: row 5: a cell of more than 200,000 characters" in text


def workbook(path: Path, rows: list[list[object]]) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for r in rows:
        sheet.append(r)
    book.save(path)
    return book


def test_an_xlsx_in_the_timelinejs_layout(tmp_path: Path) -> None:
    source = tmp_path / "t.xlsx"
    workbook(source, [row(headline="Title", kind="title"),
                      [1985, 6, None, None, None, None, None, None, None, "Numbers", "Body"]])
    _, result = imported(source, tmp_path / "out")
    assert result.exhibit is not None
    first = result.exhibit.events[0]
    assert (first.date.year, first.date.month, first.title.get("en")) == (1985, 6, "Numbers")


def test_merged_cells_are_an_error_at_their_range(tmp_path: Path) -> None:
    source = tmp_path / "t.xlsx"
    book = workbook(source, [row("1985", "A"), row("", "B"), row("1990", "C")])
    book.active.merge_cells("A2:A3")
    book.save(source)
    text, _ = refused(source, tmp_path / "out")
    assert "t.xlsx: [Sheet] row 2, cells A2:A3: error: merged cells" in text
    assert "Unmerge" in text


def _with_saved_value(path: Path, value: str) -> None:
    """Write into the workbook the value Excel would have saved with its formula (openpyxl
    writes formulas without one)."""
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = re.sub(rb"(<f>[^<]*</f>)<v\s*/>|(<f>[^<]*</f>)(?!<v>)",
                              lambda m: (m.group(1) or m.group(2)) + f"<v>{value}</v>".encode(),
                              body)
            dst.writestr(info, body)
    path.write_bytes(out.getvalue())


def test_formulas_are_read_as_their_saved_value_and_told(tmp_path: Path) -> None:
    source = tmp_path / "t.xlsx"
    workbook(source, [row("1985", "A"), ["=A2+5", None, None, None, None, None, None, None,
                                         None, "B"]])
    text, _ = refused(source, tmp_path / "out")  # never opened in Excel: no value saved
    assert "[Sheet] row 3, cell A3: error: a formula (=A2+5) with no saved value" in text
    _with_saved_value(source, "1990")
    report, result = imported(source, tmp_path / "out")
    assert result.exhibit is not None
    assert [e.date.year for e in result.exhibit.events] == [1985, 1990]
    assert "row 3, cell A3: warning: a formula (=A2+5): its value as Excel saved it, " \
        "'1990', was imported" in "\n".join(report.lines())


def test_a_huge_cell_in_a_workbook_is_refused_before_it_is_read(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    """A workbook is a zip: a 200 MB cell packs into a small file; its unpacked size is
    read from the zip's directory first. (The limit is lowered to keep the test quick.)"""
    monkeypatch.setattr(tables, "MAX_SHEET_XML_BYTES", 8 * 1024 * 1024)
    source = tmp_path / "t.xlsx"
    workbook(source, [row("1985", "A" * 32_000)])
    data = io.BytesIO(source.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":  # openpyxl writes inline
                body = body.replace(b"A" * 32_000, b"A" * (9 * 1024 * 1024))
            dst.writestr(info.filename, body)
    source.write_bytes(out.getvalue())
    assert source.stat().st_size < 200_000
    text, _ = refused(source, tmp_path / "out")
    assert "t.xlsx holds 9 MB of cells once unpacked; at most 8 MB" in text


def test_not_a_workbook(tmp_path: Path) -> None:
    source = tmp_path / "t.xlsx"
    source.write_text("Year,Headline\n1985,A\n", encoding="utf-8", newline="")
    text, _ = refused(source, tmp_path / "out")
    assert "t.xlsx is not an .xlsx workbook" in text


def test_a_csv_with_other_columns(tmp_path: Path) -> None:
    text, _ = refused(FIXTURES.parent / "timelinejs" / "LICENSE", tmp_path / "out")
    assert "reads TimelineJS JSON" in text
    source = tmp_path / "other.csv"
    source.write_text("title,count\nx,1\n", encoding="utf-8", newline="")
    text, _ = refused(source, tmp_path / "out")
    assert "row 1 has neither TimelineJS's columns" in text and "'title', 'count'" in text
