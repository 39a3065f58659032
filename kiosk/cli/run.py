"""`kiosk run` (the default command): start the kiosk, under its supervisor."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.cli import arguments
from kiosk.cli.registry import Subparsers

if TYPE_CHECKING:  # the composition root imports Qt: only `kiosk run` loads it
    from kiosk.ui.shell.app import RunOptions

NAMES = ("run",)


def add_parsers(sub: Subparsers) -> None:
    run = sub.add_parser("run", help="start the kiosk (the default command)")
    run.add_argument("--content", metavar="DIR", help="content folder to show")
    run.add_argument("--windowed", action="store_true",
                     help="a normal window instead of fullscreen kiosk mode")
    run.add_argument("--size", type=arguments.size, metavar="WxH",
                     help="window size, e.g. 1366x768")
    run.add_argument("--screen", type=int, metavar="N", help="screen number (0 is the first)")
    run.add_argument("--cursor", action="store_true", help="show the mouse cursor")
    run.add_argument("--watch", action="store_true",
                     help="reload the content when its files change (for editors)")
    run.add_argument("--releases", metavar="INBOX",
                     help="follow this inbox of releases (docs/fleet.md); kiosk.toml's releases")
    run.add_argument("--exit-after-first-frame", action="store_true",
                     help="start, show the first frame and exit 0 (smoke tests)")
    run.add_argument("--no-supervisor", action="store_true",
                     help="run without the supervisor that restarts a crashed kiosk")
    run.add_argument("--heartbeat", metavar="FILE", help=argparse.SUPPRESS)
    run.add_argument("--supervisor", metavar="PID:START", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    """Under the supervisor (which starts this command again with --supervisor), unless
    told not to."""
    if not (args.no_supervisor or args.exit_after_first_frame):
        from kiosk.services.logs import setup_logging
        from kiosk.services.supervisor import supervise

        setup_logging()
        return supervise(run_arguments(args.given))

    from kiosk.ui.shell.app import run as run_kiosk

    return run_kiosk(run_options(args))


def run_options(args: argparse.Namespace) -> RunOptions:
    """The parsed `kiosk run` command line as the composition root's plain options."""
    from kiosk.ui.shell.app import RunOptions

    return RunOptions(content=args.content, windowed=args.windowed, size=args.size,
                      screen=args.screen, cursor=args.cursor, watch=args.watch,
                      releases=args.releases,
                      exit_after_first_frame=args.exit_after_first_frame,
                      heartbeat=Path(args.heartbeat) if args.heartbeat else None,
                      supervisor=args.supervisor)


def run_arguments(given: Sequence[str]) -> list[str]:
    """The command line again, as `run ...`, for the supervisor to start the kiosk with."""
    return list(given) if given[:1] == ["run"] else ["run", *given]


def probe_gl(argv: Sequence[str]) -> int:
    """`kiosk _probe-gl`: the OpenGL renderer, asked in a process of its own
    (kiosk/ui/shared/render.py)."""
    from kiosk.ui.shared.render import probe_main

    return probe_main()
