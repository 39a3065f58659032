"""Format-1 rules: turn position-carrying YAML nodes into model objects, collecting problems.

Every check appends a Problem pointing at the key or value at fault and carries on, so that
an editor sees every mistake of a folder in one run.
"""

from __future__ import annotations

import difflib
import functools
import os
import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path, PurePosixPath, PureWindowsPath

from kiosk.content import fields as F
from kiosk.content import media_files
from kiosk.content.captions import CaptionError, cue_findings, read_cues
from kiosk.content.files import FileProblem, inside, name_problem, real_root
from kiosk.content.images import (
    ImageError,
    ImageInfo,
    read_image_info,
    shape_warning,
    size_warning,
)
from kiosk.content.markdown import problems as markdown_problems
from kiosk.content.media_files import Kind as MediaKind
from kiosk.content.media_files import MediaError, MediaInfo
from kiosk.content.problems import Level, Problem
from kiosk.content.reader import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    NULL_TAG,
    Node,
    Pos,
    Scalar,
    YamlMapping,
    YamlSequence,
)
from kiosk.core import limits as L
from kiosk.core.advances import Stack, label_font, shipped_characters, title_font
from kiosk.core.characters import code_point, text_findings
from kiosk.core.colours import (
    ERA_PALETTE,
    SAME_COLOUR,
    band_color,
    colour_distance,
    era_colour_problems,
)
from kiosk.core.dates import Date, impossible, parse_date
from kiosk.core.i18n import HOME_ARROW, is_cjk, range_text
from kiosk.core.line_breaking import break_lines
from kiosk.core.model import EMPTY, Era, Event, Media, Text

_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}
_SHOWN_CHARS = 60
MISSING_ONE_BY_ONE = 5  # missing translations of a language told one by one; more: summed
_MAX_SUGGEST_NAMES = 2_000  # difflib compares with every name: beyond this, no suggestion
_SUGGEST_KEYS = 50  # unknown keys of one mapping given a "did you mean"


_YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")
_DECADE = re.compile(r"'?s\b|年代")


@functools.lru_cache(maxsize=2)
def _drawn_chars(drawn: frozenset[int]) -> frozenset[str]:
    """The shipped fonts' characters as strings: a text's characters are compared with
    them in one set difference."""
    return frozenset(map(chr, drawn))


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def unquoted(text: str) -> str:
    """The text without Word's curly quotes around the whole of it (meant as YAML's)."""
    if len(text) > 1 and (text[0], text[-1]) in (("\u201c", "\u201d"), ("\u2018", "\u2019")):
        return text[1:-1]
    return text


def describe(node: Node) -> str:
    if isinstance(node, YamlMapping):
        return "a mapping"
    if isinstance(node, YamlSequence):
        return "a list"
    if node.tag == NULL_TAG and not node.quoted:
        return "nothing"
    return shown(node.text)


def shown(text: str) -> str:
    """A value quoted in a message, cut short: a message must fit on a staff screen.
    Line ends, controls and invisible characters are written as escapes (an id "first\\n"
    must not look like "first")."""
    cut = text if len(text) <= _SHOWN_CHARS else f"{text[:_SHOWN_CHARS]}…"
    return "'" + "".join(_visible(char) for char in cut) + "'"


def _visible(char: str) -> str:
    if char in "\n\t\r":
        return repr(char)[1:-1]
    return f"\\u{ord(char):04x}" if unicodedata.category(char) in ("Cc", "Cf") else char


def named(node: Node, kind: str, fallback: str) -> str:
    """How messages name an object: by its id when it has a valid one, else by position."""
    id_node = node.get("id") if isinstance(node, YamlMapping) else None
    if isinstance(id_node, Scalar) and re.fullmatch(F.SLUG_PATTERN, id_node.text):
        return f"{kind} '{id_node.text}'"
    return fallback


def _width(font: Stack, pixel_size: float, text: str) -> float:
    return font.width(text, pixel_size)


@dataclass
class Checker:
    """Reads the objects of one file; shared state (ids, languages) lives in the Folder."""

    file: str
    folder: Folder

    def report(self, pos: Pos, level: Level, message: str) -> None:
        self.folder.problems.append(Problem(self.file, pos.line, pos.col, level, message))

    def error(self, pos: Pos, message: str) -> None:
        self.report(pos, "error", message)

    # --- mappings -------------------------------------------------------------------------

    def fields_of(self, node: Node, spec: tuple[F.Field, ...], what: str,
                  label: str) -> dict[str, tuple[Scalar, Node]] | None:
        """Check a mapping's keys against a spec; return the known keys with their nodes."""
        if not isinstance(node, YamlMapping):
            self.error(node.pos, f"{label}: expected a mapping of keys ({what}), "
                       f"found {describe(node)}")
            return None
        names = tuple(f.name for f in spec)
        found: dict[str, tuple[Scalar, Node]] = {}
        misspelt: set[str] = set()  # a key told as "did you mean" is not also told as missing
        unknown = 0
        for key, value in node.items:
            if key.text in names:
                found[key.text] = (key, value)
            else:
                unknown += 1  # (past a few, not typing slips: no suggestion, no cost)
                near = closest(key.text, names) if unknown <= _SUGGEST_KEYS else None
                misspelt.add(near or "")
                self.error(key.pos, f"{label}: unknown key '{key.text}'"
                           + (f" (did you mean '{near}'?)" if near else ""))
        for spec_field in spec:
            if spec_field.name in misspelt:
                continue
            if spec_field.required and spec_field.name not in found:
                self.error(node.pos, f"{label}: missing required key '{spec_field.name}'")
        return found

    # --- values ---------------------------------------------------------------------------

    def scalar(self, node: Node, label: str, name: str, expected: str) -> Scalar | None:
        if isinstance(node, Scalar) and not (node.tag == NULL_TAG and not node.quoted):
            return node
        self.error(node.pos, f"{label}: '{name}' must be {expected}, not {describe(node)}")
        return None

    def text(self, node: Node, label: str, name: str, required: bool) -> Text | None:
        langs = self.folder.languages
        default = langs[0]
        if isinstance(node, Scalar):
            value = self.scalar(node, label, name, "a text")
            if value is None:
                return None
            if required and not value.text.strip():
                self.error(node.pos, f"{label}: '{name}' is empty")
                return None
            if self.too_long(value, label, name):
                return None
            self.characters(value, label, name, default)
            return Text(((default, value.text),), default)
        if not isinstance(node, YamlMapping):
            self.error(node.pos, f"{label}: '{name}' must be a text or a mapping of "
                       f"languages ({', '.join(langs)}), not {describe(node)}")
            return None
        values: list[tuple[str, str]] = []
        told: set[str] = set()  # languages whose text was wrong: not also "missing"
        for key, value_node in node.items:
            if key.text not in langs:
                self.error(key.pos, f"{label}: '{name}' has language '{key.text}', which the "
                           f"exhibit does not declare (languages: {', '.join(langs)})"
                           f"{did_you_mean(key.text, langs)}")
                continue
            told.add(key.text)
            value = self.scalar(value_node, label, f"{name}.{key.text}", "a text")
            if value is None or self.too_long(value, label, f"{name}.{key.text}"):
                continue
            if not value.text.strip():
                self.blank(value, label, name, key.text, required)
                if required or key.text != default:
                    continue  # a required text is in error; another language falls back
            self.characters(value, label, f"{name}.{key.text}", key.text, translated=True)
            values.append((key.text, value.text))
        given = [code for code, _ in values]
        if default not in given:
            if default not in told:
                self.error(node.pos, f"{label}: no '{default}' {name}; the default language "
                           "must always be given")
            return None
        for lang in langs[1:]:
            if lang not in given and lang not in told:
                self.folder.missing(Problem(
                    self.file, node.pos.line, node.pos.col, "warning",
                    f"{label}: no '{lang}' {name}; '{default}' is shown instead"), lang)
        return Text(tuple(values), default)

    def title_fits(self, node: Node, label: str, title: Text) -> None:
        """A title that needs more lines than its panel gives it at 1920x1080, measured
        with the kiosk's own font (kiosk.core.advances)."""
        scalars = {key.text: value for key, value in node.items
                   if isinstance(value, Scalar)} if isinstance(node, YamlMapping) else {}
        for lang, value in title.values:
            font = title_font(is_cjk(lang))
            if font is None:
                return
            lines = break_lines(value, L.TITLE_WIDTH_PX, partial(_width, font,
                                                                 L.TITLE_SMALLEST_PX))
            if len(lines) > L.TITLE_LINES:
                at = scalars.get(lang, node).pos
                self.report(at, "warning", f"{label}: 'title' ({lang}) takes {len(lines)} "
                            f"lines in the event's panel at 1920x1080, even set smaller; it "
                            f"fits in {L.TITLE_LINES}, and more push the story below the "
                            f"fold: shorten it (about {self.fitting(lines)} characters fit), "
                            "and put the rest in the body")

    def exhibit_title_fits(self, node: Node, title: Text) -> None:
        """The exhibit's title where visitors read it at 1920x1080: on the welcome screen (too
        many lines hide its picture) and in every event's top bar (on one line, cut with
        '…' when it is longer), measured with the kiosk's own bold font."""
        font = title_font()
        if font is None:
            return
        scalars = {key.text: value for key, value in node.items
                   if isinstance(value, Scalar)} if isinstance(node, YamlMapping) else {}
        room = L.TOP_BAR_ROOM_PX - L.TOP_BAR_ROOM_PER_LANGUAGE_PX * max(
            0, len(self.folder.languages) - 2)
        for lang, value in title.values:
            at = scalars.get(lang, node).pos
            lines = break_lines(value, L.WELCOME_TITLE_WIDTH_PX,
                                lambda text: font.width(text, L.WELCOME_TITLE_SMALLER_PX))
            if len(lines) > L.WELCOME_TITLE_LINES:
                self.report(at, "warning", f"exhibit: 'title' ({lang}) takes {len(lines)} "
                            "lines on the welcome screen at 1920x1080, even set smaller, and "
                            "hides most of its picture; it fits in "
                            f"{L.WELCOME_TITLE_LINES}: shorten it (about "
                            f"{self.fitting(lines, L.WELCOME_TITLE_LINES)} characters fit), "
                            "and put the rest in the 'subtitle'")
            bar = HOME_ARROW + value.replace("\n", " ")
            if font.width(bar, L.TOP_BAR_TITLE_PX) > room:
                first = break_lines(bar, room, lambda text: font.width(
                    text, L.TOP_BAR_TITLE_PX))[0]
                fit = self.fitting([first[len(HOME_ARROW):]], 1)
                self.report(at, "warning", f"exhibit: 'title' ({lang}) is too long for the "
                            "top bar of the event screens at 1920x1080, which cuts it short "
                            f"with '…': shorten it (about {fit} characters fit), and "
                            "put the rest in the 'subtitle'")

    def subtitle_fits(self, node: Node, subtitle: Text) -> None:
        """The exhibit's subtitle under its title on the welcome screen at 1920x1080."""
        font = label_font()  # the regular face
        if font is None:
            return
        scalars = {key.text: value for key, value in node.items
                   if isinstance(value, Scalar)} if isinstance(node, YamlMapping) else {}
        for lang, value in subtitle.values:
            lines = break_lines(value, L.WELCOME_TITLE_WIDTH_PX,
                                lambda text: font.width(text, L.WELCOME_SUBTITLE_PX))
            if len(lines) > L.WELCOME_SUBTITLE_LINES:
                self.report(scalars.get(lang, node).pos, "warning", f"exhibit: 'subtitle' "
                            f"({lang}) takes {len(lines)} lines on the welcome screen at "
                            "1920x1080 and hides most of its picture; it fits in "
                            f"{L.WELCOME_SUBTITLE_LINES}: shorten it (about "
                            f"{self.fitting(lines, L.WELCOME_SUBTITLE_LINES)} characters fit)")

    def display_date_agrees(self, node: Node, label: str, text: Text, date: Date,
                            end: Date | None) -> None:
        """A display_date whose years are all far from the event's date: the timeline places
        the event at its date, the visitor reads another year (a copy from another event)."""
        scalars = {key.text: value for key, value in node.items
                   if isinstance(value, Scalar)} if isinstance(node, YamlMapping) else {}
        first, last = date.year, (end or date).year
        for lang, value in text.values:
            years = [(int(m[1]), m.end()) for m in _YEAR.finditer(value)]
            # a decade ("the 1980s", "1980年代") covers ten years; "c. 1980" may be a year off
            if years and not any(year - 1 <= last and first <= year + (
                    9 if _DECADE.match(value, at) else 1) for year, at in years):
                self.report(scalars.get(lang, node).pos, "warning", f"{label}: "
                            f"'display_date' ({lang}) says {years[0][0]}, but the event is "
                            f"placed at {first if first == last else f'{first}-{last}'} on "
                            "the timeline by its 'date': correct the one that is wrong")

    def label_fits(self, node: Node, label: str, text: Text, name: str) -> None:
        """An event's label on the timeline (its short_title, else its title) too long for
        the label's lines spills out of the strip."""
        font = label_font()
        if font is None:
            return
        scalars = {key.text: value for key, value in node.items
                   if isinstance(value, Scalar)} if isinstance(node, YamlMapping) else {}
        widest = L.LABEL_WIDTH_PX * L.LABEL_WIDENING[-1]
        for lang, value in text.values:
            lines = break_lines(value, widest, lambda part: font.width(part, L.LABEL_PX))
            if len(lines) > L.LABEL_LINES:
                fit = self.fitting(lines, L.LABEL_LINES)
                fix = (f"give the event a 'short_title' of a few words (about {fit} "
                       "characters fit)" if name == "title" else
                       f"shorten it to about {fit} characters")
                self.report(scalars.get(lang, node).pos, "warning", f"{label}: the timeline "
                            f"labels the event with its '{name}' ({lang}), which takes "
                            f"{len(lines)} lines there and spills out of the strip; {fix}")
                return

    @staticmethod
    def fitting(lines: list[str], count: int = L.TITLE_LINES) -> int:
        """How many characters of a text fit in the lines it may have, rounded down to 5."""
        fit = sum(len(line) for line in lines[:count])
        return max(5, fit - fit % 5)

    def blank(self, value: Scalar, label: str, name: str, lang: str, required: bool) -> None:
        """`zh: ""` or `zh: " "`: a visitor reading that language would see nothing (a
        required text: an error) or the default language's text (a warning)."""
        default = self.folder.languages[0]
        if required:
            fix = (f"write the {name}" if lang == default else f"write the {name}, or delete "
                   f"the '{lang}' line to show the '{default}' {name} instead")
            self.error(value.pos, f"{label}: '{name}.{lang}' is empty, so a visitor reading "
                       f"'{lang}' would see a blank {name}; {fix}")
        elif lang == default:
            self.report(value.pos, "warning", f"{label}: '{name}.{lang}' is empty, so a "
                        f"visitor reading '{lang}' sees no {name}; write it, or delete the "
                        f"whole '{name}'")
        else:
            self.report(value.pos, "warning", f"{label}: '{name}.{lang}' is empty; the "
                        f"'{default}' {name} is shown instead: write it, or delete the line")

    def markdown(self, node: Node, label: str, name: str, text: Text) -> None:
        """Markdown the kiosk cannot show as written: links, pictures, raw HTML, each at
        its own line (a body is many lines long)."""
        scalars = {key.text: value for key, value in node.items
                   if isinstance(value, Scalar)} if isinstance(node, YamlMapping) else {}
        for lang, value in text.values:
            scalar = scalars.get(lang, node if isinstance(node, Scalar) else None)
            for offset, problem in markdown_problems(value):
                pos = scalar.at(offset) if scalar is not None else node.pos
                self.report(pos, "warning", f"{label}: '{name}' ({lang}): {problem}")

    def characters(self, value: Scalar, label: str, name: str, lang: str,
                   translated: bool = False) -> None:
        """Markup, invisible characters and Word's punctuation in a text, each at its own
        line and column where the value's style lets us tell."""
        markdown = F.KIND_OF.get(name.split(".")[0]) == "markdown"
        if value.style == "" and unquoted(value.text) != value.text and not is_cjk(lang):
            self.report(value.pos, "warning", f"{label}: '{name}' is in Word's curly quotes, "
                        "which YAML does not read as quotes: a visitor would see them; "
                        f"remove them: {name.split('.')[-1]}: {unquoted(value.text)}")
            return
        # a text of one language only can be in the wrong one; a name (a credit) or a text
        # shown in every language cannot
        for finding in text_findings(value.text, markdown, lang, translated):
            self.report(value.pos if finding.offset is None else value.at(finding.offset),
                        finding.level,
                        f"{label}: '{name}' {finding.message}")
        self.glyphs(value, label, name)

    def glyphs(self, value: Scalar, label: str, name: str) -> None:
        """Characters the kiosk's own fonts do not draw, told once each, at the first."""
        drawn = shipped_characters()
        if drawn is None:
            return
        absent = {char for char in set(value.text) - _drawn_chars(drawn)
                  if not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")}
        if not absent:  # each distinct character looked at once: most texts end here
            return
        lacking = [(index, char) for index, char in enumerate(value.text) if char in absent]
        if not lacking:
            return
        chars = "".join(dict.fromkeys(char for _, char in lacking))
        listed = ", ".join(f"'{char}' ({code_point(char)})" for char in chars[:5])
        self.report(value.at(lacking[0][0]), "warning", f"{label}: '{name}' has {listed}"
                    f"{', ...' if len(chars) > 5 else ''}, which the kiosk's fonts lack: it "
                    "is drawn in another font of the computer, or as an empty box; add it to "
                    "the fonts with scripts/subset_fonts.py --content <this folder> (see "
                    "docs/content-guide.md)")

    def too_long(self, value: Scalar, label: str, name: str) -> bool:
        """Report a text over its key's limit (the kiosk lays out every text it shows)."""
        limit = F.MAX_LENGTH.get(name.split(".")[0])
        if limit is None or len(value.text) <= limit:
            return False
        self.error(value.pos, f"{label}: '{name}' has {len(value.text):,} characters; it may "
                   f"have at most {limit:,}: shorten it")
        return True

    def string(self, node: Node, label: str, name: str) -> str | None:
        value = self.scalar(node, label, name, "a text")
        if value is None or self.too_long(value, label, name):
            return None
        self.characters(value, label, name, self.folder.languages[0])
        return value.text

    def slug(self, node: Node, label: str, name: str) -> str | None:
        value = self.scalar(node, label, name, "an id")
        if value is None or self.too_long(value, label, name):
            return None
        if not re.fullmatch(F.SLUG_PATTERN, value.text):
            self.error(node.pos, f"{label}: '{name}' {shown(value.text)} may only have lowercase "
                       "letters, digits and single '-' between them")
            return None
        return value.text

    def date(self, node: Node, label: str, name: str) -> Date | None:
        value = self.scalar(node, label, name, "a date")
        if value is None:
            return None
        parsed = parse_date(value.text) if value.tag != FLOAT_TAG else None
        reason = impossible(value.text) if parsed is None else None
        if reason:
            self.error(node.pos, f"{label}: '{name}' {shown(value.text)}: {reason}")
        elif parsed is None:
            self.error(node.pos, f"{label}: '{name}' {shown(value.text)} is not a date; write a "
                       "year (1981, or -221 for 221 BCE), a year and month (\"1981-05\") or "
                       "a full date (\"1981-05-12\")")
        return parsed

    def era_ref(self, node: Node, label: str) -> str | None:
        value = self.string(node, label, "era")
        if value is None:
            return None
        era_ids = [era_id for kind, era_id in self.folder.ids if kind == "era"]
        if value not in era_ids:
            known = f" (eras: {', '.join(era_ids)})" if era_ids else " (no eras are defined)"
            self.error(node.pos, f"{label}: unknown era '{value}'"
                       f"{did_you_mean(value, era_ids)}{known}")
            return None
        return value

    def era_span(self, pos: Pos, label: str, era_id: str, start: Date, end: Date) -> None:
        """An event that does not touch its era's years is most likely a typo in one of them."""
        era = self.folder.eras.get(era_id)
        if era is None or (start.sort_key <= era.end.last_key
                           and end.last_key >= era.start.sort_key):
            return
        when = range_text(start, end, "en")
        self.report(pos, "warning", f"{label}: dated {when}, outside its era '{era_id}' "
                    f"({range_text(era.start, era.end, 'en')}); check the date, or give "
                    "the event the era it belongs to")

    def boolean(self, node: Node, label: str, name: str) -> bool | None:
        value = self.scalar(node, label, name, "true or false")
        if value is None:
            return None
        if value.tag == BOOL_TAG and not value.quoted:
            return value.text.lower() in _TRUE
        self.error(node.pos, f"{label}: '{name}' must be true or false, not {shown(value.text)}")
        return None

    def seconds(self, node: Node, label: str, spec: F.Field) -> float | None:
        value = self.scalar(node, label, spec.name, "a number of seconds")
        if value is None:
            return None
        if value.quoted or value.tag not in (INT_TAG, FLOAT_TAG):
            self.error(node.pos, f"{label}: '{spec.name}' must be a number of seconds, "
                       f"not {shown(value.text)}")
            return None
        try:
            seconds = float(value.text.replace("_", ""))
        except ValueError:
            self.error(node.pos, f"{label}: '{spec.name}' must be a number of seconds, "
                       f"not {shown(value.text)}")
            return None
        if spec.minimum is not None and spec.maximum is not None:
            problem = L.seconds_problem(spec.name, seconds, spec.minimum, spec.maximum)
            if problem:
                self.error(node.pos, f"{label}: {problem}")
                return None
        return seconds

    def color(self, node: Node, label: str, name: str) -> str | None:
        if isinstance(node, Scalar) and node.tag == NULL_TAG and not node.quoted:
            self.error(node.pos, f"{label}: '{name}' is empty; quote the colour, e.g. "
                       f"{name}: \"#2F6690\" (an unquoted # starts a comment)")
            return None
        value = self.scalar(node, label, name, "a colour")
        if value is None:
            return None
        if not re.fullmatch(F.COLOR_PATTERN, value.text):
            self.error(node.pos, f"{label}: '{name}' {shown(value.text)} is not a colour; write "
                       "\"#rrggbb\", e.g. \"#2F6690\"")
            return None
        return value.text.upper()

    def items(self, node: Node, label: str, name: str) -> tuple[Node, ...]:
        if isinstance(node, YamlSequence):
            return node.items
        if isinstance(node, Scalar) and node.tag == NULL_TAG and not node.quoted:
            return ()
        self.error(node.pos, f"{label}: '{name}' must be a list (lines starting with '- '), "
                   f"not {describe(node)}")
        return ()

    # --- objects --------------------------------------------------------------------------

    def era(self, node: Node, index: int) -> Era | None:
        label = named(node, "era", f"era {index + 1}")
        found = self.fields_of(node, F.ERA, "id, title, start, end", label)
        if found is None:
            return None
        era_id = self.slug(found["id"][1], label, "id") if "id" in found else None
        if era_id:
            self.folder.claim_id("era", era_id, self.file, found["id"][1].pos, self)
        title = self.text(found["title"][1], label, "title", True) if "title" in found else None
        start = self.date(found["start"][1], label, "start") if "start" in found else None
        end = self.date(found["end"][1], label, "end") if "end" in found else None
        if start and end and end.sort_key < start.sort_key:
            self.error(found["end"][1].pos, f"{label}: 'end' is before 'start'")
            end = None
        color = self.color(found["color"][1], label, "color") if "color" in found else None
        short = self.text(found["short_title"][1], label, "short_title", True) \
            if "short_title" in found else None
        if not (era_id and title and start and end):
            return None
        era = Era(era_id, title, start, end, color or ERA_PALETTE[index % len(ERA_PALETTE)],
                  short)
        self.era_colour(era, found["color"][1].pos if color else None, node.pos, label)
        self.folder.eras.setdefault(era_id, era)
        return era

    def era_colour(self, era: Era, at: Pos | None, era_at: Pos, label: str) -> None:
        """An era colour a visitor could not tell from the track, the panel, or another
        era's band (a repeat suggests a link that is not there)."""
        used = [other for other in self.folder.eras.values() if other.id != era.id]
        shown = {other.id: band_color(other.color) for other in [*used, era]}  # as drawn
        free = next((c for c in ERA_PALETTE if all(colour_distance(c, band) >= SAME_COLOUR
                                                   for band in shown.values())), None)
        if at is not None:
            for problem in era_colour_problems(era.color, free or ERA_PALETTE[0]):
                self.report(at, "warning", f"{label}: 'color' \"{era.color}\" {problem}")
        twin = next((other for other in used
                     if colour_distance(shown[other.id], shown[era.id]) < SAME_COLOUR), None)
        if twin is None:
            return
        fix = f", e.g. color: \"{free}\"" if free else ""
        if at is None:
            self.report(era_at, "warning",
                        f"{label}: has no 'color', and the kiosk's {len(ERA_PALETTE)} era "
                        f"colours are used up, so its band has the colour of era '{twin.id}' "
                        f"and visitors may take the two for one: give it a 'color'{fix}")
        else:
            self.report(at, "warning", f"{label}: 'color' \"{era.color}\" is the colour of era "
                        f"'{twin.id}' too, so visitors may take the two bands for one: give "
                        f"it another colour{fix}")

    def event(self, node: Node, label: str) -> Event | None:
        label = named(node, "event", label)
        problems_before = self.folder.error_count()
        found = self.fields_of(node, F.EVENT, "id, date, title, ...", label)
        if found is None:
            return None
        event_id = self.slug(found["id"][1], label, "id") if "id" in found else None
        if event_id:
            self.folder.claim_id("event", event_id, self.file, found["id"][1].pos, self)

        def optional(name: str, read: Callable[[Node], object]) -> object:
            return read(found[name][1]) if name in found else None

        date = optional("date", lambda n: self.date(n, label, "date"))
        end = optional("end", lambda n: self.date(n, label, "end"))
        if isinstance(date, Date) and isinstance(end, Date) and end.sort_key < date.sort_key:
            self.error(found["end"][1].pos, f"{label}: 'end' is before 'date'")
            date = None  # told once: no era warning about dates already in error
        title = optional("title", lambda n: self.text(n, label, "title", True))
        if isinstance(title, Text):
            self.title_fits(found["title"][1], label, title)
        short = optional("short_title", lambda n: self.text(n, label, "short_title", True))
        label_name = "short_title" if isinstance(short, Text) else "title"
        if isinstance(title, Text) and label_name in found:
            self.label_fits(found[label_name][1], label, short if isinstance(short, Text)
                            else title, label_name)
        display = optional("display_date", lambda n: self.text(n, label, "display_date", True))
        if isinstance(display, Text) and isinstance(date, Date):
            self.display_date_agrees(found["display_date"][1], label, display, date,
                                     end if isinstance(end, Date) else None)
        body = optional("body", lambda n: self.text(n, label, "body", False))
        if isinstance(body, Text):
            self.markdown(found["body"][1], label, "body", body)
        era = optional("era", lambda n: self.era_ref(n, label))
        if isinstance(era, str) and isinstance(date, Date):
            self.era_span(found["date"][1].pos, label, era,
                          date, end if isinstance(end, Date) else date)
        highlight = optional("highlight", lambda n: self.boolean(n, label, "highlight"))
        media: list[Media] = []
        if "media" in found:
            items = self.items(found["media"][1], label, "media")
            if len(items) > L.MAX_MEDIA:
                self.error(found["media"][1].pos, f"{label}: {len(items)} photos; an event "
                           f"may have at most {L.MAX_MEDIA}")
            for number, item in enumerate(items[:L.MAX_MEDIA], 1):
                keys = {key.text for key, _ in item.items} if isinstance(item, YamlMapping) \
                    else set()
                kind = next((k for k in ("video", "audio") if k in keys), "photo")
                photo = self.media(item, f"{label}, {kind} {number}")
                if photo is not None:
                    media.append(photo)
        if self.folder.error_count() > problems_before:
            return None
        assert isinstance(event_id, str) and isinstance(date, Date)
        assert isinstance(title, Text)
        return Event(
            id=event_id, date=date, title=title,
            end=end if isinstance(end, Date) else None,
            display_date=display if isinstance(display, Text) else None,
            body=body if isinstance(body, Text) else EMPTY,
            era=era if isinstance(era, str) else None,
            highlight=bool(highlight),
            media=tuple(media),
            short_title=short if isinstance(short, Text) else None,
        )

    def media(self, node: Node, label: str) -> Media | None:
        problems_before = self.folder.error_count()
        found = self.fields_of(node, F.MEDIA, "image, video or audio, caption, credit, alt",
                               label)
        if found is None:
            return None
        given = [key for key in ("image", "video", "audio") if key in found]
        if not given and not any(isinstance(v, YamlMapping) for _, v in found.values()):
            self.error(node.pos, f"{label}: missing required key 'image' (or 'video' or "
                       "'audio')")
        for extra in given[1:]:
            self.error(found[extra][0].pos, f"{label}: has '{given[0]}' and '{extra}'; an "
                       "item shows one of them: make another item of the list for the other")
        kind = given[0] if given else "image"
        image = self.image(found["image"][1], label) if "image" in found else None
        playable: tuple[Path, str, MediaInfo] | None = None
        if kind in ("video", "audio"):
            playable = self.playable("video" if kind == "video" else "audio",
                                     found[kind][1], label)
        for key in ("poster", "captions"):
            if key in found and kind == "image":
                self.error(found[key][0].pos, f"{label}: '{key}' is for a video or audio "
                           "item; a photo has none")
        poster = self.image(found["poster"][1], label, "poster") \
            if "poster" in found and kind != "image" else None
        captions: tuple[tuple[str, Path], ...] = ()
        if "captions" in found and kind != "image":
            captions = self.captions(found["captions"][1], label,
                                     playable[2].duration if playable else None)
        elif kind != "image":
            self.report(node.pos, "warning", f"{label}: no 'captions'; visitors who cannot "
                        f"hear the {kind} get nothing: add a WebVTT file per language, "
                        "e.g. captions: {en: media/film.en.vtt} (docs/content-guide.md)")
        caption = self.text(found["caption"][1], label, "caption", False) \
            if "caption" in found else None
        credit = self.text(found["credit"][1], label, "credit", False) \
            if "credit" in found else None
        alt = self.text(found["alt"][1], label, "alt", True) if "alt" in found else None
        if "alt" not in found:
            what = "picture" if kind == "image" else kind
            self.report(node.pos, "warning", f"{label}: no 'alt' text; describe the {what} "
                        "for visitors who use a screen reader")
        if self.folder.error_count() > problems_before:
            return None
        texts = (caption or EMPTY, credit or EMPTY, alt or EMPTY)
        if kind == "image":
            assert image is not None
            path, source, info = image
            return Media(path, source, *texts, info.width, info.height, info.rotated)
        assert playable is not None
        media_path, media_source, media = playable
        still = poster[0] if poster else None
        width, height = (poster[2].width, poster[2].height) if poster else (media.width,
                                                                            media.height)
        return Media(still, media_source, *texts, width, height,
                     poster[2].rotated if poster else False,
                     video=media_path if kind == "video" else None,
                     audio=media_path if kind == "audio" else None,
                     captions=captions, duration=media.duration)

    def image(self, node: Node, label: str, name: str = "image"
              ) -> tuple[Path, str, ImageInfo] | None:
        value = self.scalar(node, label, name, "a path")
        if value is None:
            return None
        source = value.text
        found = self.folder.pictures.get(source)
        if found is None:  # a photo many events show is looked up and checked once
            found = self.folder.pictures[source] = self._picture(source)
        if isinstance(found, str):
            self.error(node.pos, f"{label}: {name}{found.removeprefix('image')}"
                       if name != "image" else f"{label}: {found}")
            return None
        resolved, info = found
        for warning in (size_warning(info), shape_warning(info)):
            if warning:
                self.report(node.pos, "warning", f"{label}: {warning}")
        return resolved, source, info

    def playable(self, kind: MediaKind, node: Node, label: str
                 ) -> tuple[Path, str, MediaInfo] | None:
        """A video or audio file: where it is and what it holds (each file checked once)."""
        value = self.scalar(node, label, kind, "a path")
        if value is None:
            return None
        source = value.text
        key = f"{kind}:{source}"
        found = self.folder.playables.get(key)
        if found is None:
            found = self.folder.playables[key] = self._playable(kind, source)
        if isinstance(found, str):
            self.error(node.pos, f"{label}: {found}")
            return None
        resolved, info = found
        for warning in media_files.warnings(kind, info):
            self.report(node.pos, "warning", f"{label}: {kind} '{source}' {warning}")
        return resolved, source, info

    def _playable(self, kind: MediaKind, source: str) -> tuple[Path, MediaInfo] | str:
        resolved = self._resolve(source, kind, "media/film.mp4" if kind == "video"
                                 else "media/song.mp3")
        if isinstance(resolved, str):
            return resolved
        try:
            return resolved, media_files.check(kind, self.folder.real, resolved, source)
        except (FileProblem, MediaError) as exc:
            return f"{kind} '{source}' {exc}"

    def captions(self, node: Node, label: str, duration: float | None
                 ) -> tuple[tuple[str, Path], ...]:
        """The caption files by language; a missing language falls back to the default's
        with a warning, as texts do. Each file's faults are told in the file itself."""
        langs = self.folder.languages
        default = langs[0]
        pairs: list[tuple[Scalar | None, str, Node]] = []
        if isinstance(node, YamlMapping):
            for key, value in node.items:
                if key.text not in langs:
                    self.error(key.pos, f"{label}: 'captions' has language '{key.text}', "
                               "which the exhibit does not declare (languages: "
                               f"{', '.join(langs)}){did_you_mean(key.text, langs)}")
                    continue
                pairs.append((key, key.text, value))
        else:
            pairs.append((None, default, node))
        found: list[tuple[str, Path]] = []
        for _, lang, value_node in pairs:
            path_node = self.scalar(value_node, label, f"captions.{lang}", "a path")
            if path_node is None:
                continue
            path = self.caption_file(path_node, label, duration)
            if path is not None:
                found.append((lang, path))
        given = {lang for _, lang, _ in pairs}
        if default not in given:
            self.error(node.pos, f"{label}: no '{default}' captions; the default language "
                       "must always be given")
        else:
            for lang in langs[1:]:
                if lang not in given:
                    self.folder.missing(Problem(
                        self.file, node.pos.line, node.pos.col, "warning",
                        f"{label}: no '{lang}' captions; '{default}' captions are shown "
                        "instead"), lang)
        return tuple(found)

    def caption_file(self, value: Scalar, label: str, duration: float | None
                     ) -> Path | None:
        """One WebVTT file: its faults at their line and column in the file itself."""
        source = value.text
        if not source.lower().endswith(".vtt"):
            self.error(value.pos, f"{label}: caption file '{source}' is not a WebVTT file "
                       "(.vtt); convert subtitles with `ffmpeg -i captions.srt "
                       "captions.vtt`")
            return None
        resolved = self._resolve(source, "caption file", "media/film.en.vtt")
        if isinstance(resolved, str):
            self.error(value.pos, f"{label}: {resolved}")
            return None
        shown = posixpath.normpath(source)
        try:
            cues = read_cues(self.folder.real, resolved)
        except FileProblem as exc:
            self.error(value.pos, f"{label}: caption file '{source}' {exc}")
            return None
        except CaptionError as exc:
            self.folder.problems.append(Problem(shown, exc.line, exc.col, "error",
                                                f"{exc.message} (captions of {label})"))
            return None
        for finding in cue_findings(cues, duration):
            self.folder.problems.append(Problem(shown, finding.line, finding.col,
                                                finding.level, finding.message))
        return resolved

    def _picture(self, source: str) -> tuple[Path, ImageInfo] | str:
        """The file an image path names and its check, or what is wrong with it."""
        resolved = self._resolve(source, "image", "media/photo.jpg")
        if isinstance(resolved, str):
            return resolved
        try:
            return resolved, read_image_info(self.folder.real, resolved)
        except ImageError as exc:
            return f"image '{source}' {exc}"

    def _resolve(self, source: str, what: str, example: str) -> Path | str:
        """The file a path names inside the folder, or what is wrong with the path."""
        if "\\" in source:
            return (f"{what} path '{source}' uses '\\'; write paths with '/', e.g. "
                    f"{example}")
        if PurePosixPath(source).is_absolute() or PureWindowsPath(source).drive:
            return (f"{what} path '{source}' is absolute; write it relative to the content "
                    f"folder, e.g. {example}")
        problem = name_problem(source)
        if problem:
            return f"{what} path {problem}"
        # posixpath: os.path.normpath turns '/' into '\\' on Windows, hiding the '..'
        if PurePosixPath(posixpath.normpath(source)).parts[:1] == ("..",):
            return f"{what} path '{source}' leaves the content folder"
        path = self.folder.root / source
        self.folder.used.add(Path(os.path.normpath(self.folder.real / source)))  # even broken
        try:
            resolved = inside(self.folder.real, path)
        except FileProblem as exc:
            return f"{what} '{source}' {exc}"
        self.folder.used.add(resolved)
        if not os.path.lexists(resolved) or not self.folder.named_exactly(source):
            # (a name that differs in capitals opens on Windows and macOS, not on Linux:
            # every kiosk reads names exactly as written, so content works the same on each)
            return f"{what} '{source}' does not exist{self.folder.suggest_file(path)}"
        return resolved


@dataclass
class Folder:
    """What the rules share across the files of one content folder."""

    root: Path
    languages: tuple[str, ...] = F.DEFAULT_LANGUAGES
    problems: list[Problem] = field(default_factory=list)
    ids: dict[tuple[str, str], tuple[str, Pos]] = field(default_factory=dict)
    used: set[Path] = field(default_factory=set)  # real paths of the files the rules read
    # image path as written -> its file and check, or the problem: checked once per folder
    pictures: dict[str, tuple[Path, ImageInfo] | str] = field(default_factory=dict)
    # "video:path" or "audio:path" -> its file and what it holds, or the problem
    playables: dict[str, tuple[Path, MediaInfo] | str] = field(default_factory=dict)
    eras: dict[str, Era] = field(default_factory=dict)  # the valid ones, for event checks
    real: Path = field(init=False)  # the folder's real path: links are compared with it
    bytes_read: int = 0  # of YAML, in every file so far
    _errors: int = 0
    _counted: int = 0  # problems already in _errors: counting stays linear in the problems
    _listings: dict[Path, list[str]] = field(default_factory=dict)
    _names: dict[Path, frozenset[str]] = field(default_factory=dict)  # each folder's, as is
    _missing: dict[str, list[Problem]] = field(default_factory=dict)

    def missing(self, problem: Problem, lang: str) -> None:
        """A text not translated into `lang`: told one by one, or summed up (see below)."""
        self._missing.setdefault(lang, []).append(problem)

    def tell_missing(self) -> None:
        """A few missing translations are told one by one; a language added without its
        texts (148 of them) is one line that says how many and where the first is."""
        for lang, found in self._missing.items():
            if len(found) <= MISSING_ONE_BY_ONE:
                self.problems += found
                continue
            first = found[0]
            self.problems.append(Problem(
                first.file, first.line, first.col, "warning",
                f"{lang}: {len(found):,} texts missing; first at {first.file}:{first.line}:"
                f"{first.col} ({first.message.split('; ')[0]}); '{self.languages[0]}' is "
                "shown instead of each (they are listed one by one when at most "
                f"{MISSING_ONE_BY_ONE} are left)"))
        self._missing.clear()

    def __post_init__(self) -> None:
        self.real = real_root(self.root)

    def error_count(self) -> int:
        if self._counted > len(self.problems):  # the list was replaced or cut
            self._errors = self._counted = 0
        self._errors += sum(p.is_error for p in self.problems[self._counted:])
        self._counted = len(self.problems)
        return self._errors

    def suggest_file(self, path: Path) -> str:
        """A hint for a missing file: the name that differs only in Unicode form, or the
        closest name in its folder (each folder is listed once, however many photos)."""
        parent = posixpath.dirname(path.relative_to(self.root).as_posix()) \
            if path.is_relative_to(self.root) else ""
        if not os.path.isdir(path.parent) or (parent and not self.named_exactly(parent)):
            found = self.same_but_case(path)  # `Media/a.jpg` for media/a.jpg: a folder's case
            return (f" (did you mean '{found}'? Capitals count: the path must be written "
                    "exactly as the folders and the file are named)") if found else ""
        if path.parent not in self._listings:
            try:
                self._listings[path.parent] = sorted(os.listdir(path.parent))
            except (OSError, ValueError):
                self._listings[path.parent] = []
        names = self._listings[path.parent]
        wanted = unicodedata.normalize("NFC", path.name)
        same = [name for name in names if unicodedata.normalize("NFC", name) == wanted]
        if same:
            return (f"; a file '{same[0]}' looks the same but its accents are stored as "
                    "different Unicode characters (NFC/NFD): retype the file name, or copy "
                    "the name from the file into the YAML")
        folded = [name for name in names
                  if unicodedata.normalize("NFC", name).casefold() == wanted.casefold()]
        if folded:  # copied from Windows or macOS, whose file names ignore case
            return (f" (did you mean '{folded[0]}'? Capitals count: the name must be written "
                    "exactly as the file is named)")
        return did_you_mean(path.name, names) if len(names) <= _MAX_SUGGEST_NAMES else ""

    def named_exactly(self, source: str) -> bool:
        """Is every folder and file of the path in the folder named exactly as written?
        (Each folder is listed once.)"""
        where = self.root
        for part in PurePosixPath(posixpath.normpath(source)).parts:
            if part in (".", ".."):
                where = where / part
                continue
            if where not in self._names:
                try:
                    self._names[where] = frozenset(os.listdir(where))
                except (OSError, ValueError):
                    self._names[where] = frozenset()
            if part not in self._names[where]:
                return False
            where = where / part
        return True

    def same_but_case(self, path: Path) -> str | None:
        """The path inside the folder that differs from `path` only in capitals, if any."""
        try:
            parts = path.relative_to(self.root).parts
        except ValueError:
            return None
        where, found = self.root, list[str]()
        for part in parts:
            try:
                names = sorted(os.listdir(where))
            except (OSError, ValueError):
                return None
            match = next((name for name in names if name == part), None) or next(
                (name for name in names if name.casefold() == part.casefold()), None)
            if match is None:
                return None
            where, found = where / match, [*found, match]
        return "/".join(found)

    def claim_id(self, kind: str, value: str, file: str, pos: Pos, checker: Checker) -> None:
        first = self.ids.get((kind, value))
        if first is None:
            self.ids[(kind, value)] = (file, pos)
            return
        checker.error(pos, f"{kind} id '{value}' is used twice (first in {first[0]} "
                      f"line {first[1].line})")
