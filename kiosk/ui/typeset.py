"""The typesetting rules (kiosk.content.typeset) measured with the fonts the kiosk draws with."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.content.typeset import WORD_JOINER, Measure, balanced_text, joins
from kiosk.services.guard import guarded
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Typeset", "measure_for"]


@lru_cache(maxsize=32)
def measure_for(pixel_size: float, bold: bool = False) -> Measure:
    """Widths in px of text set in the application's font at this size."""
    font = QFont(QGuiApplication.font())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    metrics = QFontMetricsF(font)
    return metrics.horizontalAdvance


@QmlElement
@QmlSingleton
class Typeset(QObject):
    """Headings for QML: `balanced(text, size, bold, width)` is the text with its line breaks
    chosen (even lines, no lone last character, numbers kept with their measure words);
    `body(markdown, size, line)` the body as rich text spaced in ems."""

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "typeset")

    @Slot(str, float, bool, float, result=str)
    @guarded("Typeset.balanced", "")
    def balanced(self, text: str, pixel_size: float, bold: bool, width: float) -> str:
        if not text or width <= 0 or pixel_size <= 0:
            return text
        return _balanced(text, round(pixel_size), bold, round(width))


    @Slot(str, float, float, result=str)
    @guarded("Typeset.body", "")
    def body(self, markdown: str, pixel_size: float, line_em: float) -> str:
        """Body text as rich text with its spacing set in ems of the type: lines `line_em`
        apart, baseline to baseline (Qt's own lineHeight multiplies the font's line
        spacing, itself about 1.45 em in the shipped font), and paragraphs a space apart."""
        if not markdown or pixel_size <= 0:
            return ""
        return _body(markdown, round(pixel_size), round(line_em, 3))


PARAGRAPH_SPACE_EM = 0.75  # between paragraphs; list items get a third of it


@lru_cache(maxsize=64)
def _body(markdown: str, pixel_size: int, line_em: float) -> str:
    document = QTextDocument()
    font = QFont(QGuiApplication.font())
    font.setPixelSize(pixel_size)
    document.setDefaultFont(font)
    document.setMarkdown(markdown)
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        # the typesetting rules' joiners, placed in the text as shown (markup gone)
        for place in reversed(joins(block.text())):
            cursor.setPosition(block.position() + place)
            cursor.insertText(WORD_JOINER)
        following = block.next()
        in_list = block.textList() is not None
        space = PARAGRAPH_SPACE_EM * (1 / 3 if in_list and following.isValid()
                                      and following.textList() is not None else 1)
        spacing = QTextBlockFormat(block.blockFormat())
        spacing.setLineHeight(pixel_size * line_em,
                              QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        spacing.setTopMargin(0)
        spacing.setBottomMargin(pixel_size * space if following.isValid() else 0)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(spacing)
        block = following
    return document.toHtml()


@lru_cache(maxsize=512)
def _balanced(text: str, pixel_size: int, bold: bool, width: int) -> str:
    # a pixel of slack: Qt's own wrapping of the lines given must never break them again
    return balanced_text(text, width - 1, measure_for(pixel_size, bold))
