"""`kiosk import` and `kiosk export`: a content folder from a TimelineJS timeline or the
kiosk's sheet, and a content folder as the kiosk's sheet (issue 21)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli.registry import Subparsers
from kiosk.services import exits

NAMES = ("import", "export")


def add_parsers(sub: Subparsers) -> None:
    imp = sub.add_parser("import", help="make a content folder from a TimelineJS timeline "
                         "(JSON, CSV, .xlsx) or the kiosk's own sheet")
    imp.add_argument("source", help="a TimelineJS .json, a .csv or .xlsx sheet")
    imp.add_argument("--out", required=True, metavar="FOLDER", help="the new content folder")
    imp.add_argument("--force", action="store_true", help="replace FOLDER if it exists")
    imp.add_argument("--language", default="en", metavar="CODE",
                     help="the language of a TimelineJS timeline's texts (default: en)")
    exp = sub.add_parser("export", help="write a content folder as the kiosk's sheet (.xlsx)")
    exp.add_argument("folder", help="content folder")
    exp.add_argument("--sheet", required=True, metavar="FILE.xlsx", help="the workbook")
    exp.add_argument("--force", action="store_true", help="replace FILE.xlsx if it exists")


SHOWN_WARNINGS = 50  # of the new folder's, as `kiosk validate` shows 50 per file


def run(args: argparse.Namespace) -> int:
    from kiosk.importers import ImportRefused, Report, export_sheet, import_source

    if args.command == "export":
        try:
            for line in export_sheet(Path(args.folder), Path(args.sheet), args.force):
                print(line)
        except ImportRefused as exc:
            print(exc, file=sys.stderr)
            return exits.PROBLEMS
        return exits.OK
    report = Report(Path(args.source).name)
    try:
        report, warnings = import_source(Path(args.source), Path(args.out), args.force,
                                         args.language, report)
    except ImportRefused as exc:
        for line in report.lines():
            print(line)
        print(exc, file=sys.stderr)
        return exits.PROBLEMS
    for line in report.lines():
        print(line)
    for problem in warnings[:SHOWN_WARNINGS]:
        print(f"{args.out}/{problem}")
    if len(warnings) > SHOWN_WARNINGS:
        print(f"and {len(warnings) - SHOWN_WARNINGS:,} more warnings: kiosk validate {args.out}")
    for line in report.made:
        print(line)
    print(f"kiosk validate {args.out}: 0 errors, {len(warnings)} warning"
          f"{'' if len(warnings) == 1 else 's'}")
    return exits.OK
