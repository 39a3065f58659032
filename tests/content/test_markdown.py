"""Editors' Markdown: only what content format 1 allows reaches the screen."""

from __future__ import annotations

from kiosk.content.markdown import kiosk_markdown, problems


def test_markdown_is_tamed() -> None:
    assert kiosk_markdown("see [the site](http://x.org)", "en") == "see the site"
    assert kiosk_markdown("<b>raw</b>", "en") == "&lt;b>raw&lt;/b>"
    assert kiosk_markdown("a *word* here", "zh") == "a **word** here"
    assert kiosk_markdown("a *word* here", "en") == "a *word* here"
    assert kiosk_markdown("- item\n- *em*", "zh") == "- item\n- **em**"


def test_a_link_with_brackets_in_its_address_leaves_only_its_text() -> None:
    assert kiosk_markdown("see [W](https://x/Beijing_(city)) now", "en") == "see W now"


def test_markup_the_format_does_not_allow_shows_as_typed() -> None:
    assert kiosk_markdown("# Not a heading", "en") == "\\# Not a heading"
    assert kiosk_markdown("`code`", "en") == "\\`code\\`"
    assert kiosk_markdown("<div>x</div>", "en") == "&lt;div>x&lt;/div>"


def test_lists_and_paragraphs_keep_their_shape() -> None:
    assert kiosk_markdown("one\n\n- a\n- b\n\ntwo", "en") == "one\n\n- a\n- b\n\ntwo"
    assert kiosk_markdown("1. a\n2. b", "en") == "1. a\n2. b"


def test_editors_are_told_what_is_dropped() -> None:
    assert problems("plain *text*") == []
    text = "[W](https://x/Beijing_(city)) <b>x</b> ![p](a.jpg)"
    found = problems(text)
    assert any("link" in p and "Beijing_(city)" in p for _, p in found)
    assert any("raw HTML" in p and "<b>" in p for _, p in found)
    assert any("picture" in p for _, p in found)
    assert [offset for offset, _ in found] == [0, text.index("<b>"), text.index("</b>"),
                                               text.index("![")]


def test_each_problem_is_where_it_is_in_the_text() -> None:
    text = "First line.\nSecond with <i>x</i>.\n\nThird: [a](http://a) and [b](http://b)."
    assert [offset for offset, _ in problems(text)] == [
        text.index("<i>"), text.index("</i>"), text.index("[a]"), text.index("[b]")]


def test_quotations_keep_their_speaker() -> None:
    quote = '> "We grow on two tracks."\n>\n> — A Speaker, her role'
    assert kiosk_markdown(quote, "en") == '> "We grow on two tracks\\."\n>\n> — A Speaker, her role'
    assert kiosk_markdown("text\n\\> not a quote", "en") == "text\n\\> not a quote"
