"""Translation files: XLIFF 1.2 (what most CAT tools read: OmegaT, Trados, memoQ, Phrase,
Crowdin, Weblate) and gettext PO (Poedit, Weblate, Lokalize), written and read back.

XLIFF is written and read with the standard library: the one maintained XLIFF library on
PyPI, translate-toolkit, is GPL-2.0-or-later, which the kiosk (MIT) cannot ship, and the
small ones (devxliff, tranx, slc-xliff, ...) are unmaintained or only write. XLIFF 1.2 is
small: a `<file>` with `source-language`, `target-language` and `original`, and
`<trans-unit id>` elements of `<source>`, `<target state>` and `<note>`. It is read with
expat directly (not ElementTree's parser), for the line of every element, and safely: a
DOCTYPE with declarations, an entity declaration or an external entity is refused before
anything is read from it (expat 2.4+ also stops "billion laughs" on its own; this does not
depend on it). PO files are written and read with polib (MIT).

What a unit carries: its id (XLIFF `id` and `resname`; PO `msgctxt`), the
default-language text, the current translation, and where the text is used (XLIFF
`<note>` and a `location` context group; PO `#.` and `#:` comments). A translation whose
source changed since it was made is marked: XLIFF `state="needs-review-translation"`, PO
`fuzzy`. The exhibit's id goes into XLIFF's `original` and PO's `X-Kiosk-Exhibit` header,
which tools keep.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from xml.parsers import expat

import polib

from kiosk import __version__
from kiosk.translation.units import Unit, clean

XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
MAX_FILE_BYTES = 64 * 1024 * 1024  # the exhibit's YAML is at most 12 MB: this is plenty
CHANGED = "needs-review-translation"
EXHIBIT_HEADER = "X-Kiosk-Exhibit"
# XML 1.0 cannot carry these characters at all, escaped or not
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_INLINE_TEXT = {"mrk", "g"}  # segment and span marks some tools add: their text is kept

Format = Literal["xliff", "po"]


class TranslationFileError(Exception):
    """A translation file that cannot be read: a sentence with its file and line."""


@dataclass(frozen=True)
class Entry:
    """One unit as the translator sent it back."""

    id: str
    line: int
    source: str
    target: str | None  # None when empty or absent
    confirmed: bool  # not marked fuzzy or for review


@dataclass
class TranslationFile:
    path: Path
    format: Format
    exhibit: str
    source_language: str
    target_language: str
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class Outgoing:
    """What an export writes of a unit: the unit and whether its source changed."""

    unit: Unit
    changed: bool


def format_of(path: Path) -> Format:
    if path.suffix.lower() == ".po":
        return "po"
    return "xliff"


# --- writing ---------------------------------------------------------------------------------

def xliff_text(units: list[Outgoing], exhibit: str, title: str, source: str,
               target: str) -> str:
    """An XLIFF 1.2 document with one `<file>` and a trans-unit per text."""
    q = ""  # tags unqualified, in the default namespace the root declares
    root = ET.Element("xliff", {"version": "1.2", "xmlns": XLIFF_NS})
    file = ET.SubElement(root, f"{q}file", {
        "original": exhibit, "source-language": source, "target-language": target,
        "datatype": "plaintext", "product-name": "kiosk", "product-version": __version__})
    header = ET.SubElement(file, f"{q}header")
    ET.SubElement(header, f"{q}tool", {"tool-id": "kiosk", "tool-name": "kiosk translate",
                                       "tool-version": __version__})
    ET.SubElement(header, f"{q}note").text = (
        f"The texts of the exhibit '{title}' ({exhibit}). Translate each into '{target}'; "
        "keep the Markdown of the stories (**bold**, *italic*, '- ' list items, '> ' "
        "quotations, blank lines between paragraphs). Send this file back as it is: "
        "`kiosk translate import` writes the translations into the exhibit.")
    body = ET.SubElement(file, f"{q}body")
    for out in units:
        unit = out.unit
        attrs = {"id": unit.id, "resname": unit.id, f"{{{XML_NS}}}space": "preserve"}
        if unit.max_length:
            attrs |= {"maxwidth": str(unit.max_length), "size-unit": "char"}
        element = ET.SubElement(body, f"{q}trans-unit", attrs)
        ET.SubElement(element, f"{q}source").text = unit.source
        if unit.target is not None:
            ET.SubElement(element, f"{q}target",
                          {"state": CHANGED if out.changed else "translated"}).text = unit.target
        ET.SubElement(element, f"{q}note").text = _note(out)
        group = ET.SubElement(element, f"{q}context-group",
                              {"purpose": "location", "name": "where"})
        ET.SubElement(group, f"{q}context", {"context-type": "sourcefile"}).text = unit.file
        if unit.line:
            ET.SubElement(group, f"{q}context", {"context-type": "linenumber"}).text = \
                str(unit.line)
    ET.indent(root, space="  ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="utf-8", xml_declaration=True)
    return buffer.getvalue().decode("utf-8") + "\n"


def _note(out: Outgoing) -> str:
    unit = out.unit
    note = unit.note
    if out.changed:
        note += (". The source text changed since this translation was made: check the "
                 "translation against it")
    if unit.shared:
        note += (". Today one text for every language: translate it where it should read "
                 "differently, or leave it empty")
    return note


def po_text(units: list[Outgoing], exhibit: str, title: str, source: str,
            target: str) -> str:
    po = polib.POFile(wrapwidth=78)
    po.header = (f"The texts of the exhibit '{title}' ({exhibit}), from '{source}' into "
                 f"'{target}'.\nMade by `kiosk translate export`; send it back as it is, and "
                 "`kiosk translate import`\nwrites the translations into the exhibit.")
    po.metadata = {
        "Project-Id-Version": title,
        "Language": target,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"kiosk {__version__}",
        EXHIBIT_HEADER: exhibit,
        "X-Kiosk-Source-Language": source,
    }
    for out in units:
        unit = out.unit
        po.append(polib.POEntry(
            msgctxt=unit.id, msgid=unit.source, msgstr=unit.target or "",
            comment=_note(out), occurrences=[(unit.file, str(unit.line))] if unit.line else [],
            flags=["fuzzy"] if out.changed else []))
    return f"{po}\n"


def check_writable_text(units: list[Outgoing]) -> list[str]:
    """Units holding a character XML cannot carry (a control character)."""
    return [f"{u.unit.note.split(': ')[0]}: {u.unit.label}, {u.unit.field}: has the control "
            f"character U+{ord(m[0]):04X}, which a translation file cannot carry; remove it "
            "(kiosk validate shows where)"
            for u in units for text in (u.unit.source, u.unit.target or "")
            if (m := _NOT_XML.search(text))]


# --- reading ---------------------------------------------------------------------------------

def read_translation_file(path: Path) -> TranslationFile:
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise TranslationFileError(f"{path}: not a file")
    except OSError as exc:
        raise TranslationFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise TranslationFileError(f"{path}: the file is {size // (1024 * 1024)} MB; a "
                                   "translation file of an exhibit is far smaller: is it the "
                                   "right file?")
    data = path.read_bytes()
    head = data.removeprefix(b"\xef\xbb\xbf").lstrip()
    xml = head.startswith(b"<") or head[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 XML
    if not xml and (format_of(path) == "po" or b"msgid" in data[:4096]):
        return _read_po(path)  # what the file holds decides, not its name
    return _read_xliff(path, data)


class _Lines:
    """Element -> the line of its start tag (ElementTree keeps none)."""

    def __init__(self) -> None:
        self.of: dict[int, int] = {}

    def line(self, element: ET.Element) -> int:
        return self.of.get(id(element), 0)


def _parse_xml(path: Path, data: bytes) -> tuple[ET.Element, _Lines]:
    """Parse with expat, refusing DTD declarations and entities (see the module's note)."""
    builder = ET.TreeBuilder()
    lines = _Lines()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def refuse(what: str) -> None:
        raise TranslationFileError(f"{path}:{parser.CurrentLineNumber}: the file has {what}, "
                                   "which a translation file never needs; it is not read (an "
                                   "XML trick can make a file read other files or fill the "
                                   "memory)")

    def start(tag: str, attrs: dict[str, str]) -> None:
        element = builder.start(name(tag), {name(k): v for k, v in attrs.items()})
        lines.of[id(element)] = parser.CurrentLineNumber

    def doctype(_name: str, _sys: str | None, _pub: str | None, internal: int) -> None:
        if internal:
            refuse("a DOCTYPE with declarations")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda *args: refuse("an entity declaration (<!ENTITY>)")
    parser.ExternalEntityRefHandler = lambda *args: refuse("an external entity")  # type: ignore[assignment]  # raises
    parser.SkippedEntityHandler = lambda *args: refuse("an entity that is not XML's own")
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise TranslationFileError(f"{path}:{exc.lineno}:{exc.offset + 1}: the file is not "
                                   f"well-formed XML ({expat.ErrorString(exc.code)}); was it "
                                   "cut short or edited by hand? Save it again from the "
                                   "translation tool") from None
    return builder.close(), lines


def _read_xliff(path: Path, data: bytes) -> TranslationFile:
    root, lines = _parse_xml(path, data)
    q = f"{{{XLIFF_NS}}}"
    if root.tag.startswith(f"{{{XLIFF2_NS}}}"):
        raise TranslationFileError(f"{path}:1: this is XLIFF 2.0; save it from the "
                                   "translation tool as XLIFF 1.2, the version it was sent in")
    if root.tag not in (f"{q}xliff", "xliff"):
        raise TranslationFileError(f"{path}:{lines.line(root)}: this is not an XLIFF file "
                                   f"(its root element is <{root.tag.split('}')[-1]}>, not "
                                   "<xliff>)")
    q = q if root.tag.startswith("{") else ""
    files = root.findall(f"{q}file")
    if not files:
        raise TranslationFileError(f"{path}:{lines.line(root)}: the XLIFF file has no <file> "
                                   "element: it holds no translations")
    first = files[0]
    got = {key: first.get(key, "") for key in ("original", "source-language",
                                                "target-language")}
    for other in files[1:]:
        for key, value in got.items():
            if other.get(key, "") != value:
                raise TranslationFileError(
                    f"{path}:{lines.line(other)}: this <file> has {key}="
                    f"'{other.get(key, '')}' but the first has '{value}': one translation "
                    "file holds one exhibit and one language")
    for key, value in got.items():
        if not value:
            raise TranslationFileError(f"{path}:{lines.line(first)}: <file> has no '{key}'; "
                                       "was it made by `kiosk translate export`?")
    result = TranslationFile(path, "xliff", got["original"], got["source-language"],
                             got["target-language"])
    seen: dict[str, int] = {}
    for file in files:
        for unit in file.iter(f"{q}trans-unit"):
            line = lines.line(unit)
            unit_id = unit.get("id", "")
            if not unit_id:
                raise TranslationFileError(f"{path}:{line}: a <trans-unit> without an id")
            if unit_id in seen:
                raise TranslationFileError(f"{path}:{line}: the unit '{unit_id}' is in the "
                                           f"file twice (first at line {seen[unit_id]})")
            seen[unit_id] = line
            source = unit.find(f"{q}source")
            if source is None:
                raise TranslationFileError(f"{path}:{line}: the unit '{unit_id}' has no "
                                           "<source>")
            target = unit.find(f"{q}target")
            text = _inline_text(path, target, lines, unit_id) if target is not None else ""
            # a target still marked for review is not finished; a tool that leaves "new" on
            # a unit it translated is common, so only review marks hold a translation back
            state = target.get("state", "translated") if target is not None else ""
            confirmed = not state.startswith("needs-review") and state not in (
                "needs-adaptation", "needs-l10n")
            result.entries.append(Entry(unit_id, lines.line(target) if target is not None
                                        else line, clean(_inline_text(path, source, lines,
                                                                      unit_id)),
                                        clean(text) if text.strip() else None, confirmed))
    return result


def _inline_text(path: Path, element: ET.Element, lines: _Lines, unit_id: str) -> str:
    """The text of a <source> or <target>: segment marks (<mrk>, <g>) some tools add are
    read through; other inline codes stand for markup the kiosk never sends."""
    for inner in element.iter():
        local = inner.tag.split("}")[-1]
        if inner is not element and local not in _INLINE_TEXT:
            raise TranslationFileError(
                f"{path}:{lines.line(inner)}: the unit '{unit_id}' has an inline <{local}> "
                "element, which `kiosk translate export` never writes; the texts are plain "
                "(their Markdown is text): type the translation as plain text")
    return "".join(element.itertext()).replace("\r\n", "\n")


def _read_po(path: Path) -> TranslationFile:
    try:
        po = polib.pofile(str(path), wrapwidth=78)
    except (OSError, ValueError, UnicodeError) as exc:
        message = str(exc).replace(f" in po file {path}", "")
        found = re.search(r" ?\(line (\d+)\)", message)
        where = f":{found[1]}" if found else ""
        message = message.replace(found[0], "") if found else message
        raise TranslationFileError(f"{path}{where}: the PO file cannot be read ({message}); "
                                   "save it again from the translation tool") from None
    meta = po.metadata
    exhibit = meta.get(EXHIBIT_HEADER, "")
    target = meta.get("Language", "")
    source = meta.get("X-Kiosk-Source-Language", "")
    for key, value in ((EXHIBIT_HEADER, exhibit), ("Language", target),
                       ("X-Kiosk-Source-Language", source)):
        if not value:
            raise TranslationFileError(f"{path}:1: the header has no '{key}'; was it made by "
                                       "`kiosk translate export`?")
    result = TranslationFile(path, "po", exhibit, source, target)
    seen: dict[str, int] = {}
    for entry in po:
        line = int(getattr(entry, "linenum", 0) or 0)
        if entry.obsolete:
            continue
        if not entry.msgctxt:
            raise TranslationFileError(f"{path}:{line}: an entry without msgctxt (the unit "
                                       "id): was it added by hand?")
        if entry.msgid_plural:
            raise TranslationFileError(f"{path}:{line}: '{entry.msgctxt}' has plural forms, "
                                       "which the kiosk's texts never have")
        if entry.msgctxt in seen:
            raise TranslationFileError(f"{path}:{line}: the unit '{entry.msgctxt}' is in the "
                                       f"file twice (first at line {seen[entry.msgctxt]})")
        seen[entry.msgctxt] = line
        text = entry.msgstr.replace("\r\n", "\n")
        result.entries.append(Entry(entry.msgctxt, line, clean(entry.msgid),
                                    clean(text) if text.strip() else None, not entry.fuzzy))
    return result
