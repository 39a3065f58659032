"""Colour tokens for QML, and the type families. The colours live in kiosk.core.colours,
beside the contrast rules, so that content rules check an era's colour against them without
Qt."""

from __future__ import annotations

from kiosk.core.colours import (
    DECORATIVE,
    HIGH_CONTRAST,
    MIN_CONTRAST,
    NORMAL,
    TEXT_PAIRS,
    band_color,
    contrast,
    luminance,
    over,
    palette,
)
from kiosk.core.i18n import is_cjk

# The shipped families (assets/fonts/): Latin text in a Latin face, whose quotes and dashes
# are its own (the CJK face's “ ” ’ are full-width: "youth-led “green” and" gapped); Chinese
# in the CJK face, whose full-width punctuation Chinese wants; Arabic, and anything either
# lacks, by Qt's fallback to the family that has it.
FONT_LATIN = "Noto Sans"
FONT_CJK = "Noto Sans CJK SC"
FONT_ARABIC = "Noto Sans Arabic"


def font_family(lang: str) -> str:
    """The family a text in `lang` is set in."""
    return FONT_CJK if is_cjk(lang) else FONT_LATIN


__all__ = ["DECORATIVE", "FONT_ARABIC", "FONT_CJK", "FONT_LATIN", "HIGH_CONTRAST",
           "MIN_CONTRAST", "NORMAL", "TEXT_PAIRS", "band_color", "contrast", "font_family",
           "luminance", "over", "palette"]
