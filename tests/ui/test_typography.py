"""Typography a reader notices (issue 24, point 6): Latin quotes and dashes from the Latin face
in Latin text (the CJK face's are full-width: 'youth-led “green” and' showed gaps), Chinese
quotes still from the CJK face, a block quotation's opening mark hanging in the margin,
Chinese headings broken only between words, and no separator left dangling at a line's end."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextDocument, QTextLayout, QTextOption
from PySide6.QtQuick import QQuickItem

from kiosk.core.line_breaking import WORD_JOINER, is_cjk_char, word_breaks
from kiosk.core.model import Exhibit
from kiosk.services import words
from kiosk.ui.shared.theme import FONT_CJK, FONT_LATIN
from tests.ui.conftest import MakeView, item, layout_lines, settle

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]


def glyph_of(text: str, index: int, font: QFont) -> tuple[str, float]:
    """The family that draws the character at `index`, and its advance in ems."""
    layout = QTextLayout(text, font)
    layout.setTextOption(QTextOption())
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    run = layout.glyphRuns(index, 1)[0]
    advance = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())[0].x()
    return run.rawFont().familyName(), advance / font.pixelSize()


@pytest.mark.parametrize("target", ["caption", "eventTitle", "eventDate"])
def test_latin_quotes_come_from_the_latin_face_and_chinese_ones_from_the_cjk_face(
        make_view: MakeView, bundled: Exhibit, target: str) -> None:
    view = make_view(bundled, (1920, 1080))
    view.session.navigation.openEvent(4)
    settle()
    english = 'youth-led “green social enterprise” and'
    for mark in ("“", "”"):
        family, advance = glyph_of(english, english.index(mark), item(view, target)
                                   .property("font"))
        assert family == FONT_LATIN and advance < 0.5, (mark, family, advance)
    view.session.language.setLanguage("zh")
    settle()
    chinese = "南南合作与“一带一路”倡议"
    family, advance = glyph_of(chinese, chinese.index("“"), item(view, target).property("font"))
    assert family == FONT_CJK and advance > 0.9  # full width, as Chinese sets it


def test_a_block_quotations_opening_mark_hangs_in_the_margin(make_view: MakeView,
                                                             bundled: Exhibit) -> None:
    view = make_view(bundled, (1920, 1080))
    quoted = next(i for i, e in enumerate(bundled.events) if '> "' in e.body.get("en"))
    view.session.navigation.openEvent(quoted)
    settle()
    body = item(view, "eventBody")
    document = QTextDocument()
    document.setDefaultFont(body.property("font"))
    document.setHtml(body.property("text"))
    document.setTextWidth(body.width())
    document.documentLayout()  # lays it out
    block = document.begin()
    while block.isValid() and not block.text().startswith('"'):
        block = block.next()
    assert block.isValid()
    layout = block.layout()
    assert layout.lineCount() > 1
    first, second = layout.lineAt(0), layout.lineAt(1)
    word_starts = first.cursorToX(1)[0]  # "U" of "UNV's", after the mark
    assert abs(word_starts - second.cursorToX(second.textStart())[0]) < 1.0
    assert first.cursorToX(0)[0] < word_starts - 5  # the mark stands out to the left


def shown_lines(text_item: QQuickItem) -> list[str]:
    """The lines a wrapping QML Text shows: its own line feeds, then Qt's wrapping of each."""
    font, width = text_item.property("font"), text_item.width()
    return [line.replace(WORD_JOINER, "").strip()
            for paragraph in str(text_item.property("text")).split("\n")
            for line in layout_lines(paragraph, font, width)]


def inside_words(text: str) -> frozenset[int]:
    """Offsets between two ideographs of one word (by ICU and the rules on top)."""
    ends = words.word_boundaries(text)
    assert ends is not None
    allowed = word_breaks(text, ends)
    return frozenset(i for i in range(1, len(text)) if is_cjk_char(text[i - 1])
                     and is_cjk_char(text[i]) and i not in allowed)


@pytest.mark.skipif(not words.available(), reason="no ICU library on this system (Wine)")
@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1366x768", "1080x1920"])
def test_chinese_headings_break_only_between_words(make_view: MakeView, bundled: Exhibit,
                                                   size: tuple[int, int]) -> None:
    view = make_view(bundled, size)
    view.session.language.setLanguage("zh")
    broken = 0
    for larger in (False, True):
        if larger:
            view.session.display.toggleLargeText()
        for index, event in enumerate(bundled.events):
            view.session.navigation.openEvent(index)
            settle()
            title = event.title.get("zh")
            lines = shown_lines(item(view, "eventTitle"))
            assert "".join(lines) == title.replace(" ", "")
            offsets = [sum(len(line) for line in lines[:k]) for k in range(1, len(lines))]
            assert not set(offsets) & inside_words(title), (size, larger, lines)
            for word in ("和平", "组织", "计划署"):
                at = title.find(word)
                if at >= 0:
                    assert not set(range(at + 1, at + len(word))) & set(offsets), lines
            broken += len(offsets) > 0
    assert broken >= 10  # many of them do break, somewhere


def test_a_wrapped_still_there_leaves_no_separator_dangling(make_view: MakeView,
                                                            bundled: Exhibit) -> None:
    view = make_view(bundled, (1080, 1920), idle_timeout_ms=200)
    view.session.display.toggleLargeText()
    view.session.navigation.openEvent(0)
    settle()
    assert view.session.idle.asking()
    lines = shown_lines(item(view, "stillThere"))
    assert len(lines) > 1
    for line in lines:
        assert line and line[-1] not in "·•" and line[0] not in "·•", lines
