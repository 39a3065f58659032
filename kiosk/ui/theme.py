"""Colour tokens for QML: they live in kiosk.content.colours, beside the contrast rules,
so that content rules check an era's colour against them without Qt."""

from __future__ import annotations

from kiosk.content.colours import (
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

__all__ = ["DECORATIVE", "HIGH_CONTRAST", "MIN_CONTRAST", "NORMAL", "TEXT_PAIRS", "band_color",
           "contrast", "luminance", "over", "palette"]
