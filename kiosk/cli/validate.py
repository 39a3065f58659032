"""`kiosk validate`: check a content folder and list its problems."""

from __future__ import annotations

import argparse
import os

from kiosk.cli.registry import Subparsers
from kiosk.services import exits
from kiosk.services.paths import content_folder

NAMES = ("validate",)


def add_parsers(sub: Subparsers) -> None:
    validate = sub.add_parser("validate", help="check a content folder and list its problems")
    validate.add_argument("folder", nargs="?", help="content folder (default: the exhibit "
                          "the kiosk would show)")
    validate.add_argument("--strict", action="store_true", help="warnings count as errors")


def run(args: argparse.Namespace) -> int:
    return validate(args.folder, args.strict)


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
