"""`kiosk set-pin`: set the staff PIN, stored hashed in kiosk.toml."""

from __future__ import annotations

import argparse

from kiosk.cli.registry import Subparsers
from kiosk.services import exits

NAMES = ("set-pin",)


def add_parsers(sub: Subparsers) -> None:
    sub.add_parser("set-pin", help="set the staff PIN (stored hashed in kiosk.toml)")


def run(args: argparse.Namespace) -> int:
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
