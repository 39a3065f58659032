"""Reading a spreadsheet, CSV or .xlsx, into rows of text, bounded and with every oddity
told at its row: the encodings Excel writes (UTF-8 with or without a BOM, UTF-16 from
"Unicode Text", Windows-1252 from "CSV" on Windows), semicolons from a European Excel,
merged cells and formulas. Sizes are checked before anything is read whole."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core import limits as L
from kiosk.importers.report import ImportRefused, Report

MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a CSV or JSON file: 1,000 long bilingual events fit
MAX_SHEET_XML_BYTES = 64 * 1024 * 1024  # an .xlsx, unpacked: checked in its zip directory
MAX_CELL_CHARS = 200_000  # ten bodies' worth: an event's text with its HTML
MAX_ROWS = L.MAX_EVENTS + 100  # filled rows: the events, the title and the eras
MAX_READ_ROWS = 20 * MAX_ROWS  # rows read at all, blank ones included: no endless reading


@dataclass
class Table:
    name: str  # the sheet's name ("" for a CSV)
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as a spreadsheet shows it, cells)

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
        for number, cells in self.rows:
            yield number, {name: cells[i] if i < len(cells) else ""
                           for i, name in enumerate(self.header) if name}


def check_size(path: Path, what: str) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    if not path.is_file():
        raise ImportRefused(f"{path} is not a file")
    if size > MAX_SOURCE_BYTES:
        raise ImportRefused(f"{path.name} is {size / 2**20:,.0f} MB; a {what} the kiosk can "
                            f"show is at most {MAX_SOURCE_BYTES // 2**20} MB: nothing was "
                            "read")
    return size


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, name: str, report: Report) -> str:
    """The text of a CSV file in the encoding Excel most likely wrote it in; what was
    assumed is told, and a byte that no encoding explains is an error at its line."""
    if data.startswith(codecs.BOM_UTF8):
        report.note("", "starts with a byte order mark (BOM): read as UTF-8")
        return _strict(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        report.note("", "read as UTF-16 (Excel's \"Unicode Text\")")
        return _strict(data, "utf-16", name)
    head = data[:4096]
    if head and head.count(b"\x00") > len(head) // 4:  # UTF-16 without its mark
        encoding = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        report.note("", f"read as {encoding.upper()} (no byte order mark)")
        return _strict(data, encoding, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        where = f"line {_line_of(data, exc.start)}"
    if _looks_like_gbk(data):
        report.warning(where, f"not UTF-8 (byte 0x{bad:02X}): read as GB18030 (GBK), as "
                       "Excel in Chinese saves \"CSV\"; check the Chinese, or save it as "
                       "\"CSV UTF-8\" to be sure")
        return data.decode("gb18030")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{name}: line {_line_of(data, exc.start)}: neither UTF-8 nor "
                            f"Windows-1252 (byte 0x{data[exc.start]:02X}); save it from "
                            "Excel as \"CSV UTF-8\" and import again") from None
    report.warning(where, f"not UTF-8 (byte 0x{bad:02X}): read as Windows-1252, as Excel "
                   "on Windows saves \"CSV\"; check accented letters, or save it as \"CSV "
                   "UTF-8\" to be sure")
    return text


GBK_SAMPLE = 65_536  # bytes looked at to tell GBK from Windows-1252


def _looks_like_gbk(data: bytes) -> bool:
    """Excel in Chinese saves "CSV" in GBK, whose common characters (GB2312) are two bytes
    from 0xA1 to 0xFE each; Windows-1252 text that happens to decode as GBK pairs an accented
    letter with a plain one ("Niño": 0xF1 0x6F). GBK when it all decodes and nine pairs in ten
    are of the common kind."""
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    sample, i, pairs, common = data[:GBK_SAMPLE], 0, 0, 0
    while i < len(sample):
        if sample[i] < 0x80:
            i += 1
            continue
        trail = sample[i + 1] if i + 1 < len(sample) else 0
        pairs += 1
        common += 0xA1 <= sample[i] <= 0xFE and 0xA1 <= trail <= 0xFE
        i += 2
    return pairs > 0 and common >= 0.9 * pairs


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportRefused(f"{name}: line {_line_of(data, exc.start)}: not valid "
                            f"{encoding.upper()} (byte 0x{data[exc.start]:02X})") from None


def _delimiter(text: str, report: Report) -> str:
    """Comma, semicolon (a European Excel) or tab (Excel's "Unicode Text"), from the
    header line."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        return ","
    if sep == ";":
        report.note("row 1", "columns separated by semicolons (as a European Excel saves "
                    "CSV): read that way")
    elif sep == "\t":
        report.note("row 1", "columns separated by tabs: read that way")
    return sep


def _bounded(rows: Iterable[tuple[int, list[str]]], name: str
             ) -> list[tuple[int, list[str]]]:
    out: list[tuple[int, list[str]]] = []
    for read, (number, cells) in enumerate(rows):
        if any(cell.strip() for cell in cells):
            if len(out) > MAX_ROWS:  # the header row, then MAX_ROWS rows
                raise ImportRefused(
                    f"{name}: row {number}: more than {MAX_ROWS:,} filled rows; the kiosk "
                    f"shows at most {L.MAX_EVENTS:,} events, so nothing was imported: "
                    "split the sheet into several exhibits")
            out.append((number, cells))
        elif read > MAX_READ_ROWS:
            break  # a sheet formatted down to row 1,048,576: the rest is blank
    return out


def read_csv(path: Path, report: Report) -> Table:
    check_size(path, "spreadsheet")
    data = path.read_bytes()
    text = decode(data, path.name, report)
    sep = _delimiter(text, report)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    old_limit = csv.field_size_limit(MAX_CELL_CHARS)

    def rows() -> Iterator[tuple[int, list[str]]]:
        number = 0
        try:
            for number, cells in enumerate(reader, start=1):
                yield number, cells
        except csv.Error as exc:
            if "field larger" in str(exc):
                raise ImportRefused(f"{path.name}: row {number + 1}: a cell of more than "
                                    f"{MAX_CELL_CHARS:,} characters; the kiosk's longest "
                                    f"text, a story, is {L.BODY_CHARS:,}") from None
            raise ImportRefused(f"{path.name}: row {number + 1}: {exc}") from None

    try:
        table = _bounded(rows(), path.name)
    finally:
        csv.field_size_limit(old_limit)
    if not table:
        raise ImportRefused(f"{path.name} has no rows")
    (_, header), body = table[0], table[1:]
    return Table("", header, body)


# --- .xlsx --------------------------------------------------------------------------------
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')


def _check_zip(path: Path) -> None:
    check_size(path, "workbook")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRefused(f"{path.name} is not an .xlsx workbook ({exc}); save it from "
                            "Excel as \"Excel Workbook (.xlsx)\"") from None
    if unpacked > MAX_SHEET_XML_BYTES:
        raise ImportRefused(f"{path.name} holds {unpacked / 2**20:,.0f} MB of cells once "
                            f"unpacked; at most {MAX_SHEET_XML_BYTES // 2**20} MB: nothing "
                            "was read (is there a huge cell?)")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)  # as typed: a story's last line break is part of it


def _merged(path: Path, member: str) -> list[tuple[str, str]]:
    """The merged ranges of one worksheet, read from its XML as a stream."""
    found: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as archive, archive.open(member) as xml:
        tail = b""
        while chunk := xml.read(1 << 20):
            data = tail + chunk
            found += [(a.decode(), b.decode()) for a, b in _MERGE.findall(data)]
            cut = data.rfind(b"<")
            tail = data[cut:] if cut >= 0 else b""
            found = list(dict.fromkeys(found))
    return found


def read_xlsx(path: Path, report: Report, names: list[str] | None = None) -> list[Table]:
    """Worksheets of a workbook as text: those named (when present), else the first.
    Formulas are read as the value Excel saved; merged cells are an error at their range."""
    _check_zip(path)
    import openpyxl  # type: ignore[import-untyped]  # (no type stubs)
    from openpyxl.utils.cell import coordinate_from_string  # type: ignore[import-untyped]

    def open_book(data_only: bool) -> Any:
        try:
            return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise ImportRefused(f"{path.name} cannot be read as a workbook: {exc}") from None

    book = open_book(False)
    try:
        wanted = [n for n in (names or []) if n in book.sheetnames] or book.sheetnames[:1]
        tables: list[Table] = []
        for sheet_name in wanted:
            sheet = book[sheet_name]
            label = f"{path.name} [{sheet_name}]"
            formulas: dict[tuple[int, int], str] = {}

            def rows(sheet: Any = sheet, formulas: dict[tuple[int, int], str] = formulas,
                     label: str = label) -> Iterator[tuple[int, list[str]]]:
                for number, row in enumerate(sheet.iter_rows(), start=1):
                    cells = []
                    for column, cell in enumerate(row):
                        value = getattr(cell, "value", None)
                        if getattr(cell, "data_type", "") == "f":
                            formulas[(number, column)] = str(value)
                        text = _cell_text(value)
                        if len(text) > MAX_CELL_CHARS:
                            raise ImportRefused(f"{label}: row {number}: a cell of more "
                                                f"than {MAX_CELL_CHARS:,} characters")
                        cells.append(text)
                    yield number, cells

            table = _bounded(rows(), label)
            if formulas:
                table = _formula_values(open_book(True)[sheet_name], table, formulas,
                                        report, sheet_name)
            member = getattr(sheet, "_worksheet_path", None)
            if isinstance(member, str):
                for first, last in _merged(path, member):
                    row = coordinate_from_string(first)[1]
                    report.error(f"[{sheet_name}] row {row}, cells {first}:{last}",
                                 "merged cells: the value is read in the first cell only; "
                                 "unmerge them (Home > Merge & Center > Unmerge Cells) and "
                                 "type the value in every row")
            if not table:
                tables.append(Table(sheet_name, [], []))
                continue
            (_, header), body = table[0], table[1:]
            tables.append(Table(sheet_name, header, body))
        return tables
    finally:
        book.close()


def _formula_values(sheet: Any, table: list[tuple[int, list[str]]],
                    formulas: dict[tuple[int, int], str], report: Report, name: str
                    ) -> list[tuple[int, list[str]]]:
    """The value Excel saved for each formula (a workbook never opened in Excel has none:
    an error at the cell)."""
    from openpyxl.utils.cell import get_column_letter

    saved: dict[tuple[int, int], str] = {}
    last = max(row for row, _ in formulas)
    for number, values in enumerate(sheet.iter_rows(values_only=True, max_row=last), start=1):
        for column, cell in enumerate(values):
            if (number, column) in formulas:
                saved[(number, column)] = _cell_text(cell)
    by_row = dict(table)
    for (row, column), formula in formulas.items():
        where = f"[{name}] row {row}, cell {get_column_letter(column + 1)}{row}"
        value = saved.get((row, column), "")
        if value:
            report.warning(where, f"a formula ({formula[:40]}): its value as Excel saved "
                           f"it, {value[:40]!r}, was imported; type the value to be sure")
        else:
            report.error(where, f"a formula ({formula[:40]}) with no saved value (was the "
                         "file ever opened in Excel?); type the value instead")
        if row in by_row and column < len(by_row[row]):
            by_row[row][column] = value
    return table
