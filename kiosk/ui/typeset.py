"""The typesetting rules (kiosk.content.typeset) measured with the fonts the kiosk draws with."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication

from kiosk.content.typeset import Measure, balanced_text


@lru_cache(maxsize=32)
def measure_for(pixel_size: float, bold: bool = False) -> Measure:
    """Widths in px of text set in the application's font at this size."""
    font = QFont(QGuiApplication.font())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    metrics = QFontMetricsF(font)
    return metrics.horizontalAdvance


class Typesetter(QObject):
    """Headings for QML: `balanced(text, size, bold, width)` is the text with its line breaks
    chosen (even lines, no lone last character, numbers kept with their measure words)."""

    @Slot(str, float, bool, float, result=str)
    def balanced(self, text: str, pixel_size: float, bold: bool, width: float) -> str:
        if not text or width <= 0 or pixel_size <= 0:
            return text
        return _balanced(text, round(pixel_size), bold, round(width))


@lru_cache(maxsize=512)
def _balanced(text: str, pixel_size: int, bold: bool, width: int) -> str:
    # a pixel of slack: Qt's own wrapping of the lines given must never break them again
    return balanced_text(text, width - 1, measure_for(pixel_size, bold))
