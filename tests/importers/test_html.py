"""HTML from TimelineJS into the kiosk's Markdown: what shows stays, what cannot is named."""

from __future__ import annotations

import csv
import json
import re

import pytest

from kiosk.content.markdown import kiosk_markdown
from kiosk.content.markdown import problems as markdown_problems
from kiosk.importers.html import markdown, plain
from tests.importers.common import FIXTURES


def fixture_texts() -> list[str]:
    texts = []
    for name in ("eras.json", "all-media-types.json", "cosmo-mixed.json"):
        data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
        texts += [e.get("text", {}).get("text", "") for e in data["events"]]
    for name in ("my-own-timeline.csv", "women_in_computing.csv"):
        with (FIXTURES / name).open(encoding="utf-8", newline="") as f:
            texts += [row["Text"] for row in csv.DictReader(f)]
    return [t for t in texts if t]


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]{3,}", text)


@pytest.mark.parametrize("html", fixture_texts())
def test_every_word_of_timelinejs_texts_is_kept_and_the_kiosk_warns_of_nothing(
        html: str) -> None:
    """The samples' texts: every word a visitor read in TimelineJS is in the story (links
    keep their text), and the Markdown holds nothing `kiosk validate` would warn about."""
    text, _ = markdown(html)
    assert markdown_problems(text) == []
    visible = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    visible = re.sub(r"<[^>]+>", " ", visible)
    shown = text.replace("\\", "")
    missing = [w for w in words(visible) if w not in shown and w not in ("amp", "nbsp")]
    assert missing == []


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>one</p><p>two</p>", "one\n\ntwo"),
    ("<b>bold</b> and <i>italic</i> and <strong><em>both</em></strong>",
     "**bold** and *italic* and ***both***"),
    ("<b> spaced </b>word", "**spaced** word"),
    ("<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>", "- a\n- b\n    - c"),
    ("<ol start='3'><li>x<li>y</ol>", "3. x\n4. y"),
    ("<blockquote>Quote. <cite>Someone</cite></blockquote>", "> Quote.\n>\n> — Someone"),
    ("<h2>Title</h2>text", "**Title**\n\ntext"),
    ("<p>line<br>break</p>", "line\\\nbreak"),
    ("<p>1. not a list</p><p>- not an item</p><p># not a heading</p>",
     "1\\. not a list\n\n\\- not an item\n\n\\# not a heading"),
    ("a * star, _under_ but snake_case, [brackets] &lt;b&gt; &amp;amp;",
     "a \\* star, \\_under\\_ but snake_case, \\[brackets\\] \\<b> \\&amp;"),
    ("<p>Unclosed <p>paragraphs", "Unclosed\n\nparagraphs"),
    ("plain\n\n\ntext  with   spaces", "plain\n\ntext with spaces"),
])
def test_html_to_markdown(html: str, expected: str) -> None:
    assert markdown(html)[0] == expected


def test_the_markdown_shows_the_text_as_written() -> None:
    """What the kiosk's renderer makes of it: the words, with no markup left over."""
    text, _ = markdown("a * star &lt;b&gt; &amp;amp; <b>bold</b>")
    assert kiosk_markdown(text, "en") == "a \\* star &lt;b> &amp;amp; **bold**"


@pytest.mark.parametrize(("html", "named"), [
    ("<p>x</p><script>steal()</script>", "a <script> (steal())"),
    ("<script src='https://evil.example/x.js'></script>", "a <script> (https://evil.example/x.js)"),
    ("<style>p {}</style>x", "a <style> (p {})"),
    ("<iframe src='https://maps.example'></iframe>x", "a <iframe> (https://maps.example)"),
    ("<img src='https://x.org/a.png'>x", "the picture https://x.org/a.png"),
    ("<a href='https://x.org'>x</a>", "the link to https://x.org"),
    ("<table><tr><td>a</td></tr></table>", "a table's layout"),
    ("<script>never closed", "a <script> (never closed)"),
])
def test_what_is_dropped_is_named(html: str, named: str) -> None:
    text, dropped = markdown(html)
    assert any(d.startswith(named) for d in dropped), dropped
    assert "steal" not in text and "evil" not in text and "never" not in text


def test_plain_texts_lose_their_tags() -> None:
    assert plain("<a href='x'>Portrait</a> by A &amp; B<br>2019") == (
        "Portrait by A & B 2019", ["the link to x (only its text is kept)"])
    assert plain("no   markup\nhere") == ("no markup here", [])
