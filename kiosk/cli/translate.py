"""`kiosk translate`: the exhibit's texts to XLIFF or PO files for translators, and their
translations back into the YAML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.cli.registry import Subparsers
from kiosk.services import exits
from kiosk.services.paths import content_folder

NAMES = ("translate",)


def add_parsers(sub: Subparsers) -> None:
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


def run(args: argparse.Namespace) -> int:
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
