"""`kiosk snapshot`: render every screen to PNG files."""

from __future__ import annotations

import argparse

from kiosk.cli import arguments
from kiosk.cli.registry import Subparsers
from kiosk.services.paths import content_folder

NAMES = ("snapshot",)


def add_parsers(sub: Subparsers) -> None:
    snapshot = sub.add_parser("snapshot", help="render every screen to PNG files")
    snapshot.add_argument("folder", nargs="?", help="content folder")
    snapshot.add_argument("--out", required=True, metavar="DIR", help="folder for the PNGs")
    snapshot.add_argument("--size", type=arguments.size, default=(1920, 1080), metavar="WxH")
    snapshot.add_argument("--larger-text", action="store_true",
                          help="with the visitors' 'larger text' option on")


def run(args: argparse.Namespace) -> int:
    from kiosk.tools.snapshot import snapshot

    return snapshot(content_folder(args.folder), args.out, args.size, args.larger_text)
