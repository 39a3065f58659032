"""What a text may hold besides the words a visitor reads: plain Python, no Qt.

Two kinds of trouble an editor cannot see in the YAML:

- markup: an HTML tag or an entity pasted from a web page. The kiosk shows every text as
  plain text (a tag is drawn as typed, it never loads anything), so markup is a mistake to
  point out, not something to render;
- invisible characters: bidirectional overrides, embeddings and isolates (the "Trojan
  source" characters) reorder what a visitor reads, and other format characters (zero-width
  space, a byte order mark inside the text) hide in words. A reordering character is an
  error unless the text is right to left and every one of them is closed again; the joiners
  that Arabic, Persian and Indic scripts need, and the marks that right-to-left text uses,
  pass.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from kiosk.core.i18n import is_cjk
from kiosk.core.line_breaking import is_cjk_char

# an HTML or XML tag (opening, closing, self-closing, comment, declaration) as browsers and
# Qt's rich text read it: '<' and a letter, '/', '!' or '?'
_TAG = re.compile(r"<\s*(?:[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|/\s*[A-Za-z][A-Za-z0-9-]*\s*"
                  r"|!--.*?--|![A-Za-z][^<>]*|\?[^<>]*)>", re.DOTALL)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
            "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_CLOSERS = {"\u202c", "\u2069"}
_OVERRIDES = {"\u202d", "\u202e"}  # force an order on characters against their nature
REORDERING = set(_OPENERS) | _CLOSERS
# format characters that scripts need: joiners (Arabic, Persian, Indic scripts, emoji), the
# soft hyphen, and the marks right-to-left text uses to place its punctuation
_NEEDED = {"\u200c", "\u200d", "\u00ad"}
_RTL_MARKS = {"\u200e", "\u200f", "\u061c"}
_SHOWN = 40

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    level: Severity
    message: str
    offset: int | None = None  # where in the text: the message points there (None: the value)


# Word's "smart" quotes. The kiosk's fonts take them from the CJK font, which draws them
# full-width ("UNV’  s"); the bundled exhibit writes straight ' and " in Latin script.
WORD_QUOTES = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}
_WORD_QUOTE = re.compile("[" + "".join(WORD_QUOTES) + "]")


def code_point(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': how a message names an invisible character."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def markup(text: str) -> tuple[str, int] | None:
    """The first HTML tag or entity in a plain text, cut short, and where it starts; None
    when there is none."""
    if "<" not in text and "&" not in text:  # neither a tag nor an entity can be there
        return None
    found = [m for m in (_TAG.search(text), _ENTITY.search(text)) if m is not None]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    shown = first.group()
    return (shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"), first.start()


# Markdown typed in a plain text (a title, a caption): emphasis and links, which only an
# event's body lays out; elsewhere a visitor reads the asterisks and brackets.
_MARKDOWN = re.compile(r"(\*\*|__)(?=\S)[^\n]*?\S\1"
                       r"|(?<![\w*])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?![\w*])"
                       r"|(?<![\w_])_(?=[^\s_])[^_\n]*?[^\s_]_(?![\w_])"
                       r"|\[[^\]\n]+\]\([^)\s]+\)")


def markdown_in_plain(text: str) -> tuple[str, int] | None:
    """The first Markdown emphasis or link in a plain text, cut short, and where it starts."""
    match = _MARKDOWN.search(text)
    if match is None:
        return None
    shown = match.group()
    return (shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"), match.start()


def spacing(text: str) -> Finding | None:
    """White space a visitor sees in a one-line text: a line break YAML's '|' keeps at the
    end (an empty line under a title), spaces or a tab before the first word (the text
    shifted), a tab inside (a wide gap)."""
    if text.endswith("\n") and text.strip():
        return Finding("warning", "ends with a line break (a '|' or '>' block keeps it), "
                       "which a visitor sees as an empty line under it: write the text on the "
                       "key's line, or start the block with '|-' (or '>-')")
    if text[:1] in (" ", "\t") and text.strip():
        return Finding("warning", "starts with spaces, which shift it on screen: delete them",
                       0)
    tab = text.find("\t")
    if tab >= 0:
        return Finding("warning", "has a tab, which is drawn as a wide gap: type a space "
                       "instead", tab)
    return None


def is_right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _balanced(text: str) -> bool:
    """Every embedding or isolate closed by its own closer, in order, within its line."""
    for line in text.split("\n"):
        open_: list[str] = []
        for ch in line:
            if ch in _OPENERS:
                open_.append(_OPENERS[ch])
            elif ch in _CLOSERS and (not open_ or open_.pop() != ch):
                return False
        if open_:
            return False
    return True


def _has_format_char(text: str) -> bool:
    """Does the text hold any format character (category Cf)? Most texts have none, and
    two passes in C say so: ASCII has none, and none is printable."""
    if text.isascii() or text.replace("\n", "").isprintable():
        return False
    return any(unicodedata.category(ch) == "Cf" for ch in text)


def invisible(text: str) -> list[Finding]:
    """Reordering characters (errors where not needed) and other format characters
    (warnings), each named once by its code point."""
    if not _has_format_char(text):
        return []
    found: list[Finding] = []
    seen: set[str] = set()
    rtl = is_right_to_left(text)
    needed_order = rtl and _balanced(text)
    for index, ch in enumerate(text):
        if ch in seen or unicodedata.category(ch) != "Cf":
            continue
        if ch in REORDERING:
            if ch in _OVERRIDES or not needed_order:
                seen.add(ch)
                why = ("it forces the characters after it into another order"
                       if ch in _OVERRIDES else
                       "it is not needed here" if not rtl else "it is not closed again")
                found.append(Finding("error", f"has the invisible character {code_point(ch)}, "
                                     f"which changes the order a visitor reads ({why}); "
                                     "delete it", index))
        elif ch in _NEEDED or (rtl and ch in _RTL_MARKS) or (ch == "\ufeff" and index == 0):
            continue
        else:
            seen.add(ch)
            found.append(Finding("warning", f"has the invisible character {code_point(ch)} "
                                 f"(after {text[max(0, index - 12):index]!r}); delete it "
                                 "unless it is meant", index))
    return found


def word_quotes(text: str, lang: str) -> Finding | None:
    """Curly quotes in a text that is not Chinese, Japanese or Korean, with the text as it
    should be typed (what a visitor would see drawn full-width is 'UNV’  s')."""
    if is_cjk(lang):
        return None
    first = _WORD_QUOTE.search(text)
    if first is None:
        return None
    index = first.start()
    line_start = text.rfind("\n", 0, index) + 1
    line_end = len(text) if text.find("\n", index) < 0 else text.find("\n", index)
    start, end = max(line_start, index - 30), min(line_end, index + 30)
    straight = "".join(WORD_QUOTES.get(ch, ch) for ch in text[start:end])
    shown = ("…" if start > line_start else "") + straight + ("…" if end < line_end else "")
    return Finding("warning", f"has Word's curly quote {text[index]} (after "
                   f"'{text[start:index]}'); the kiosk's font draws curly quotes full-width, "
                   f"with a wide gap: type straight quotes ' and \" instead, e.g. "
                   f"'{shown}' (in Word: File > Options > Proofing > AutoCorrect "
                   "Options > AutoFormat As You Type, untick \"Straight quotes with smart "
                   "quotes\")", index)


_WORDS = re.compile(r"[A-Za-z]{3,}[\s,.;:-]+[A-Za-z]{3,}")  # two Latin words


def wrong_language(text: str, lang: str) -> Finding | None:
    """A Chinese (Japanese, Korean) text with no character of that script but English
    words: the English pasted in and not translated; or the other way round."""
    if is_cjk(lang):
        if _WORDS.search(text) and not any(map(is_cjk_char, text)):
            return Finding("warning", f"has no Chinese, Japanese or Korean character, so it "
                           f"is likely not in '{lang}' (an untranslated copy?): a visitor "
                           f"reading '{lang}' reads it as typed; translate it, or delete the "
                           "line to show the default language's text")
        return None
    if text.isascii():  # no Chinese character at all
        return None
    cjk = sum(map(is_cjk_char, text))
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    if cjk >= 2 and cjk > latin:
        return Finding("warning", f"is written in Chinese characters, but it is the "
                       f"'{lang}' text: were two languages swapped? Put it under the "
                       "language it is written in (an exhibit in Chinese lists it first: "
                       "languages: [zh, ...])")
    return None


def text_findings(text: str, markdown: bool, lang: str = "en",
                  translated: bool = False) -> list[Finding]:
    """Everything `kiosk validate` tells about one value of a text field; the Markdown body
    has its own markup rules (kiosk.content.markdown). Only a `translated` text (one
    language's entry of a mapping) can be in the wrong language."""
    found: list[Finding] = []
    tag = None if markdown else markup(text)
    if tag is not None:
        found.append(Finding("warning", f"has markup {tag[0]!r}; the kiosk shows texts as "
                             "plain text, so a visitor would read it as typed: write the text "
                             "without HTML", tag[1]))
    typed = None if markdown else markdown_in_plain(text)
    if typed is not None:
        found.append(Finding("warning", f"has Markdown {typed[0]!r}; only an event's body is "
                             "Markdown, so a visitor would read the "
                             f"{'brackets' if typed[0].startswith('[') else 'marks'} as typed: "
                             "write the text without them", typed[1]))
    found += [f for f in (None if markdown else spacing(text), word_quotes(text, lang),
                          wrong_language(text, lang) if translated else None) if f]
    return found + invisible(text)
