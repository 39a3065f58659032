"""The typesetting rules (kiosk.core.line_breaking) measured with the fonts the kiosk draws with."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.core.line_breaking import WORD_JOINER, Measure, balanced_text, joins
from kiosk.services.guard import guarded
from kiosk.services.words import word_boundaries
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.shared.theme import FONT_CJK, FONT_LATIN

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Kept", "Typeset", "measure_for"]

V = TypeVar("V")


class Kept(Generic[V]):
    """Typeset text kept by what it depends on (text, width, font), the least recently used
    dropped beyond `bound`: what is typeset once is not typeset again on the next layout,
    and a long-running kiosk fed new content does not keep every old label. Shared by the
    UI thread and a worker (a lock)."""

    def __init__(self, bound: int) -> None:
        self._bound = bound
        self._kept: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            self._kept[key] = value
            self._kept.move_to_end(key)
            while len(self._kept) > self._bound:
                self._kept.popitem(last=False)

    def __len__(self) -> int:
        return len(self._kept)


@lru_cache(maxsize=32)
def measure_for(pixel_size: float, bold: bool = False, family: str = "") -> Measure:
    """Widths in px of text set in the application's font (or in `family`, with the same
    fallbacks) at this size."""
    font = _font(family)
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    metrics = QFontMetricsF(font)
    return metrics.horizontalAdvance


def _font(family: str) -> QFont:
    """The application's font, or `family` first with the application's after it."""
    font = QFont(QGuiApplication.font())
    if family:
        font.setFamilies([family, *[f for f in font.families() if f != family]])
    return font


@QmlElement
@QmlSingleton
class Typeset(QObject):
    """Headings for QML: `balanced(text, size, bold, width)` is the text with its line breaks
    chosen (even lines, no lone last character, numbers kept with their measure words);
    `body(markdown, size, line)` the body as rich text spaced in ems."""

    def __init__(self, parent: QObject | None = None,
                 family: Callable[[], str] = lambda: "") -> None:
        super().__init__(parent)
        self._family = family  # the family the visitor's language is set in (Theme.family)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "typeset")

    @Slot(str, float, bool, float, result=str)
    @guarded("Typeset.balanced", "")
    def balanced(self, text: str, pixel_size: float, bold: bool, width: float) -> str:
        if not text or width <= 0 or pixel_size <= 0:
            return text
        return _balanced(text, round(pixel_size), bold, round(width), self._family())

    @Slot("QStringList", float, bool, result=float)
    @guarded("Typeset.widest", 0.0)
    def widest(self, texts: list[str], pixel_size: float, bold: bool) -> float:
        """The width in px of the widest of these texts on one line, in whichever family
        (the Latin or the CJK face) sets it wider: a button sized by it keeps its size when
        the language, and so the family, changes."""
        if pixel_size <= 0:
            return 0.0
        return max((measure_for(round(pixel_size), bold, family)(text)
                    for family in (FONT_LATIN, FONT_CJK) for text in texts), default=0.0)

    @Slot(str, float, float, result=str)
    @guarded("Typeset.body", "")
    def body(self, markdown: str, pixel_size: float, line_em: float) -> str:
        """Body text as rich text with its spacing set in ems of the type: lines `line_em`
        apart, baseline to baseline (Qt's own lineHeight multiplies the font's line
        spacing, itself about 1.45 em in the shipped font), and paragraphs a space apart."""
        if not markdown or pixel_size <= 0:
            return ""
        return _body(markdown, round(pixel_size), round(line_em, 3), self._family())


PARAGRAPH_SPACE_EM = 0.75  # between paragraphs; list items get a third of it
BLOCK_QUOTE_LEVEL = QTextFormat.Property.BlockQuoteLevel
OPENING_QUOTES = "\"'“‘«‹„「『"


def _hanging_quote(text: str, block_format: QTextBlockFormat, font: QFont, first: bool
                   ) -> float:
    """How far a block quotation's first paragraph hangs its opening mark (0 for any other):
    the mark's own width, measured in the paragraph's font."""
    if not first or not text or text[0] not in OPENING_QUOTES:
        return 0.0
    return QFontMetricsF(font).horizontalAdvance(text[0])



@lru_cache(maxsize=64)
def _body(markdown: str, pixel_size: int, line_em: float, family: str = "") -> str:
    document = QTextDocument()
    font = _font(family)
    font.setPixelSize(pixel_size)
    document.setDefaultFont(font)
    document.setMarkdown(markdown)
    cursor = QTextCursor(document)
    block = document.begin()
    previous_quoted = False
    while block.isValid():
        quoted = block.blockFormat().hasProperty(BLOCK_QUOTE_LEVEL) \
            and block.blockFormat().intProperty(BLOCK_QUOTE_LEVEL) > 0
        is_first_of_quote = quoted and not previous_quoted
        previous_quoted = quoted
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
        hang = _hanging_quote(block.text(), block.blockFormat(), font, is_first_of_quote)
        if hang:
            # the quotation's opening mark hangs in the margin: its words align with the
            # lines below, as a typesetter sets a block quotation
            spacing.setTextIndent(-hang)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(spacing)
        block = following
    return document.toHtml()


@lru_cache(maxsize=512)
def _balanced(text: str, pixel_size: int, bold: bool, width: int, family: str = "") -> str:
    # a pixel of slack: Qt's own wrapping of the lines given must never break them again
    return balanced_text(text, width - 1, measure_for(pixel_size, bold, family),
                         word_boundaries)
