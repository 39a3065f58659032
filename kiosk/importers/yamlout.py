"""YAML as an editor would write it by hand: block style, Chinese as it is, a literal block
for every story, quotes only where YAML needs them, and a comment where it helps.

Our own emitter rather than a YAML library's: the output is small and regular (content
format 1 has a fixed shape), and its look is the point. Every file it writes is read back
by kiosk.content's loader before the folder is put in place (see `writer`).
"""

from __future__ import annotations

import json
import re

from kiosk.importers.draft import DateValue, Draft, DraftEra, DraftEvent, DraftMedia, Texts

# YAML 1.1 (PyYAML, the loader) reads these plain words as booleans or null, not strings.
_SPECIAL_WORDS = {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", ""}
# A character YAML reads as a line break or cannot hold raw: escaped inside double quotes.
_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9+.~=<]"  # the first character
                    r"[^\n\r\t]*")
_PLAIN_ANYWHERE_BAD = (": ", " #", "\t")


def quoted(text: str) -> str:
    """A double-quoted YAML scalar (JSON's string syntax is valid YAML)."""
    out = json.dumps(text, ensure_ascii=False)
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def scalar(text: str) -> str:
    """A one-line string, plain where YAML reads it back as the same string."""
    if (_PLAIN.fullmatch(text) and text.lower() not in _SPECIAL_WORDS
            and not any(bad in text for bad in _PLAIN_ANYWHERE_BAD)
            and not text.endswith((":", " ")) and not _ESCAPE.search(text)):
        return text
    return quoted(text)


def block(text: str, indent: str) -> str:
    """A multi-line text as a literal block (`|`), or quoted where a block cannot hold it
    exactly (leading spaces, whitespace-only lines, carriage returns)."""
    lines = text.rstrip("\n").split("\n")
    if (_ESCAPE.search(text) or "\r" in text or text.startswith((" ", "\n", "\t"))
            or any(line.strip() == "" and line for line in lines)
            or any(line != line.rstrip() for line in lines)):
        return " " + quoted(text)
    trailing = len(text) - len(text.rstrip("\n"))
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines)
    extra = "\n" * (trailing - 1) if trailing > 1 else ""
    return f" |{chomp}\n{body}{extra}"


def value(text: str, indent: str) -> str:
    """What follows `key:` for a string."""
    return block(text, indent) if "\n" in text else " " + scalar(text)


def date(value_: DateValue) -> str:
    return str(value_) if isinstance(value_, int) else quoted(value_)


def texts(key: str, given: Texts, indent: str, languages: list[str]) -> list[str]:
    """`key:` and one line per language, in the exhibit's order of languages."""
    if not given:
        return []
    out = [f"{indent}{key}:"]
    inner = indent + "  "
    order = [lang for lang in languages if lang in given]
    order += [lang for lang in given if lang not in order]
    for lang in order:
        out.append(f"{inner}{lang}:{value(given[lang], inner + '  ')}")
    return out


def comment(lines: list[str], indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for text in lines for line in text.split("\n")]


def media_lines(media: DraftMedia, indent: str, languages: list[str]) -> list[str]:
    inner = indent + "  "
    out = [f"{indent}- image:{value(media.image, inner)}"]
    out += texts("caption", media.caption, inner, languages)
    if isinstance(media.credit, str):
        if media.credit:  # a name: one string for every language
            out.append(f"{inner}credit:{value(media.credit, inner + '  ')}")
    else:
        out += texts("credit", media.credit, inner, languages)
    out += texts("alt", media.alt, inner, languages)
    return out


def event_lines(event: DraftEvent, indent: str, languages: list[str]) -> list[str]:
    """An event's keys, in the order the bundled exhibit writes them; `indent` is where
    the keys start (the first key carries the list's "- " when inside exhibit.yaml)."""
    out = [f"{indent}id: {scalar(event.id)}", f"{indent}date: {date(event.date)}"]
    if event.end is not None:
        out.append(f"{indent}end: {date(event.end)}")
    out += texts("display_date", event.display_date, indent, languages)
    if event.era:
        out.append(f"{indent}era: {scalar(event.era)}")
    if event.highlight:
        out.append(f"{indent}highlight: true")
    out += texts("title", event.title, indent, languages)
    out += texts("short_title", event.short_title, indent, languages)
    out += texts("body", event.body, indent, languages)
    if event.media:
        out.append(f"{indent}media:")
        for media in event.media:
            out += media_lines(media, indent + "  ", languages)
    return out


def era_lines(era: DraftEra, languages: list[str]) -> list[str]:
    out = [f"  - id: {scalar(era.id)}"]
    out += texts("title", era.title, "    ", languages)
    out += texts("short_title", era.short_title, "    ", languages)
    out += [f"    start: {date(era.start)}", f"    end: {date(era.end)}"]
    if era.color:
        out.append(f"    color: {quoted(era.color)}")
    return out


def _number(seconds: float) -> str:
    return str(int(seconds)) if float(seconds).is_integer() else repr(float(seconds))


def exhibit_yaml(draft: Draft) -> str:
    """exhibit.yaml: the settings, the eras, and the events that live in it."""
    langs = draft.languages
    out = ["# yaml-language-server: $schema=exhibit.schema.json", *comment(draft.comments),
           "format: 1", f"languages: [{', '.join(scalar(lang) for lang in langs)}]"]
    out += texts("title", draft.title, "", langs)
    out += texts("subtitle", draft.subtitle, "", langs)
    if draft.idle_timeout is not None:
        out.append(f"idle_timeout: {_number(draft.idle_timeout)}")
    if draft.attract_interval is not None:
        out.append(f"attract_interval: {_number(draft.attract_interval)}")
    if draft.interface:
        out.append("interface:")
        for lang, words in draft.interface.items():
            out.append(f"  {lang}:")
            out += [f"    {key}:{value(text, '      ')}" for key, text in words.items()]
    if draft.eras:
        out += ["", "eras:"]
        for era in draft.eras:
            out += era_lines(era, langs)
    inline = [event for event in draft.events if event.file == "exhibit.yaml"]
    if inline:
        out += ["", "events:"]
        for event in inline:
            out += comment(event.comments, "  ")
            lines = event_lines(event, "    ", langs)
            out += ["  - " + lines[0].lstrip(), *lines[1:]]
    return "\n".join(out) + "\n"


def event_yaml(event: DraftEvent, languages: list[str]) -> str:
    """One file of events/."""
    out = ["# yaml-language-server: $schema=../event.schema.json", *comment(event.comments)]
    out += event_lines(event, "", languages)
    return "\n".join(out) + "\n"
