"""The typesetting rules as Qt draws them: every title and body of the bundled exhibit, and
long test strings, laid out by QTextLayout with the shipped font at the kiosk's sizes."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QFont, QGuiApplication, QTextDocument, QTextLayout, QTextOption

from kiosk.content.markdown import kiosk_markdown
from kiosk.core.line_breaking import CLOSING, OPENING, WORD_JOINER, is_cjk_char
from kiosk.core.model import Exhibit
from kiosk.ui.display.display import Display
from kiosk.ui.language.language import Language
from kiosk.ui.shared.typesetter import Typeset
from kiosk.ui.timeline.strip import Timeline
from tests.core.test_line_breaking import LONG_EN, LONG_ZH


def qt_lines(text: str, pixel_size: int, width: float, bold: bool = False,
             family: str = "") -> list[str]:
    """The lines Qt's text engine makes of `text` (one paragraph per line feed), in the
    application's font or `family` first."""
    font = QFont(QGuiApplication.font())
    if family:
        font.setFamilies([family, *font.families()])
    font.setPixelSize(pixel_size)
    font.setBold(bold)
    out: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            out.append(paragraph[line.textStart():line.textStart() + line.textLength()])
        layout.endLayout()
    return [line.replace(WORD_JOINER, "").strip() for line in out if line.strip(WORD_JOINER)]


def document_lines(markdown: str, pixel_size: int, width: float,
                   typeset: bool = True) -> list[list[str]]:
    """The lines of each block (paragraph, list item) of an event's body as the kiosk draws
    it (the typesetter's rich text), or as plain Markdown would be drawn."""
    font = QFont(QGuiApplication.font())
    font.setPixelSize(pixel_size)
    document = QTextDocument()
    document.setDefaultFont(font)
    if typeset:
        document.setHtml(Typeset().body(markdown, pixel_size, 1.45))
    else:
        document.setMarkdown(markdown)
    document.setTextWidth(width)
    document.size()  # lays the document out
    blocks: list[list[str]] = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        text = block.text()
        lines = [text[layout.lineAt(i).textStart():
                      layout.lineAt(i).textStart() + layout.lineAt(i).textLength()]
                 for i in range(layout.lineCount())]
        blocks.append([line.replace(WORD_JOINER, "").strip() for line in lines])
        block = block.next()
    return blocks


def assert_typeset(lines: list[str], heading: bool) -> None:
    for before, after in itertools.pairwise(lines):
        if not before or not after:
            continue
        assert after[0] not in CLOSING, f"closing punctuation starts a line: {after!r}"
        assert before[-1] not in OPENING, f"opening punctuation ends a line: {before!r}"
        assert not (before[-1].isdigit() and is_cjk_char(after[0])), (before, after)
    chinese = [line for line in lines if any(is_cjk_char(ch) for ch in line)]
    if chinese and len(lines) > 1:
        kept = [ch for ch in lines[-1] if ch not in CLOSING]
        assert len(kept) > 1, f"one character alone on the last line: {lines}"
    del heading


def test_bodies_as_qt_lays_them_out(qapp: QGuiApplication, bundled: Exhibit) -> None:
    bodies = [(s, lang) for e in bundled.events for lang, s in e.body.values]
    bodies += [(LONG_ZH, "zh"), (LONG_EN, "en")]
    for text, lang in bodies:
        source = kiosk_markdown(text, lang)
        for size, width in [(28, w) for w in range(340, 900, 18)] + [(42, 500), (42, 860)]:
            for lines in document_lines(source, size, width):
                assert_typeset([line for line in lines if line], False)


def test_without_the_rules_qt_breaks_badly(qapp: QGuiApplication) -> None:
    """The test above can fail: Qt alone parts "20" from "名" and leaves "情。" alone."""
    bad = 0
    for width in range(340, 900, 18):
        for lines in document_lines(LONG_ZH, 28, width, typeset=False):
            try:
                assert_typeset([line for line in lines if line], False)
            except AssertionError:
                bad += 1
    assert bad > 3


def test_titles_as_the_kiosk_shows_them(qapp: QGuiApplication, bundled: Exhibit) -> None:
    typesetter = Typeset()
    titles = [s for e in bundled.events for s in e.title.all_strings()]
    titles += [*bundled.title.all_strings(), "您还在浏览吗？", LONG_ZH[:44]]
    for text in titles:
        for size, width in ((56, 640), (44, 640), (84, 700), (56, 900), (96, 1680), (66, 500)):
            shown = typesetter.balanced(text, size, True, width)
            lines = qt_lines(shown, size, width, bold=True)
            assert len(lines) == shown.count("\n") + 1, (text, shown, lines)  # Qt adds none
            assert_typeset(lines, True)


def test_the_issue_title_no_longer_ends_on_one_character(qapp: QGuiApplication) -> None:
    shown = Typeset().balanced("对中国合作伙伴的线上访问", 56, True, 600)
    assert shown.replace(WORD_JOINER, "").split("\n") == ["对中国合作伙伴的", "线上访问"]


def test_timeline_view_follows_zoom_language_and_text_size(qapp: QGuiApplication,
                                                          bundled: Exhibit) -> None:
    language, display = Language(bundled, "en"), Display()
    view = Timeline(bundled, language, display)
    view.setViewport(1920)
    assert view.minZoom < view.zoom < view.maxZoom  # a visitor starts where most are named
    assert all(len(m["events"]) <= 2 or m["year"] == m["end"] for m in view.marks)
    # (was 9 when labels stepped aside; in rows, the same-date pairs of 1981, 2007 and
    # 2011 are groups at every zoom, so a wider zoom than before starts the strip)
    assert sum(not m["grouped"] for m in view.marks) >= 7
    view.setZoom(view.minZoom)
    whole = view.marks
    assert any(m["grouped"] for m in whole)  # 45 years on one screen: dense years group
    view.setZoom(view.maxZoom)
    closest = view.marks
    assert sum(not m["grouped"] for m in closest) > sum(not m["grouped"] for m in whole)
    assert all(m["text"] for m in closest)
    group = next(i for i, m in enumerate(whole) if m["grouped"] and m["year"] != m["end"])
    view.setZoom(view.minZoom)
    year = view.zoomToMark(group)
    assert view.zoom > view.minZoom and 1981 < year < 2022
    language.setLanguage("zh")
    # a group names one of its events and how many others: "北京奥运会志愿者 等1项"
    assert any("等" in m["text"] for m in view.marks) or all(not m["grouped"]
                                                            for m in view.marks)
    eras = view.eras
    assert all(e["name"].replace("\n", "") in (e["title"], "") or e["name"] for e in eras)
    narrow = view.width
    display.toggleLargeText()
    assert view.width > narrow * 0.99


def test_joiners_leave_markdown_emphasis_alone(qapp: QGuiApplication) -> None:
    html = Typeset().body("支持《**联合国可持续发展合作框架**》确定的优先事项。", 28, 1.6)
    assert "font-weight:700" in html and "**" not in html
    assert WORD_JOINER in html  # and the rules still apply to the text as shown


def test_validate_measures_titles_as_qt_draws_them(qapp: QGuiApplication,
                                                   bundled: Exhibit) -> None:
    """`kiosk validate` counts a title's lines from the font file, without Qt: the count
    must be Qt's, for every bundled title and a title too long for its panel."""
    from kiosk.core import limits as L
    from kiosk.core.advances import label_font, title_font
    from kiosk.core.i18n import is_cjk
    from kiosk.core.line_breaking import break_lines
    from kiosk.ui.shared.theme import font_family
    from tests.content.test_problems import LONG_TITLE
    titles = [(e.title.get(lang), lang) for e in bundled.events for lang in bundled.languages]
    for title, lang in [*titles, (LONG_TITLE, "en")]:
        font = title_font(is_cjk(lang))  # Chinese in the CJK face, English in the Latin one
        assert font is not None
        ours = break_lines(title, L.TITLE_WIDTH_PX,
                           lambda text, font=font: font.width(text, L.TITLE_SMALLEST_PX))
        assert len(ours) == len(qt_lines(title, L.TITLE_SMALLEST_PX, L.TITLE_WIDTH_PX,
                                         bold=True, family=font_family(lang))), title
    labels = [e.label(lang) for e in bundled.events for lang in bundled.languages]
    widest = L.LABEL_WIDTH_PX * L.LABEL_WIDENING[-1]
    labeller = label_font()
    assert labeller is not None
    for text in [*labels, LONG_TITLE[:72]]:
        ours = break_lines(text, widest, lambda part: labeller.width(part, L.LABEL_PX))
        assert len(ours) == len(qt_lines(text, L.LABEL_PX, widest)), text
