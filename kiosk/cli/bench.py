"""`kiosk bench`: measure start-up, navigation and memory; and `kiosk _bench-child`, the
process it measures (hidden: not for people)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from kiosk.cli import arguments
from kiosk.cli.registry import Subparsers
from kiosk.services.paths import content_folder

NAMES = ("bench",)


def add_parsers(sub: Subparsers) -> None:
    bench = sub.add_parser("bench", help="measure start-up, navigation and memory")
    bench.add_argument("folder", nargs="?", help="content folder")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--media", action="store_true",
                       help="play the folder's first video: tap to first frame, caption "
                       "lateness, dropped frames (kiosk/tools/media_bench.py)")
    bench.add_argument("--size", type=arguments.size, default=(1920, 1080), metavar="WxH")
    bench.add_argument("--idle-seconds", type=float, metavar="S",
                       help="length of each idle CPU window (default: the attract interval)")
    bench.add_argument("--soak", type=int, default=0, metavar="N",
                       help="also measure memory over N attract cycles and N navigations")
    bench.add_argument("--no-statistics", action="store_true",
                       help="do not record visitor statistics (recorded by default, as in "
                       "the kiosk)")


def run(args: argparse.Namespace) -> int:
    if args.media:
        from kiosk.tools import media_bench

        return media_bench.main(content_folder(args.folder), args.json, args.size)
    from kiosk.tools.bench import bench

    return bench(content_folder(args.folder), args.json, args.size,
                 not args.no_statistics, args.idle_seconds, args.soak)


def child(argv: Sequence[str]) -> int:
    """`kiosk _bench-child FOLDER ...`: the process `kiosk bench` starts and measures."""
    parser = argparse.ArgumentParser(prog="kiosk _bench-child")
    parser.add_argument("folder")
    parser.add_argument("--size", type=arguments.size, default=(1920, 1080))
    parser.add_argument("--no-statistics", action="store_true")
    parser.add_argument("--soak", type=int, default=0)
    args = parser.parse_args(argv)
    from kiosk.tools.bench_child import bench_child

    return bench_child(Path(args.folder), args.size, not args.no_statistics, args.soak)

