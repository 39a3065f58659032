"""`kiosk stats`: the visitor statistics as an HTML report and CSV tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli import arguments
from kiosk.cli.registry import Subparsers
from kiosk.services import exits

NAMES = ("stats",)


def stats_file_name() -> str:
    from kiosk.ui.statistics.database import FILE_NAME

    return FILE_NAME


def add_parsers(sub: Subparsers) -> None:
    stats = sub.add_parser("stats", help="visitor statistics: an HTML report, CSV tables",
                           description="Report the kiosks' visitor statistics. Without files, "
                           "this kiosk's own; several files (one per kiosk) merge.")
    stats.add_argument("files", nargs="*", metavar="DB", help="statistics files "
                       f"({stats_file_name()}), e.g. copied from several kiosks")
    stats.add_argument("--since", type=arguments.date, metavar="YYYY-MM-DD", help="first day")
    stats.add_argument("--until", type=arguments.date, metavar="YYYY-MM-DD", help="last day")
    stats.add_argument("--html", metavar="FILE", help="write the report as one HTML file")
    stats.add_argument("--csv", metavar="DIR", help="write the report's tables as CSV files")


def run(args: argparse.Namespace) -> int:
    from kiosk.ui.statistics.database import default_path

    files = [Path(f) for f in args.files] or [default_path()]
    if args.since and args.until and args.since > args.until:
        print("--since is after --until; nothing to report", file=sys.stderr)
        return exits.USAGE
    html_path = Path(args.html) if args.html else None
    csv_folder = Path(args.csv) if args.csv else None
    from kiosk.tools.outputs import OutputError, writable_file, writable_folder, write_text
    from kiosk.ui.statistics.report import build, write_csv

    try:  # before the work: a wrong path is told at once
        if html_path is not None:
            writable_file(html_path, "the report")
        if csv_folder is not None:
            writable_folder(csv_folder, "the tables")
    except OutputError as exc:
        print(exc, file=sys.stderr)
        return exits.PROBLEMS
    report = build(files, args.since, args.until)
    try:
        if html_path is not None:
            from kiosk.services.settings import load_settings
            from kiosk.ui.statistics.report_html import branding, render

            brand = branding(load_settings())
            if brand.problem:
                print(brand.problem, file=sys.stderr)
            write_text(html_path, render(report, brand=brand), "the report")
        if csv_folder is not None:
            try:
                write_csv(report, csv_folder)
            except OSError as exc:
                raise OutputError(f"cannot write the tables in {csv_folder}: "
                                  f"{exc.strerror or exc} ({exc.filename})") from None
    except OutputError as exc:
        print(exc, file=sys.stderr)
        return exits.PROBLEMS
    for problem in [*report.problems, *report.left_out]:
        print(problem, file=sys.stderr)
    from kiosk.ui.statistics.report import counted, summary_sentence

    for row in report.tables["summary"].rows:
        print(f"{row[0]}: {counted(int(str(row[3])), 'visit')}, "
              f"{counted(int(str(row[4])), 'event view')}, {row[1]} to {row[2]}, "
              f"median visit {row[9]} to the last touch ({row[6]} with the idle time)")
    if report.tables["summary"].rows:
        print(summary_sentence(report))
    else:
        print("no visits in these files and dates")
    if html_path is not None:
        print(f"report: {html_path}")
    if csv_folder is not None:
        print(f"tables: {csv_folder}")
    return exits.PROBLEMS if report.problems and len(report.problems) == len(files) else exits.OK
