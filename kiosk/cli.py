"""The command line: run, validate, snapshot, bench, schema."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.paths import content_folder


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError(f"'{text}' is too small; at least 200x200")
    return width, height


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

    snapshot = sub.add_parser("snapshot", help="render every screen to PNG files")
    snapshot.add_argument("folder", nargs="?", help="content folder")
    snapshot.add_argument("--out", required=True, metavar="DIR", help="folder for the PNGs")
    snapshot.add_argument("--size", type=_size, default=(1920, 1080), metavar="WxH")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
        from kiosk.ops.snapshot import snapshot

        return snapshot(content_folder(args.folder), args.out, args.size)
    from kiosk.ui.app import run

    if args.command is None:
        args = build_parser().parse_args(["run"])
    return run(args)


def validate(folder: str | None, strict: bool) -> int:
    from kiosk.content import load_folder
    from kiosk.content.problems import summary

    result = load_folder(content_folder(folder))
    for problem in result.problems:
        print(problem)
    print(summary(result.problems))
    if not result.readable:
        return 2
    if result.errors or (strict and result.warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
