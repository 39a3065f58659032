"""The command line: one module per command (kiosk/cli/<command>.py), found through
COMMANDS; `kiosk` alone runs the kiosk."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from kiosk import __version__
from kiosk.cli import (
    bench,
    imports,
    registry,
    releases,
    run,
    schema,
    set_pin,
    snapshot,
    stats,
    translate,
    validate,
)

# In the order `kiosk --help` lists them.
COMMANDS: tuple[registry.Command, ...] = (validate, schema, run, set_pin, bench, stats,
                                          releases, snapshot, imports, translate)
# Commands the kiosk runs itself, in processes of its own: not for people, so not in --help
# nor in argparse's "invalid choice" list.
INTERNAL: dict[str, registry.Internal] = {"_bench-child": bench.child,
                                          "_probe-gl": run.probe_gl}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Offline touch-screen "
                                     "exhibition kiosk: an interactive timeline from YAML.")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    sub = parser.add_subparsers(dest="command")
    for command in COMMANDS:
        command.add_parsers(sub)
    return parser


def utf8_output() -> None:
    """Print UTF-8 on every platform: on Windows a pipe or a file would otherwise get the
    ANSI code page (cp1252), which cannot write the exhibit's Chinese."""
    for stream in (sys.stdout, sys.stderr):  # None in the console-less kiosk.exe
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    given = list(sys.argv[1:] if argv is None else argv)
    if given[:1] and given[0] in INTERNAL:
        return INTERNAL[given[0]](given[1:])
    args = build_parser().parse_args(given)
    if args.command is None:  # `kiosk`, or `kiosk` with only run's options
        args = build_parser().parse_args(["run", *given])
    args.given = given  # the command line as typed: the supervisor starts `run` again with it
    return next(c for c in COMMANDS if args.command in c.NAMES).run(args)


if __name__ == "__main__":
    sys.exit(main())
