"""`kiosk schema`: the JSON Schema of content format 1, for editors' completion."""

from __future__ import annotations

import argparse
import json

from kiosk.cli.registry import Subparsers
from kiosk.services import exits

NAMES = ("schema",)


def add_parsers(sub: Subparsers) -> None:
    schema = sub.add_parser("schema", help="print the JSON Schema of content format 1")
    schema.add_argument("--event", action="store_true",
                        help="the schema of one file in events/ instead of exhibit.yaml")


def run(args: argparse.Namespace) -> int:
    from kiosk.content.schema import json_schema

    schema = json_schema()
    print(json.dumps(schema["$defs"]["event"] if args.event else schema,
                     indent=2, ensure_ascii=False))
    return exits.OK
