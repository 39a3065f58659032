"""Colour tokens and the contrast rules they must meet (WCAG 2.x relative luminance), and the
type families."""

from __future__ import annotations

from kiosk.content.i18n import is_cjk

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

# Every colour the QML uses, by role. "#AARRGGBB" where the colour lies over something.
NORMAL: dict[str, str] = {
    "bg": "#0E1A2B",
    "surface": "#17283F",
    "text": "#FFFFFF",
    "muted": "#B8C7D9",
    "accent": "#5CC0F2",
    "onAccent": "#0E1A2B",
    "scrim": "#CC000000",
    "track": "#24384F",
    "onBand": "#FFFFFF",  # labels on era bands (band_color darkens bands for them)
    "clear": "#00000000",  # where a fade starts
    "dim": "#80000000",  # behind the display options
    "idleScrim": "#B3000000",  # behind "Still there?"
    "staffScrim": "#F0000000",  # behind the staff PIN pad and panel
    "photoBackdrop": "#000000",  # around a photo shown full screen
    "captionBar": "#B3000000",  # under a full-screen photo's caption
    "captionText": "#FFFFFF",
    "captionMuted": "#D0D8E2",
    "shadeTop": "#660E1A2B",  # the welcome picture's shade, top to bottom
    "shadeMiddle": "#330E1A2B",
    "shadeBottom": "#F00E1A2B",
}

HIGH_CONTRAST: dict[str, str] = {
    **NORMAL,
    "bg": "#000000",
    "surface": "#000000",
    "text": "#FFFFFF",
    "muted": "#FFFFFF",
    "accent": "#FFE600",
    "onAccent": "#000000",
    "scrim": "#000000",
    "track": "#000000",
    "idleScrim": "#E6000000",
    "shadeBottom": "#FF000000",
}

# Pairs a visitor reads: (foreground token, background token). A see-through background is
# checked over white, the worst case for light text (a bright photo under a shade).
TEXT_PAIRS = [("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface"),
              ("accent", "bg"), ("accent", "surface"), ("onAccent", "accent"),
              ("onBand", "track"), ("captionText", "captionBar"), ("captionMuted", "captionBar"),
              ("text", "shadeBottom"), ("muted", "shadeBottom"), ("accent", "shadeBottom")]
# Tokens no text sits on directly: what lies on them is a card with its own pair above.
DECORATIVE = {"scrim", "clear", "dim", "idleScrim", "staffScrim", "photoBackdrop", "shadeTop",
              "shadeMiddle"}
MIN_CONTRAST = 4.5


def palette(high_contrast: bool) -> dict[str, str]:
    return HIGH_CONTRAST if high_contrast else NORMAL


def over(color: str, base: str = "#FFFFFF") -> str:
    """The opaque colour a "#AARRGGBB" colour shows over `base`."""
    digits = color.lstrip("#")
    if len(digits) == 6:
        return f"#{digits.upper()}"
    alpha = int(digits[:2], 16) / 255
    top = [int(digits[i:i + 2], 16) for i in (2, 4, 6)]
    under = [int(base.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(a * alpha + b * (1 - alpha)):02X}"
                         for a, b in zip(top, under, strict=True))


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    rgb = color.lstrip("#")[-6:]
    r, g, b = (int(rgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def band_color(color: str, text: str = "#FFFFFF", minimum: float = MIN_CONTRAST) -> str:
    """Darken a content colour, keeping its hue, until `text` on it reaches `minimum`."""
    r, g, b = (int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    factor = 1.0
    while True:
        candidate = f"#{round(r * factor):02X}{round(g * factor):02X}{round(b * factor):02X}"
        if contrast(text, candidate) >= minimum or factor <= 0:
            return candidate
        factor = max(0.0, factor - 0.02)
