"""The command line: run, validate, snapshot, bench, schema, stats, import, export,
translate, publish, releases, fleet."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.services import exits
from kiosk.services.paths import content_folder

if TYPE_CHECKING:  # the composition root imports Qt: only `kiosk run` loads it
    from kiosk.app import RunOptions


MAX_SIDE = 16_384  # px: beyond any screen, and what a Qt window can be


def _size(text: str) -> tuple[int, int]:
    # ASCII digits only (int() takes '１９２０' too), and few: a size, not a number's length
    match = re.fullmatch(r"([0-9]{1,6})[xX]([0-9]{1,6})", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080")
    width, height = int(match[1]), int(match[2])
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError(f"'{text}' is too small; at least 200x200")
    if width > MAX_SIDE or height > MAX_SIDE:
        raise argparse.ArgumentTypeError(f"'{text}' is too large; at most "
                                         f"{MAX_SIDE}x{MAX_SIDE}")
    return width, height


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-24") from None


def _count(text: str) -> int:
    if re.fullmatch(r"[0-9]{1,6}", text) is None or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 1")
    return int(text)


def stats_file_name() -> str:
    from kiosk.services.stats_db import FILE_NAME

    return FILE_NAME


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Offline touch-screen "
                                     "exhibition kiosk: an interactive timeline from YAML.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command")

    validate = sub.add_parser("validate", help="check a content folder and list its problems")
    validate.add_argument("folder", nargs="?", help="content folder (default: the exhibit "
                          "the kiosk would show)")
    validate.add_argument("--strict", action="store_true", help="warnings count as errors")

    schema = sub.add_parser("schema", help="print the JSON Schema of content format 1")
    schema.add_argument("--event", action="store_true",
                        help="the schema of one file in events/ instead of exhibit.yaml")

    run = sub.add_parser("run", help="start the kiosk (the default command)")
    run.add_argument("--content", metavar="DIR", help="content folder to show")
    run.add_argument("--windowed", action="store_true",
                     help="a normal window instead of fullscreen kiosk mode")
    run.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1366x768")
    run.add_argument("--screen", type=int, metavar="N", help="screen number (0 is the first)")
    run.add_argument("--cursor", action="store_true", help="show the mouse cursor")
    run.add_argument("--watch", action="store_true",
                     help="reload the content when its files change (for editors)")
    run.add_argument("--exit-after-first-frame", action="store_true",
                     help="start, show the first frame and exit 0 (smoke tests)")
    run.add_argument("--no-supervisor", action="store_true",
                     help="run without the supervisor that restarts a crashed kiosk")
    run.add_argument("--heartbeat", metavar="FILE", help=argparse.SUPPRESS)
    run.add_argument("--supervisor", metavar="PID:START", help=argparse.SUPPRESS)

    sub.add_parser("set-pin", help="set the staff PIN (stored hashed in kiosk.toml)")

    bench = sub.add_parser("bench", help="measure start-up, navigation and memory")
    bench.add_argument("folder", nargs="?", help="content folder")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--media", action="store_true",
                       help="play the folder's first video: tap to first frame, caption "
                       "lateness, dropped frames (kiosk/tools/media_bench.py)")
    bench.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    bench.add_argument("--idle-seconds", type=float, metavar="S",
                       help="length of each idle CPU window (default: the attract interval)")
    bench.add_argument("--soak", type=int, default=0, metavar="N",
                       help="also measure memory over N attract cycles and N navigations")
    bench.add_argument("--no-statistics", action="store_true",
                       help="do not record visitor statistics (recorded by default, as in "
                       "the kiosk)")
    stats = sub.add_parser("stats", help="visitor statistics: an HTML report, CSV tables",
                           description="Report the kiosks' visitor statistics. Without files, "
                           "this kiosk's own; several files (one per kiosk) merge.")
    stats.add_argument("files", nargs="*", metavar="DB", help="statistics files "
                       f"({stats_file_name()}), e.g. copied from several kiosks")
    stats.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="first day")
    stats.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="last day")
    stats.add_argument("--html", metavar="FILE", help="write the report as one HTML file")
    stats.add_argument("--csv", metavar="DIR", help="write the report's tables as CSV files")

    publish = sub.add_parser("publish", help="make a release of a content folder in an "
                             "outbox (for many kiosks; see docs/fleet.md)")
    publish.add_argument("folder", help="content folder (it must validate)")
    publish.add_argument("--to", required=True, metavar="OUTBOX", help="the outbox folder "
                         "(e.g. a Syncthing Send Only folder)")
    publish.add_argument("--version", metavar="V", help="the release's version, e.g. 3 or "
                         "1.2 (default: the newest in the outbox plus one)")
    publish.add_argument("--keep", type=_count, metavar="N", help="releases kept in the "
                         "outbox (default: releases_keep in kiosk.toml, 10)")
    releases = sub.add_parser("releases", help="the releases this kiosk keeps, and which "
                              "one it shows")
    home_help = "the kiosk's home (default: $KIOSK_HOME, else the user's kiosk folder)"
    releases.add_argument("--home", metavar="DIR", help=home_help)
    actions = releases.add_subparsers(dest="releases_command")
    verify = actions.add_parser("verify", help="check that a folder is a complete, valid "
                                "release")
    verify.add_argument("folder", help="a release folder (with release.json)")
    follow = actions.add_parser("follow", help="take the newest good release from an inbox "
                                "(as the kiosk does)")
    follow.add_argument("inbox", help="the inbox folder")
    back = actions.add_parser("back", help="show the previous (older) kept release")
    forward = actions.add_parser("forward", help="show the next (newer) kept release")
    for action in (follow, back, forward):  # `kiosk releases back --home DIR` reads too
        action.add_argument("--home", metavar="DIR", help=home_help, default=argparse.SUPPRESS)
    fleet = sub.add_parser("fleet", help="the kiosks' status, from their status files")
    fleet_actions = fleet.add_subparsers(dest="fleet_command", required=True)
    status = fleet_actions.add_parser("status", help="one table of all kiosks")
    status.add_argument("folder", help="the folder holding the kiosks' status files")
    status.add_argument("--outbox", metavar="DIR", help="the outbox, to mark kiosks that do "
                        "not show its newest release")
    status.add_argument("--stale-minutes", type=_count, metavar="M", help="a kiosk not heard "
                        "from for this long is marked stale (default 15)")

    snapshot = sub.add_parser("snapshot", help="render every screen to PNG files")
    snapshot.add_argument("folder", nargs="?", help="content folder")
    snapshot.add_argument("--out", required=True, metavar="DIR", help="folder for the PNGs")
    snapshot.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    snapshot.add_argument("--larger-text", action="store_true",
                          help="with the visitors' 'larger text' option on")
    _import_parsers(sub)
    _translate_parser(sub)
    return parser


def _import_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`kiosk import` and `kiosk export` (issue 21)."""
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


def import_command(args: argparse.Namespace) -> int:
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


def _translate_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    translate = sub.add_parser("translate", help="the exhibit's texts to XLIFF or PO files "
                               "for translators, and their translations back into the YAML")
    steps = translate.add_subparsers(dest="step", required=True)
    export = steps.add_parser("export", help="write the texts to translate into LANG")
    export.add_argument("folder", help="content folder")
    export.add_argument("--to", required=True, metavar="LANG", help="the language to "
                        "translate into, e.g. fr")
    export.add_argument("--format", choices=["xliff", "po"], help="XLIFF 1.2 (most CAT "
                        "tools) or gettext PO (default: from --out's extension, else xliff)")
    export.add_argument("--out", metavar="FILE", help="the file to write (default: "
                        "FOLDERNAME-LANG.xlf in the current folder)")
    back = steps.add_parser("import", help="write a translated file's translations into "
                            "the folder's YAML")
    back.add_argument("file", help="the XLIFF or PO file from the translator")
    back.add_argument("--folder", help="content folder (default: the exhibit the kiosk "
                      "would show)")
    back.add_argument("--dry-run", action="store_true", help="report, write nothing")
    back.add_argument("--force", action="store_true", help="import into a folder other "
                      "than the one the file was exported from (a copy of it)")


def translate(args: argparse.Namespace) -> int:
    from kiosk.translation.files import Format
    from kiosk.translation.roundtrip import (
        TranslateError,
        export_translations,
        import_translations,
    )

    try:
        if args.step == "export":
            out = Path(args.out) if args.out else None
            fmt: Format = args.format or (
                "po" if out is not None and out.suffix.lower() == ".po" else "xliff")
            report = export_translations(Path(args.folder), args.to, fmt, out)
            print("\n".join(report.lines()))
            return exits.OK
        folder = content_folder(args.folder)
        result = import_translations(Path(args.file), folder, args.dry_run, args.force)
    except TranslateError as exc:
        print(exc, file=sys.stderr)
        return exits.PROBLEMS
    print("\n".join(result.lines()))
    return exits.PROBLEMS if result.trouble else exits.OK


def utf8_output() -> None:
    """Print UTF-8 on every platform: on Windows a pipe or a file would otherwise get the
    ANSI code page (cp1252), which cannot write the exhibit's Chinese."""
    for stream in (sys.stdout, sys.stderr):  # None in the console-less kiosk.exe
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def _bench_child_parser() -> argparse.ArgumentParser:
    """`kiosk _bench-child`: the process `kiosk bench` measures; internal, so not in --help."""
    child = argparse.ArgumentParser(prog="kiosk _bench-child")
    child.add_argument("folder")
    child.add_argument("--size", type=_size, default=(1920, 1080))
    child.add_argument("--no-statistics", action="store_true")
    child.add_argument("--soak", type=int, default=0)
    return child


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] == ["_bench-child"]:
        from kiosk.tools.bench import bench_child

        child = _bench_child_parser().parse_args(given[1:])
        return bench_child(Path(child.folder), child.size, not child.no_statistics, child.soak)
    if given[:1] == ["_probe-gl"]:  # internal: the OpenGL renderer, for kiosk/ui/render.py
        from kiosk.ui.render import probe_main

        return probe_main()
    args = build_parser().parse_args(argv)
    command = args.command or "run"
    if command == "validate":
        return validate(args.folder, args.strict)
    if command == "schema":
        from kiosk.content.schema import json_schema

        schema = json_schema()
        print(json.dumps(schema["$defs"]["event"] if args.event else schema,
                         indent=2, ensure_ascii=False))
        return 0
    if command == "snapshot":
        from kiosk.tools.snapshot import snapshot

        return snapshot(content_folder(args.folder), args.out, args.size, args.larger_text)
    if command in ("import", "export"):
        return import_command(args)
    if command == "stats":
        return stats(args)
    if command in ("publish", "releases", "fleet"):
        return releases(args)
    if command == "translate":
        return translate(args)
    if command == "set-pin":
        return set_pin()
    if command == "bench" and args.media:
        from kiosk.tools import media_bench

        return media_bench.main(content_folder(args.folder), args.json, args.size)
    if command == "bench":
        from kiosk.tools.bench import bench

        return bench(content_folder(args.folder), args.json, args.size,
                     not args.no_statistics, args.idle_seconds, args.soak)
    if args.command is None:
        args = build_parser().parse_args(["run"])
    if not (args.no_supervisor or args.exit_after_first_frame):
        from kiosk.services.logs import setup_logging
        from kiosk.services.supervisor import supervise

        setup_logging()
        return supervise(run_arguments(argv))

    from kiosk.app import run

    return run(run_options(args))


def run_options(args: argparse.Namespace) -> RunOptions:
    """The parsed `kiosk run` command line as the composition root's plain options."""
    from kiosk.app import RunOptions

    return RunOptions(content=args.content, windowed=args.windowed, size=args.size,
                      screen=args.screen, cursor=args.cursor, watch=args.watch,
                      exit_after_first_frame=args.exit_after_first_frame,
                      heartbeat=Path(args.heartbeat) if args.heartbeat else None,
                      supervisor=args.supervisor)


def run_arguments(argv: Sequence[str] | None) -> list[str]:
    """The command line again, as `run ...`, for the supervisor to start the kiosk with."""
    given = list(sys.argv[1:] if argv is None else argv)
    return given if given and given[0] == "run" else ["run", *given]


def set_pin() -> int:
    import getpass

    from kiosk.services.pin import MAX_DIGITS, MIN_DIGITS, hash_pin, valid_new_pin
    from kiosk.services.settings import settings_path, write_pin_hash

    pin = getpass.getpass(f"New staff PIN ({MIN_DIGITS} to {MAX_DIGITS} digits): ")
    if not valid_new_pin(pin):
        print(f"a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits; nothing changed")
        return exits.PROBLEMS
    if getpass.getpass("The same PIN again: ") != pin:
        print("the two PINs differ; nothing changed")
        return exits.PROBLEMS
    path = settings_path()
    write_pin_hash(path, hash_pin(pin))
    print(f"PIN saved (hashed) in {path}; restart the kiosk to use it")
    return exits.OK


def releases(args: argparse.Namespace) -> int:
    from kiosk.releases import commands

    if args.command == "publish":
        return commands.publish_command(args.folder, args.to, args.version, args.keep)
    if args.command == "fleet":
        return commands.fleet_status_command(args.folder, args.outbox, args.stale_minutes)
    action = args.releases_command
    if action == "verify":
        return commands.verify_command(args.folder)
    if action == "follow":
        return commands.follow_command(args.inbox, args.home)
    if action in ("back", "forward"):
        return commands.select_command(action, args.home)
    return commands.releases_command(args.home)


def stats(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk.services.stats_db import default_path

    files = [Path(f) for f in args.files] or [default_path()]
    if args.since and args.until and args.since > args.until:
        print("--since is after --until; nothing to report", file=sys.stderr)
        return 2
    html_path = Path(args.html) if args.html else None
    csv_folder = Path(args.csv) if args.csv else None
    from kiosk.services.stats_report import build, write_csv
    from kiosk.tools.outputs import OutputError, writable_file, writable_folder, write_text

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
            from kiosk.services.stats_html import branding, render

            _chart_application()
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
    from kiosk.services.stats_report import counted, summary_sentence

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
    return 1 if report.problems and len(report.problems) == len(files) else 0


def _chart_application() -> None:
    """The Qt application the report's charts are drawn in, with the shipped fonts (for
    Chinese titles); off screen unless told otherwise, so that no display is needed."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import application

    application()


def validate(folder: str | None, strict: bool) -> int:
    from kiosk.content import load_folder
    from kiosk.content.problems import listing
    from kiosk.services import media_probe

    media_probe.install()  # videos' and sounds' codecs, read as the kiosk will play them
    path = content_folder(folder)
    result = load_folder(path)
    if folder:
        origin = ""
    elif os.environ.get("KIOSK_CONTENT"):
        origin = " (from KIOSK_CONTENT)"
    else:
        origin = " (the kiosk's default; give a folder to check another)"
    print(listing(result.problems, path, f"{path}{origin}"))
    if not result.readable:
        return exits.UNREADABLE
    if result.errors or (strict and result.warnings):
        return exits.PROBLEMS
    return exits.OK


if __name__ == "__main__":
    sys.exit(main())
