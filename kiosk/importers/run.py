"""`kiosk import` and `kiosk export --sheet`: which reader a source needs, and the report."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.problems import Problem
from kiosk.importers import sheet as own
from kiosk.importers import timelinejs
from kiosk.importers.draft import Draft
from kiosk.importers.report import ImportRefused, Report
from kiosk.importers.tables import read_csv, read_xlsx
from kiosk.importers.writer import check_target, write_folder

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


def read_source(source: Path, report: Report, language: str) -> Draft:
    """The Draft of any source the import knows, by its kind."""
    suffix = source.suffix.lower()
    if not source.exists():
        raise ImportRefused(f"{source}: no such file")
    if suffix == ".json":
        return timelinejs.from_json(source, report, language)
    if suffix in CSV_SUFFIXES:
        table = read_csv(source, report)
        if own.is_our_sheet(table.header):
            return own.from_tables({"Events": table}, source, report)
        if timelinejs.is_timelinejs_sheet(table.header):
            return timelinejs.from_sheet(table, source, report, language)
        raise ImportRefused(_unknown_columns(source, table.header))
    if suffix in XLSX_SUFFIXES:
        tables = {t.name: t for t in read_xlsx(source, report, own.SHEETS)}
        if "Events" in tables and own.is_our_sheet(tables["Events"].header):
            return own.from_tables(tables, source, report)
        first = next(iter(tables.values()))
        if timelinejs.is_timelinejs_sheet(first.header):
            return timelinejs.from_sheet(first, source, report, language)
        raise ImportRefused(_unknown_columns(source, first.header))
    if suffix in (".xls", ".ods", ".numbers"):
        raise ImportRefused(f"{source.name}: save it as an Excel workbook (.xlsx) or as CSV "
                            "UTF-8, then import that")
    raise ImportRefused(f"{source.name}: the import reads TimelineJS JSON (.json), and "
                        "spreadsheets as .csv or .xlsx")


def _unknown_columns(source: Path, header: list[str]) -> str:
    shown = ", ".join(repr(h) for h in header[:8] if h) or "nothing"
    return (f"{source.name}: row 1 has neither TimelineJS's columns (Year, Month, Day, ..., "
            f"Headline, Text, Media) nor the kiosk sheet's (id, date, title:en, ...); it "
            f"has {shown}")


def import_source(source: Path, out: Path, force: bool = False, language: str = "en",
                  report: Report | None = None) -> tuple[Report, list[Problem]]:
    """Import `source` into the new content folder `out`. Returns the report and the
    warnings `kiosk validate` has for the new folder; raises ImportRefused (nothing
    written) when the source cannot be imported or has errors, which `report` then lists."""
    report = report if report is not None else Report(source.name)
    check_target(out, force)  # before the work: a wrong target is told at once
    draft = read_source(source, report, language)
    if report.errors:
        raise ImportRefused(f"{len(report.errors)} error"
                            f"{'' if len(report.errors) == 1 else 's'} in {source.name}; "
                            "nothing was written")
    warnings = write_folder(draft, out, force)
    pictures = {m.image for e in draft.events for m in e.media}
    in_exhibit = sum(e.file == "exhibit.yaml" for e in draft.events)
    report.made.append(
        f"made {out}: {_count(len(draft.events), 'event')} "
        f"({_count(len(draft.events) - in_exhibit, 'file')} in events/), "
        f"{_count(len(draft.eras), 'era')}, {_count(len(pictures), 'picture')} in media/, "
        f"languages {', '.join(draft.languages)}")
    return report, warnings


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def export_sheet(folder: Path, sheet: Path, force: bool = False) -> list[str]:
    return own.export_sheet(folder, sheet, force)
