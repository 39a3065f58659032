"""The exhibit as an import will write it: plain values, before they become YAML.

Texts are mappings from language code to string (one language for a TimelineJS source);
dates are written as content format 1 writes them (a year as an int, "YYYY-MM",
"YYYY-MM-DD"). Here too: ids made from titles, short titles made from a title's first
words, texts kept within the format's limits.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core import limits as L
from kiosk.core.advances import label_font
from kiosk.core.line_breaking import break_lines

Texts = dict[str, str]  # language code -> text
DateValue = int | str  # 1981, "1981-05", "1981-05-12"


@dataclass
class DraftMedia:
    image: str  # relative path inside the new folder, forward slashes
    source: Path | None = None  # the file to copy there; None when already in place
    caption: Texts = field(default_factory=dict)
    # a name, one string for every language ("City archive"), or a text per language
    credit: str | Texts = ""
    alt: Texts = field(default_factory=dict)


@dataclass
class DraftEra:
    id: str
    title: Texts
    start: DateValue
    end: DateValue
    short_title: Texts = field(default_factory=dict)
    color: str = ""


@dataclass
class DraftEvent:
    id: str
    date: DateValue
    title: Texts
    end: DateValue | None = None
    display_date: Texts = field(default_factory=dict)
    short_title: Texts = field(default_factory=dict)
    body: Texts = field(default_factory=dict)
    era: str = ""
    highlight: bool = False
    media: list[DraftMedia] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # written above the event's keys
    file: str = ""  # "events/01-x.yaml", or "exhibit.yaml" for an event kept there
    sort_key: tuple[float, ...] = ()  # the source's own order of time, time of day included


@dataclass
class Draft:
    title: Texts
    languages: list[str]
    subtitle: Texts = field(default_factory=dict)
    idle_timeout: float | None = None
    attract_interval: float | None = None
    eras: list[DraftEra] = field(default_factory=list)
    events: list[DraftEvent] = field(default_factory=list)
    interface: dict[str, dict[str, str]] = field(default_factory=dict)
    comments: list[str] = field(default_factory=list)  # at the top of exhibit.yaml


# a word such as "of" or "the" never ends an id or a short title
_DANGLING = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at"}

# --- ids --------------------------------------------------------------------------------
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
ID_WORDS_CHARS = 40  # an id made from a title: its first words, up to about this long


def slug(text: str, fallback: str) -> str:
    """An id from a title: ASCII lowercase words joined by '-', the first few of them;
    `fallback` when nothing is left (a Chinese title)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in _NOT_SLUG.split(ascii_text.lower()) if w]
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > ID_WORDS_CHARS:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in _DANGLING:
        kept.pop()
    return "-".join(kept)[:ID_WORDS_CHARS].strip("-") or fallback


def unique(wanted: str, used: set[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... whichever is free; then taken."""
    candidate, n = wanted, 1
    while candidate in used:
        n += 1
        candidate = f"{wanted[:L.MAX_ID_CHARS - len(str(n)) - 1]}-{n}"
    used.add(candidate)
    return candidate


# --- texts within their limits ----------------------------------------------------------
def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, cut after a whole word, with "…"."""
    if len(text) <= limit:
        return text
    head = text[:limit - 1]
    space = head.rfind(" ")
    if space > limit // 2:
        head = head[:space]
    return head.rstrip(" ,;:.-") + "…"


def label_lines(text: str) -> list[str]:
    """The lines of the event's label on the timeline, measured with the kiosk's font as
    `kiosk validate` measures them, but at the label's normal width (so that a short title
    needs no widening). Without the font: about 15 characters a line."""
    font = label_font()
    if font is None:
        return [text[i:i + 15] for i in range(0, len(text), 15)] or [""]
    return break_lines(text, L.LABEL_WIDTH_PX, lambda part: font.width(part, L.LABEL_PX))


def short_title(title: str) -> str:
    """The title's first words that fit the timeline label, or "" when the whole title
    fits (then no short title is needed): what the label's lines hold, measured once.
    Without spaces (Chinese, Japanese), the first characters. A word such as "of" or "the"
    never ends it."""
    lines = label_lines(title)
    if len(lines) <= L.LABEL_LINES:
        return ""
    # the title's own first characters, as many as the label's lines hold (a line may
    # break after a hyphen, so the lines are not joined with spaces)
    wanted = sum(len("".join(line.split())) for line in lines[:L.LABEL_LINES])
    end = 0
    for end, char in enumerate(title, start=1):  # noqa: B007 (end is used below)
        wanted -= not char.isspace()
        if wanted <= 0:
            break
    shown = title[:end]
    if " " in title.strip():
        cut_word = end < len(title) and not title[end].isspace() and shown[-1] not in "-–—/"
        words = shown.split()
        if cut_word and len(words) > 1:
            words.pop()
        while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
            words.pop()
        shown = " ".join(words)
    return shown.rstrip(",;:—–-，、：")
