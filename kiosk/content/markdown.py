"""Editors' Markdown, read by a maintained CommonMark parser (markdown-it-py) and written out
again with only what content format 1 allows: paragraphs, bold, italic, lists and block
quotations.

Links and pictures keep only their text (a kiosk cannot follow them), raw HTML is shown as
the text it is, and anything else that Markdown would turn into markup (headings, quotes,
code) is shown as typed. In Chinese, Japanese and Korean, italics become bold: those
scripts have no italic style. The result is Markdown again, with every other punctuation
character escaped, for Qt's own renderer to lay out; `problems` tells editors what was
dropped, for `kiosk validate`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from kiosk.core.i18n import is_cjk

if TYPE_CHECKING:  # markdown-it is loaded by the first text that needs it (50 ms to load)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

ALLOWED_BLOCKS = ["paragraph", "list", "blockquote"]
ALLOWED_INLINE = ["emphasis", "link", "image", "autolink", "html_inline", "escape", "entity",
                  "newline", "text"]
# Punctuation that means something to Qt's Markdown reader: escaped wherever it is text.
_SPECIAL = set("\\`*_{}[]()#+-.!|~:")
_ENTITIES = {"<": "&lt;", "&": "&amp;"}
_QUOTE = re.compile(r"(^|\n)([ \t]*)>")


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("zero", {"html": True})
    parser.enable([*ALLOWED_BLOCKS, "html_block"]).enable(ALLOWED_INLINE)
    return parser


def _escape(text: str) -> str:
    return "".join(_ENTITIES.get(c) or (f"\\{c}" if c in _SPECIAL else c) for c in text)


@lru_cache(maxsize=256)  # an event's body is asked for by more than one binding, per step
def kiosk_markdown(text: str, lang: str) -> str:
    """Markdown that shows what the format allows and nothing else (see the module's note)."""
    emphasis = "**" if is_cjk(lang) else "*"
    out: list[str] = []
    numbers: list[int | None] = []  # per open list: the next item number, None if bullets
    quotes: list[int] = []  # per open quotation: where its text starts in `out`
    for token in _parser().parse(text):
        kind = token.type
        if kind == "bullet_list_open":
            numbers.append(None)
        elif kind == "ordered_list_open":
            numbers.append(int(token.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
            out.append("" if numbers else "\n")  # a blank line after the outermost list
        elif kind == "list_item_open":
            indent = "    " * (len(numbers) - 1)
            number = numbers[-1]
            out.append(f"{indent}- " if number is None else f"{indent}{number}. ")
            if number is not None:
                numbers[-1] = number + 1
        elif kind == "blockquote_open":
            quotes.append(len(out))
        elif kind == "blockquote_close":
            start = quotes.pop()
            lines = "".join(out[start:]).strip("\n").split("\n")
            out[start:] = ["\n".join(f"> {line}".rstrip() for line in lines), "\n\n"]
        elif kind == "paragraph_close":
            out.append("\n" if numbers else "\n\n")
        elif kind == "inline" and token.children is not None:
            # '>' starts a quotation only at the start of a line: escaped there only
            out.append(_QUOTE.sub(r"\1\2\\>", _inline(token.children, emphasis)))
        elif kind == "html_block":
            out.append(_escape(token.content.rstrip("\n")) + "\n\n")
    return "".join(out).strip("\n")


def _inline(tokens: list[Token], emphasis: str) -> str:
    out: list[str] = []
    for token in tokens:
        kind = token.type
        if kind in ("text", "html_inline"):
            out.append(_escape(token.content))
        elif kind in ("em_open", "em_close"):
            out.append(emphasis)
        elif kind in ("strong_open", "strong_close"):
            out.append("**")
        elif kind == "softbreak":
            out.append("\n")
        elif kind == "hardbreak":
            out.append("\\\n")
        elif kind == "image":
            out.append(_inline(token.children or [], emphasis))  # its alt text
        # link_open and link_close: dropped, the link's text stays
    return "".join(out)


# Markdown that format 1 leaves out, which a visitor would read as typed: what the visitor
# sees, and the fix. Headings, code fences and tables are matched after a list's or a
# quotation's marker ('- ', '> '); a rule only as a whole line.
_HEADING = re.compile(r"#{1,6}(?=\s|$)")
_RULE = re.compile(r"[ ]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$")
_FENCE = re.compile(r"`{3,}|~{3,}")
_TABLE = re.compile(r"\|.*\|[ \t]*$")
_LEAD = re.compile(r"[ \t]{0,3}(?:(?:>[ \t]?|[-*+][ \t]+|[0-9]{1,9}[.)][ \t]+))*")


def shown_as_typed(text: str) -> list[tuple[int, str]]:
    """Lines of Markdown the kiosk does not lay out (headings, rules, code, tables), each
    with where it starts in the text: a visitor would read their '#', '---', '```' or '|'.
    A code block or a table is told at its first line."""
    found: list[tuple[int, str]] = []
    start, fenced, table = 0, "", False
    for line in text.split("\n"):
        lead = _LEAD.match(line)
        at = lead.end() if lead else 0
        fence = _FENCE.match(line, at)
        rule = _RULE.match(line)
        if fenced:
            fenced = "" if fence is not None and fence.group()[0] == fenced else fenced
        elif rule is not None:
            mark = line.strip()
            found.append((start + len(line) - len(line.lstrip()),
                          f"a line of '{mark}' is shown as typed (the body has no rules or "
                          "underlined headings): delete it; a blank line separates "
                          "paragraphs"))
        elif fence is not None:
            fenced = fence.group()[0]
            found.append((start + at, f"'{fence.group()}' is shown as typed (the body has no "
                          "code blocks): delete it and the closing one"))
        elif _HEADING.match(line, at) is not None:
            found.append((start + at, "a heading's '#' is shown as typed (the body has no "
                          "headings): make the line a paragraph of its own in bold: **...**"))
        elif _TABLE.match(line, at) is not None and not table:
            found.append((start + at, "a table is shown as typed, with its '|' (the body has "
                          "no tables): write it as a list, one '- ' line a row"))
        table = not fenced and _TABLE.match(line, at) is not None
        start += len(line) + 1
    return found


def problems(text: str) -> list[tuple[int, str]]:
    """What an editor should know, each with where it starts in the text: links and
    pictures show only their text, raw HTML, headings, rules, code and tables show as
    typed."""
    typed = shown_as_typed(text)
    if "[" not in text and "<" not in text:
        return typed  # a link or a picture needs '[' or '<', raw HTML '<': none here
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]  # of each line
    searched: dict[int, int] = {}  # per line, where the next search starts

    def offset(line: int, needle: str) -> int:
        """Where `needle` next is on `line` (0-based) of the text, or the line's start."""
        line = min(line, len(starts) - 1)
        start = searched.get(line, starts[line])
        end = text.find("\n", start)
        found = text.find(needle, start, len(text) if end < 0 else end) if needle else -1
        if found < 0:
            return starts[line]
        searched[line] = found + 1
        return found

    found: list[tuple[int, str]] = []
    for token in _parser().parse(text):
        first = token.map[0] if token.map else 0
        if token.type == "html_block":
            found.append((offset(first, token.content.strip()[:1]),
                          f"raw HTML is shown as typed: {token.content.strip()[:40]!r}"))
        line = first
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                found.append((offset(line, "[" if child.markup != "autolink" else "<"),
                              f"a link cannot be followed on a kiosk; only its text shows "
                              f"({href})"))
            elif child.type == "image":
                found.append((offset(line, "!["),
                              f"a picture in the text shows as its description only "
                              f"({child.attrGet('src')}); use media instead"))
            elif child.type == "html_inline":
                found.append((offset(line, child.content),
                              f"raw HTML is shown as typed: {child.content!r}"))
            elif child.type == "text" and "\n" in child.content:
                line += child.content.count("\n")
    return sorted(found + typed)
