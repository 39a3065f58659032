"""The bundled exhibit copied into tmp_path, and what a translator's tool does to a file."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from tests.conftest import DATA

NS = "urn:oasis:names:tc:xliff:document:1.2"
Q = f"{{{NS}}}"
ET.register_namespace("", NS)  # tests write files back as a CAT tool would: default namespace

_ACCENTS = str.maketrans("aeiouAEIOUcn", "àéîôûÀÉÎÔÛçñ")


def pseudo(text: str) -> str:
    """A French-looking pseudo-translation that keeps Markdown and {numbers}: letters
    accented, one for one. Not a character more: a title the English fills its panel with
    (validate measures it) must fit in French too, or the round trip's "no new warning"
    would test the pseudo-translation's length, not the round trip."""
    def accent(match: re.Match[str]) -> str:
        return match[0] if match[0].startswith("{") else match[0].translate(_ACCENTS)

    return re.sub(r"\{[a-z]+\}|[A-Za-z]+", accent, text)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def xliff_units(path: Path) -> tuple[ET.ElementTree, list[ET.Element]]:
    tree = ET.parse(path)
    return tree, list(tree.getroot().iter(f"{Q}trans-unit"))


def translate_xliff(path: Path, out: Path, translate: Callable[[str, str], str | None],
                    state: str = "translated") -> None:
    """Fill every unit's target with translate(id, source), as a CAT tool saves it."""
    tree, units = xliff_units(path)
    for unit in units:
        source = unit.find(f"{Q}source")
        assert source is not None and source.text is not None
        text = translate(unit.get("id", ""), source.text)
        target = unit.find(f"{Q}target")
        if text is None:
            continue
        if target is None:
            target = ET.Element(f"{Q}target")
            unit.insert(1, target)
        target.text = text
        target.set("state", state)
    tree.write(out, encoding="utf-8", xml_declaration=True)


def french(unit_id: str, source: str) -> str:
    return "Français" if unit_id == "interface/language_name" else pseudo(source)


def translate_po(path: Path, out: Path, translate: Callable[[str, str], str | None]) -> None:
    po = polib.pofile(str(path))
    for entry in po:
        text = translate(entry.msgctxt, entry.msgid)
        if text is not None:
            entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    po.save(str(out))


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled exhibit (its translation record included)."""
    folder = tmp_path / "unv"
    shutil.copytree(DATA, folder)
    return folder
