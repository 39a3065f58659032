"""Colour tokens, the contrast rules they must meet (WCAG 2.x relative luminance), and the
era colours: plain Python, so that `kiosk validate` checks an era's `color` against the very
palettes the screen uses (kiosk.ui.shared.theme hands them to QML)."""

from __future__ import annotations

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
    # a video's captions (issue 19): white on a near-black box, readable over any picture
    "subtitleBox": "#E0000000",
    "subtitleText": "#FFFFFF",
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
              ("subtitleText", "subtitleBox"),
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


# The eras' own colours when the content gives none, in this order: distinct hues, white
# names on each at 4.5:1 or more, each at least MIN_BAND_CONTRAST from the track and the
# text panel. More eras than colours repeat them, which `kiosk validate` warns about.
ERA_PALETTE = ("#2F6690", "#3A7D44", "#9C6644", "#7B4B94", "#B23A48", "#1D7373", "#7A6518",
               "#A0417A", "#4A5BA8")
# An era's colour is drawn (darkened by band_color) as its band on the strip's track and as
# the era's chip on the event's text panel. The design's own band colours stand 1.87:1 or
# more from both; under 1.5:1 a band melts into the track. In high contrast the bands and
# chips are drawn in `bg` with a white border (TimelineStrip.qml, EventScreen.qml): no
# content colour is shown there, so nothing to check.
MIN_BAND_CONTRAST = 1.5
ERA_COLOUR_BACKGROUNDS: dict[str, tuple[tuple[str, str], ...]] = {
    "normal": (("track", "the timeline's track"), ("surface", "the text panel")),
    "high contrast": (),
}
PALETTES = {"normal": NORMAL, "high contrast": HIGH_CONTRAST}
DARKENED = 0.75  # a colour darkened below this share of its luminance no longer looks chosen
SAME_COLOUR = 24  # two era colours closer than this (RGB distance) look the same


def era_colour_problems(colour: str, instead: str = ERA_PALETTE[0]) -> list[str]:
    """What a visitor would see wrong with an era drawn in `colour` ("#RRGGBB"): a band too
    close to what it is drawn on, in either palette; a colour darkened out of recognition
    (white names need 4.5:1). Each with the fix (`instead`: a colour to suggest)."""
    band = band_color(colour)
    found = []
    for name, pairs in ERA_COLOUR_BACKGROUNDS.items():
        for token, where in pairs:
            ratio = contrast(band, PALETTES[name][token])
            if ratio < MIN_BAND_CONTRAST:
                found.append(f"is too close to {where} ({PALETTES[name][token]}, {ratio:.2f}:1 "
                             f"in the {name} colours; at least {MIN_BAND_CONTRAST}:1), so the "
                             "band melts into it: choose a lighter or brighter colour, e.g. "
                             f"\"{instead}\"")
                break
    if band != colour.upper() and luminance(band) < DARKENED * luminance(colour):
        found.append(f"is too light for the era's white name, so the kiosk draws it "
                     f"darkened to {band}: choose a darker colour yourself (white text on it "
                     f"at {MIN_CONTRAST}:1 or more), e.g. \"{band}\"")
    return found


def colour_distance(one: str, other: str) -> float:
    a = [int(one.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    b = [int(other.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return float(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5)
