"""`kiosk publish`, `kiosk releases` and `kiosk fleet`: content releases for many kiosks
(docs/fleet.md)."""

from __future__ import annotations

import argparse

from kiosk.cli import arguments
from kiosk.cli.registry import Subparsers

NAMES = ("publish", "releases", "fleet")


def add_parsers(sub: Subparsers) -> None:
    publish = sub.add_parser("publish", help="make a release of a content folder in an "
                             "outbox (for many kiosks; see docs/fleet.md)")
    publish.add_argument("folder", help="content folder (it must validate)")
    publish.add_argument("--to", required=True, metavar="OUTBOX", help="the outbox folder "
                         "(e.g. a Syncthing Send Only folder)")
    publish.add_argument("--version", metavar="V", help="the release's version, e.g. 3 or "
                         "1.2 (default: the newest in the outbox plus one)")
    publish.add_argument("--keep", type=arguments.count, metavar="N", help="releases kept in the "
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
    status.add_argument("--stale-minutes", type=arguments.count, metavar="M",
                        help="a kiosk not heard from for this long is marked stale "
                        "(default 15)")


def run(args: argparse.Namespace) -> int:
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
