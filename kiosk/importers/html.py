"""TimelineJS texts are HTML; the kiosk shows Markdown (kiosk/content/markdown.py:
paragraphs, bold, italic, lists and block quotations). What HTML has and the kiosk cannot show
is dropped here and named, so that `kiosk validate` has nothing left to warn about:

- <script>, <style>, <iframe>, <object>, <embed>, forms, audio and video: dropped, with
  what they held;
- links: their text stays (a kiosk cannot follow them), the address is named;
- pictures inside a text: dropped (media shows pictures), their address named;
- headings: a bold paragraph; a table: its cells, one paragraph each (named);
- <cite> in a quotation: its last paragraph, "— name", as the format writes quotations.

Read with the standard library's HTML parser (html.parser: maintained with Python, and six
times quicker here than a tree library, which a 1,000-row sheet notices), into a small
tree that is then written out as Markdown, with Markdown's own characters escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_DROPPED_WHOLE = {"script", "style", "iframe", "object", "embed", "noscript", "template",
                  "form", "button", "select", "textarea", "video", "audio", "canvas", "svg",
                  "head", "title", "math", "applet", "frameset", "frame"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source", "track", "area",
         "col", "param", "base", "embed"}
_BLOCKS = {"p", "div", "section", "article", "header", "footer", "main", "aside", "nav",
           "figure", "figcaption", "center", "address", "pre", "dl", "dt", "dd", "table",
           "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "h1", "h2", "h3", "h4",
           "h5", "h6", "blockquote", "ul", "ol", "li", "hr", "body", "html", "details",
           "summary", "fieldset", "legend"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_STRONG = {"b", "strong"}
_EM = {"i", "em"}
_CLOSES_P = _BLOCKS - {"body", "html"}  # an open <p> ends where another block starts
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"<[A-Za-z/!]|&[#A-Za-z0-9]+;")
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_START = re.compile(r"^(?:([#>+=-])|([0-9]+)([.)]))")  # a heading, quote or list
_BREAK = "\x00"  # a <br>, kept through the collapsing of white space
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _Reader(HTMLParser):
    """HTML into a tree of the tags that matter, forgiving as browsers are: an unclosed
    <p> or <li> ends where the next one starts, a stray end tag is ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]
        self.skipping: list[str] = []  # the dropped element being skipped, and its tag
        self.dropped: list[str] = []
        self._skipped_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.append(tag)
            return
        values = {k: v or "" for k, v in attrs}
        if tag in _DROPPED_WHOLE:
            if tag in _VOID:  # <embed>: nothing inside
                self.dropped.append(f"an <{tag}> ({_short(values.get('src', ''))})")
                return
            self.skipping = [tag]
            self._skipped_text = [values.get("src", "")]
            return
        if tag in ("p", "li") or tag in _CLOSES_P:
            self._close_implied(tag)
        node = _Node(tag, values)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def _close_implied(self, tag: str) -> None:
        top = self.stack[-1].tag
        if (top == "p" and tag in _CLOSES_P) or (tag == "li" and top == "li"):
            self.stack.pop()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and not self.skipping and self.stack[-1].tag == tag:
            self.stack.pop()
        elif self.skipping == [tag]:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
                if not self.skipping:
                    inside = _short(" ".join("".join(self._skipped_text).split()))
                    self.dropped.append(f"a <{tag}>" + (f" ({inside})" if inside else ""))
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self.skipping:
            self._skipped_text.append(data)
        elif data:
            self.stack[-1].children.append(data)

    def finish(self) -> _Node:
        if self.skipping:  # a <script> never closed: its text is still unread
            self._skipped_text.append(self.rawdata[self.rawdata.find(">") + 1:]
                                      if self.rawdata.startswith("<") else self.rawdata)
        self.close()
        if self.skipping:  # never closed: everything after it was inside it
            inside = _short(" ".join("".join(self._skipped_text).split()))
            self.dropped.append(f"a <{self.skipping[0]}>" + (f" ({inside})" if inside else ""))
        return self.root


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))


def _escape(text: str) -> str:
    """Text that Markdown shows as typed: its emphasis, link, code and HTML characters
    escaped ("_" only where it could start or end emphasis: not inside a word)."""
    out = []
    for i, char in enumerate(text):
        if char in "\\*`[]":
            out.append("\\" + char)
        elif char == "_" and not (0 < i < len(text) - 1 and text[i - 1].isalnum()
                                  and text[i + 1].isalnum()):
            out.append("\\_")
        else:
            out.append(char)
    escaped = "".join(out)
    return _TAG_LIKE.sub("\\\\<", _ENTITY_LIKE.sub("\\\\&", escaped))


def _start_escaped(line: str) -> str:
    """A line whose start Markdown would read as a heading, a quotation or a list item,
    escaped: "1. " becomes "1\\. ", "- " becomes "\\- "."""
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group(1):
        return "\\" + line
    return f"{match.group(2)}\\{match.group(3)}{line[match.end():]}"


class _Writer:
    """The tree as the Markdown the kiosk renders."""

    def __init__(self, dropped: list[str]) -> None:
        self.dropped = dropped

    def blocks(self, nodes: list[_Node | str]) -> list[str]:
        """Block texts (paragraphs, lists, quotations), each perhaps several lines."""
        out: list[str] = []
        run: list[_Node | str] = []  # inline content between blocks: one paragraph

        def paragraph() -> None:
            text = _SPACE.sub(" ", self.inline(run)).replace(f" {_BREAK}", _BREAK)
            text = text.replace(f"{_BREAK} ", _BREAK).strip(f" {_BREAK}")
            if text:  # a line break is a backslash at the end of a line, in Markdown
                lines = [_start_escaped(line) for line in text.split(_BREAK)]
                out.append("\\\n".join(lines))
            run.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag not in _BLOCKS:
                run.append(node)
                continue
            paragraph()
            out += self.block(node)
        paragraph()
        return out

    def block(self, node: _Node) -> list[str]:
        tag = node.tag
        if tag in _HEADINGS:
            inner = " ".join(b.replace("\n", " ") for b in self.blocks(node.children))
            return [f"**{inner}**"] if inner else []
        if tag == "blockquote":
            cites = [c for c in node.children if isinstance(c, _Node) and c.tag == "cite"]
            rest = [c for c in node.children if c not in cites]
            parts = self.blocks(rest)
            parts += [f"— {_SPACE.sub(' ', self.inline(c.children)).strip()}" for c in cites]
            text = "\n\n".join(parts)
            return ["\n".join(f"> {line}" if line else ">" for line in text.split("\n"))] \
                if text else []
        if tag in ("ul", "ol"):
            return self.listing(node)
        if tag == "hr":
            return []
        if tag == "table":
            self.dropped.append("a table's layout (its cells are kept as paragraphs)")
        return self.blocks(node.children)

    def listing(self, node: _Node) -> list[str]:
        number = int(node.attrs.get("start", "1")) if node.attrs.get("start", "1").isdigit() \
            else 1
        lines: list[str] = []
        for child in node.children:
            if isinstance(child, str):
                if child.strip():
                    lines.append(f"- {_escape(child.strip())}")
                continue
            items = self.blocks(child.children if child.tag == "li" else [child])
            if not items:
                continue
            marker = "- " if node.tag == "ul" else f"{number}. "
            number += 1
            text = "\n".join(items)
            first, *more = text.split("\n")
            lines.append(marker + first)
            lines += ["    " + line if line else "" for line in more]
        return ["\n".join(lines)] if lines else []

    def inline(self, nodes: list[_Node | str]) -> str:
        out: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                out.append(_escape(_SPACE.sub(" ", node)))
                continue
            tag = node.tag
            if tag == "br":
                out.append(_BREAK)
            elif tag == "img":
                self.dropped.append(f"the picture {_short(node.attrs.get('src', ''))} inside "
                                    "the text (give pictures as media)")
            elif tag in _VOID:
                continue
            elif tag == "a":
                href = node.attrs.get("href", "")
                if href and not href.startswith("#"):
                    self.dropped.append(f"the link to {_short(href)} (a kiosk cannot follow "
                                        "links; its text is kept)")
                out.append(self.inline(node.children))
            elif tag in _STRONG or tag in _EM:
                out.append(self.emphasis("**" if tag in _STRONG else "*",
                                         self.inline(node.children)))
            elif tag in _BLOCKS:  # a block inside inline content: its text, in line
                out.append(" " + " ".join(self.blocks([node])) + " ")
            else:  # span, font, u, cite, code, small...: their text
                out.append(self.inline(node.children))
        return "".join(out)

    @staticmethod
    def emphasis(marker: str, inner: str) -> str:
        """Spaces go outside the marks ("** bold **" is no emphasis in Markdown)."""
        core = inner.strip()
        if not core:
            return inner
        lead = inner[:len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        return f"{lead}{marker}{core}{marker}{trail}"


def _read(html: str) -> tuple[_Node, list[str]]:
    reader = _Reader()
    reader.feed(html)
    root = reader.finish()
    return root, reader.dropped


def markdown(html: str) -> tuple[str, list[str]]:
    """A story (body) in the Markdown the kiosk renders; and what was dropped."""
    if not has_markup(html):  # plain text: its own lines and paragraphs
        text = "\n".join(_SPACE.sub(" ", line).strip() for line in html.split("\n"))
        return _BLANK_LINES.sub("\n\n", text).strip(), []
    root, dropped = _read(html)
    writer = _Writer(dropped)
    text = "\n\n".join(writer.blocks(root.children))
    return _BLANK_LINES.sub("\n\n", text).strip("\n"), dropped


def plain(text: str) -> tuple[str, list[str]]:
    """A plain-text field (title, caption, credit): the text of the HTML on one line,
    entities read; and what was dropped."""
    if not has_markup(text):
        return " ".join(text.split()), []
    root, dropped = _read(text)
    parts: list[str] = []

    def walk(node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "a":
                href = child.attrs.get("href", "")
                if href and not href.startswith("#"):
                    dropped.append(f"the link to {_short(href)} (only its text is kept)")
                walk(child)
            elif child.tag == "img":
                dropped.append(f"the picture {_short(child.attrs.get('src', ''))}")
            else:
                parts.append(" ")
                walk(child)
                parts.append(" ")

    walk(root)
    return " ".join("".join(parts).split()), dropped
