"""Colour tokens and the contrast rules they must meet (WCAG 2.x relative luminance)."""

from __future__ import annotations

NORMAL: dict[str, str] = {
    "bg": "#0E1A2B",
    "surface": "#17283F",
    "text": "#FFFFFF",
    "muted": "#B8C7D9",
    "accent": "#5CC0F2",
    "onAccent": "#0E1A2B",
    "scrim": "#CC000000",
    "track": "#24384F",
}

HIGH_CONTRAST: dict[str, str] = {
    "bg": "#000000",
    "surface": "#000000",
    "text": "#FFFFFF",
    "muted": "#FFFFFF",
    "accent": "#FFE600",
    "onAccent": "#000000",
    "scrim": "#000000",
    "track": "#000000",
}

# Pairs a visitor reads: (foreground token, background token).
TEXT_PAIRS = [("text", "bg"), ("text", "surface"), ("muted", "bg"), ("muted", "surface"),
              ("accent", "bg"), ("accent", "surface"), ("onAccent", "accent")]
MIN_CONTRAST = 4.5


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
