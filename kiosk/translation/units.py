"""Every text of a content folder that a translator translates, as units with stable ids.

A unit is one text of the exhibit in its default language (the source), with its current
translation into one target language, the file and line where it is written, and what it
is for. The ids name the object and the field (`event/about-unv/title`,
`event/about-unv/media/media/about-unv.jpg/caption`, `interface/touch`), never a position
in a file, so a translation comes back to the same text after an editor moved events
between files or reordered photos, and a tool that reorders units changes nothing.

A photo's credit is a unit too: a text per language (`credit: {en: ..., zh: ...}`), or a
name, one string every language shows (`credit: City archive`): a shared unit, which a
translator leaves as it is, or translates where it should read differently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kiosk.content import fields as F
from kiosk.content.loader import EVENT_SUFFIXES, EVENTS_DIR, EXHIBIT_FILE
from kiosk.core import i18n
from kiosk.core.model import Exhibit

Kind = Literal["text", "markdown", "word"]
Key = str | int  # a mapping key or a sequence index, on the way to a text

INTERFACE = "interface"

HINTS: dict[tuple[str, str], str] = {
    ("exhibit", "title"): "the exhibit's title, on the welcome screen",
    ("exhibit", "subtitle"): "shown under the exhibit's title on the welcome screen",
    ("era", "title"): "the era's name, on its band of the timeline",
    ("era", "short_title"): "a shorter name for the era's band, shown when the name does not "
                            "fit it",
    ("event", "title"): "the event's title, at the top of its panel (at most 3 lines)",
    ("event", "short_title"): "a few words: the event's label on the timeline (2 lines)",
    ("event", "display_date"): "the event's date as visitors read it",
    ("event", "body"): "the story, in Markdown: keep **bold**, *italic*, list items ('- '), "
                       "quotations ('> ') and the blank lines between paragraphs",
    ("photo", "caption"): "shown with the photo",
    ("photo", "credit"): "who made the photo or where it comes from, shown with it; a "
                         "person's or an archive's name usually stays as it is",
    ("photo", "alt"): "the photo described in words, for visitors who cannot see it "
                      "(screen readers)",
}


@dataclass(frozen=True)
class Unit:
    """One text to translate."""

    id: str
    file: str  # relative to the content folder, with '/'
    line: int  # of the default-language text, 1-based
    path: tuple[Key, ...]  # from the file's root to the text (a string or language mapping)
    field: str  # the key: title, body, caption, ... or the interface word's key
    label: str  # the object, as validate names it: "event 'about-unv'"
    hint: str  # what the text is for, for the translator
    source: str  # the default language's text
    target: str | None  # the current translation, None when there is none
    kind: Kind
    max_length: int | None
    shared: bool = False  # one string for every language today (no language mapping)

    @property
    def note(self) -> str:
        """Where the text is used and what for, as a translator reads it."""
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}, under 'interface:'"
        return f"{where}: {self.label}, {self.field}: {self.hint}"


def clean(text: str) -> str:
    """A text as units carry and compare it: without the line end a YAML block (`|`) adds
    after its last line, and with Windows line ends read as plain ones."""
    return text.replace("\r\n", "\n").rstrip("\n")


def compose(text: str) -> Node | None:
    """The YAML node tree of a file, with each node's start and end in the text: PyYAML's
    composer, the parser the kiosk's reader uses, in pure Python (its marks count
    characters, which the splices need). Not ruamel.yaml's round-trip composer: it puts
    markers (U+0007) into the values of folded `>` blocks where their lines break."""
    node: Node | None = yaml.compose(text, Loader=yaml.SafeLoader)
    return node


def get(node: Node | None, key: str) -> tuple[ScalarNode, Node] | None:
    """A mapping's key node and value node."""
    if not isinstance(node, MappingNode):
        return None
    for key_node, value in node.value:
        if isinstance(key_node, ScalarNode) and key_node.value == key:
            return key_node, value
    return None


def _value(node: Node | None, key: str) -> Node | None:
    found = get(node, key)
    return found[1] if found else None


def scalar(node: Node | None) -> str | None:
    return node.value if isinstance(node, ScalarNode) else None


def content_files(folder: Path) -> list[str]:
    """The YAML files of the folder in the order the loader reads them."""
    events = folder / EVENTS_DIR
    names = sorted(p.name for p in events.iterdir()
                   if p.suffix in EVENT_SUFFIXES and not p.name.startswith(".")
                   and p.is_file()) if events.is_dir() else []
    return [EXHIBIT_FILE, *(f"{EVENTS_DIR}/{name}" for name in names)]


def read_text(path: Path) -> str:
    """A content file's text as the loader reads it (UTF-8, a byte order mark dropped)."""
    return path.read_bytes().decode("utf-8-sig")


def extract(folder: Path, exhibit: Exhibit, lang: str) -> list[Unit]:
    """Every text of a folder that loads without error, with its `lang` translation."""
    default = exhibit.default_language
    units: list[Unit] = []
    for file in content_files(folder):
        root = compose(read_text(folder / file))
        if file == EXHIBIT_FILE:
            units += _exhibit_units(root, file, default, lang)
        else:
            units += _event_units(root, (), file, default, lang)
    units += interface_units(exhibit, lang)
    return units


def _exhibit_units(root: Node | None, file: str, default: str, lang: str) -> Iterator[Unit]:
    for name in ("title", "subtitle"):
        yield from _text(root, (), name, file, "exhibit", ("exhibit", name), default, lang)
    eras = get(root, "eras")
    if eras is not None and isinstance(eras[1], SequenceNode):
        for index, era in enumerate(eras[1].value):
            era_id = scalar(_value(era, "id")) or f"{index + 1}"
            for name in ("title", "short_title"):
                yield from _text(era, ("eras", index), name, file, f"era '{era_id}'",
                                 ("era", name), default, lang, f"era/{era_id}/{name}")
    events = get(root, "events")
    if events is not None and isinstance(events[1], SequenceNode):
        for index, event in enumerate(events[1].value):
            yield from _event_units(event, ("events", index), file, default, lang)


def _event_units(event: Node | None, path: tuple[Key, ...], file: str, default: str,
                 lang: str) -> Iterator[Unit]:
    found = get(event, "id")
    event_id = scalar(found[1]) if found else None
    if not event_id:
        return
    label = f"event '{event_id}'"
    for name in ("title", "short_title", "display_date", "body"):
        yield from _text(event, path, name, file, label, ("event", name), default, lang,
                         f"event/{event_id}/{name}")
    media = get(event, "media")
    if media is None or not isinstance(media[1], SequenceNode):
        return
    seen: dict[str, int] = {}
    for index, item in enumerate(media[1].value):
        image = scalar(_value(item, "image")) or ""
        seen[image] = seen.get(image, 0) + 1
        key = image if seen[image] == 1 else f"{image}#{seen[image]}"
        for name in ("caption", "credit", "alt"):
            yield from _text(item, (*path, "media", index), name, file,
                             f"{label}, photo {index + 1} ({image})", ("photo", name),
                             default, lang, f"event/{event_id}/media/{key}/{name}")


def _text(parent: Node | None, path: tuple[Key, ...], name: str, file: str, label: str,
          hint: tuple[str, str], default: str, lang: str, unit_id: str | None = None,
          ) -> Iterator[Unit]:
    """The unit of the text `name` of a mapping, if it has one in the default language."""
    found = get(parent, name)
    if found is None:
        return
    value = found[1]
    shared = isinstance(value, ScalarNode)
    source_node = value if shared else _value(value, default)
    source = scalar(source_node)
    if source is None or not source.strip() or source_node is None:
        return
    target = None if shared else scalar(_value(value, lang))
    kind: Kind = "markdown" if F.KIND_OF.get(name) == "markdown" else "text"
    yield Unit(unit_id or f"exhibit/{name}", file, source_node.start_mark.line + 1,
               (*path, name), name, label, HINTS[hint], clean(source),
               clean(target) if target and target.strip() else None, kind,
               F.MAX_LENGTH.get(name), shared)


def interface_units(exhibit: Exhibit, lang: str) -> list[Unit]:
    """The kiosk's own words, which exhibit.yaml's `interface` may give or reword: the
    source is the default language's word (the exhibit's own, else the kiosk's), the
    translation the exhibit's word in `lang`, else the kiosk's own if it has one."""
    default = exhibit.default_language
    words = exhibit.words
    units = []
    for key, english in i18n.interface_keys().items():
        if key == i18n.LANGUAGE_NAME_KEY:
            source = i18n.language_name(default, words)
            name = words.get(lang, {}).get(key)
            target = i18n.plain(name) if name else i18n.LANGUAGE_NAMES.get(lang)
            hint = ("the language switch's button for this language: its name as its "
                    "readers write it (e.g. Français), or its code")
        else:
            source = i18n.word(key, default, words) if "{" not in english else i18n.plain(
                words.get(default, {}).get(key) or i18n.UI_STRINGS[key].get(default, english))
            given = words.get(lang, {}).get(key) or i18n.UI_STRINGS[key].get(lang)
            if given is not None and not isinstance(given, str):
                continue  # plural forms: edited in exhibit.yaml, not one text to translate
            target = given if isinstance(given, str) else None
            hint = "a word of the kiosk's own (a button or a hint)"
            if "{" in english:
                hint += "; keep " + " and ".join(
                    f"{{{name}}}" for name in sorted(i18n.placeholders(english) or ())) + \
                    " where the kiosk puts the number"
        units.append(Unit(f"{INTERFACE}/{key}", EXHIBIT_FILE, 0, (INTERFACE,), key,
                          "the kiosk's words", hint, source, target, "word",
                          F.MAX_LENGTH.get(INTERFACE)))
    return units
