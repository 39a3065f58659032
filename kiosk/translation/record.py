"""The translation record: which exhibit a folder is, and what each translation was made
from, in `translation-record.yaml` beside exhibit.yaml (docs/content-format.md).

    format: 1
    exhibit: unv-and-china-4f9c2a
    sources:
      zh:
        "event/about-unv/title": "9d2f3c1a7b40e215"

`exhibit` is written into every translation file, so that a file made for another exhibit
is refused. Under `sources`, per language and unit, a fingerprint (SHA-256, 16 hex
digits) of the default-language text the translation was made from: when the text
changes, the next export marks the translation. Fingerprints, not copies of the text, so
that nobody mistakes the record for content and edits the English there.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content import fields as F
from kiosk.content.files import FileProblem, read_limited, real_root
from kiosk.content.loader import TRANSLATION_RECORD
from kiosk.content.reader import Scalar, YamlMapping, read_yaml
from kiosk.core import limits as L

RECORD_FORMAT = 1
HEADER = """\
# The translation record of this exhibit: which exhibit it is (translation files carry the
# id and are refused by another folder), and a fingerprint of the text each translation
# was made from, so that `kiosk translate export` marks those whose source changed since.
# Written by `kiosk translate import`; keep it with the folder, and do not edit it.
"""


class RecordError(Exception):
    """The record cannot be read: a sentence with its file, line and column."""


@dataclass
class Record:
    exhibit: str
    sources: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> id -> hash

    def made_from(self, lang: str, unit_id: str) -> str | None:
        return self.sources.get(lang, {}).get(unit_id)


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def new_record(title: str) -> Record:
    """A record for an exhibit that has none: its id is its title's words and 6 random
    hex digits, readable and never the same for two exhibits."""
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-")
    return Record(f"{words or 'exhibit'}-{secrets.token_hex(3)}")


def read_record(folder: Path) -> Record | None:
    """The folder's record; None when it has none."""
    path = folder / TRANSLATION_RECORD
    if not path.exists():
        return None
    try:
        data = read_limited(real_root(folder), path, L.MAX_YAML_BYTES)
    except FileProblem as exc:
        raise RecordError(f"{TRANSLATION_RECORD}: the file {exc}") from None
    root, problems = read_yaml(data, TRANSLATION_RECORD)
    if problems:
        first = problems[0]
        raise RecordError(f"{first.file}:{first.line}:{first.col}: {first.message}")

    def fail(node: object, message: str) -> RecordError:
        pos = getattr(node, "pos", None)
        where = f":{pos.line}:{pos.col}" if pos is not None else ""
        return RecordError(f"{TRANSLATION_RECORD}{where}: {message}; the file is written by "
                           "`kiosk translate import`: restore it from your copy of the folder")

    if not isinstance(root, YamlMapping):
        raise fail(root, "expected format, exhibit and sources")
    exhibit = root.get("exhibit")
    version = root.get("format")
    if not isinstance(version, Scalar) or version.text != str(RECORD_FORMAT):
        raise fail(version or root, f"'format' must be {RECORD_FORMAT}")
    if not isinstance(exhibit, Scalar) or not re.fullmatch(F.SLUG_PATTERN, exhibit.text):
        raise fail(exhibit or root, "'exhibit' must be the exhibit's id, e.g. "
                   "unv-and-china-4f9c2a")
    record = Record(exhibit.text)
    sources = root.get("sources")
    if sources is None:
        return record
    if not isinstance(sources, YamlMapping):
        raise fail(sources, "'sources' must be a mapping of languages")
    for lang, units in sources.items:
        if not isinstance(units, YamlMapping):
            raise fail(units, f"'sources.{lang.text}' must be a mapping of unit ids")
        found = record.sources.setdefault(lang.text, {})
        for unit_id, value in units.items:
            if not isinstance(value, Scalar) or not re.fullmatch(r"[0-9a-f]{16}", value.text):
                raise fail(value, f"'{unit_id.text}' must be 16 hex digits")
            found[unit_id.text] = value.text
    return record


def record_text(record: Record, order: list[str]) -> str:
    """The record as a file: languages in alphabetical order, units in `order` (the
    exhibit's), each key and value in double quotes (a YAML string, whatever it holds)."""
    lines = [HEADER.rstrip("\n"), f"format: {RECORD_FORMAT}", f"exhibit: {record.exhibit}"]
    languages = {lang: units for lang, units in sorted(record.sources.items()) if units}
    if not languages:
        return "\n".join([*lines, "sources: {}"]) + "\n"
    lines.append("sources:")
    rank = {unit_id: index for index, unit_id in enumerate(order)}
    for lang, units in languages.items():
        lines.append(f"  {lang}:")
        for unit_id in sorted(units, key=lambda u: (rank.get(u, len(rank)), u)):
            lines.append(f"    {json.dumps(unit_id, ensure_ascii=False)}: \"{units[unit_id]}\"")
    return "\n".join(lines) + "\n"
