"""TimelineJS texts are HTML; the kiosk shows Markdown (kiosk/content/markdown.py:
paragraphs, bold, italic, lists, block quotations). What HTML has and the kiosk cannot show
is dropped here and named, so that `kiosk validate` has nothing left to warn about:

- <script>, <style>, <iframe>, <object>, <embed>, forms: dropped, with what they were;
- links: their text stays (a kiosk cannot follow them), the address is named;
- pictures inside a text: dropped (media shows pictures), their address named;
- headings: become a bold paragraph;
- <cite> in a quotation: becomes its last paragraph, "— name", as the format writes it.

Read with BeautifulSoup and written with markdownify (both maintained, MIT).
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

_DROPPED_WHOLE = ("script", "style", "iframe", "object", "embed", "noscript", "template",
                  "form", "input", "button", "select", "textarea", "video", "audio",
                  "canvas", "svg", "head", "title", "meta", "link")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t\u00a0]+")
_MARKUP = re.compile(r"<[A-Za-z/!]|&[#A-Za-z0-9]+;")


def _soup(html: str) -> BeautifulSoup:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def has_markup(text: str) -> bool:
    return bool(_MARKUP.search(text))


def plain(text: str) -> tuple[str, list[str]]:
    """A plain-text field (title, caption, credit): the text of the HTML, on one line,
    entities read; and what was dropped."""
    if not has_markup(text):
        return " ".join(text.split()), []
    soup = _soup(text)
    dropped = _drop_unsafe(soup)
    for link in soup.find_all("a"):
        href = str(link.get("href") or "")
        if href:
            dropped.append(f"the link to {_short(href)} (only its text is kept)")
        link.unwrap()
    for image in soup.find_all("img"):
        dropped.append(f"the picture {_short(str(image.get('src') or ''))}")
        image.decompose()
    return " ".join(soup.get_text(" ").split()), dropped


def _drop_unsafe(soup: BeautifulSoup) -> list[str]:
    dropped: list[str] = []
    for tag in soup.find_all(_DROPPED_WHOLE):
        if tag.decomposed:  # inside one dropped before
            continue
        inside = _short(tag.get_text(" ")) or _short(str(tag.get("src") or ""))
        dropped.append(f"a <{tag.name}>" + (f" ({inside})" if inside else ""))
        tag.decompose()
    return dropped


def markdown(html: str) -> tuple[str, list[str]]:
    """A story (body) in the Markdown the kiosk renders; and what was dropped."""
    if not has_markup(html):
        text = "\n".join(_SPACES.sub(" ", line).strip() for line in html.split("\n"))
        return _BLANK_LINES.sub("\n\n", text).strip(), []
    soup = _soup(html)
    dropped: list[str] = []
    for tag in soup.find_all(True):  # one walk over the tags, each changed in place
        if tag.decomposed or tag.parent is None:
            continue  # inside one dropped before
        name = tag.name
        if name in _DROPPED_WHOLE:
            inside = _short(tag.get_text(" ")) or _short(str(tag.get("src") or ""))
            dropped.append(f"a <{name}>" + (f" ({inside})" if inside else ""))
            tag.decompose()
        elif name == "a":
            href = str(tag.get("href") or "")
            if href and not href.startswith("#"):
                dropped.append(f"the link to {_short(href)} (a kiosk cannot follow links; "
                               "its text is kept)")
            tag.unwrap()
        elif name == "img":
            dropped.append(f"the picture {_short(str(tag.get('src') or ''))} inside the "
                           "text (give pictures as media)")
            tag.decompose()
        elif name in _HEADINGS:
            tag.name = "p"
            strong = soup.new_tag("strong")
            strong.extend(list(tag.contents))
            tag.append(strong)
        elif name == "cite":
            quote = tag.find_parent("blockquote")
            if quote is not None:
                tag.extract()
                speaker = soup.new_tag("p")
                speaker.string = "— " + " ".join(tag.get_text(" ").split())
                quote.append(speaker)
        elif name == "table":
            dropped.append("a table's layout (its cells are kept as paragraphs)")
            for cell in tag.find_all(["td", "th"]):
                cell.name = "p"
            tag.unwrap()
    text = _converter().convert_soup(soup)
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    out: list[str] = []
    for line in lines:  # a quotation always starts a block of its own
        if line.startswith(">") and out and out[-1].strip() and not out[-1].startswith(">"):
            out.append("")
        out.append(line if line.strip() else "")
    return _BLANK_LINES.sub("\n\n", "\n".join(out)).strip("\n"), dropped


@cache
def _converter() -> MarkdownConverter:
    from markdownify import MarkdownConverter

    return MarkdownConverter(heading_style="ATX", bullets="-", strong_em_symbol="*",
                             strip=["table", "thead", "tbody", "tr", "span", "div", "u",
                                    "sub", "sup", "font", "small", "big", "mark"])
