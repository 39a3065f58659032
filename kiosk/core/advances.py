"""How wide a text is set in the kiosk's own font, without Qt: advance widths read from the
shipped font file (its 'cmap', 'hmtx', 'hhea' and 'head' tables), for `kiosk validate` to
tell an editor that a title will not fit, before any screen shows it.

Kerning and shaping are left out: a line is the sum of its characters' advances, within a
few per cent of what Qt draws for Latin and Chinese (the tests compare with fontTools).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from functools import cache
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent.parent / "assets" / "fonts"
TITLE_FONT = "NotoSansCJKsc-Bold.subset.otf"  # titles are set bold (see kiosk/ui/shell/view.py)
LATIN_TITLE_FONT = "NotoSans-Bold.subset.ttf"  # Latin text: Noto Sans (kiosk/ui/shared/theme.py)
LATIN_FONT = "NotoSans-Regular.subset.ttf"
SHIPPED = ("NotoSansCJKsc-Regular.subset.otf", "NotoSansCJKsc-Bold.subset.otf",
           "NotoSansArabic-Regular.subset.ttf", "NotoSansArabic-Bold.subset.ttf",
           LATIN_FONT, LATIN_TITLE_FONT)


class Font:
    """A font's advance widths, in ems, by character."""

    def __init__(self, data: bytes) -> None:
        tables = _tables(data)
        units = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
        metrics = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
        hmtx = tables[b"hmtx"]
        self._advances: list[float] = [struct.unpack_from(">H", data, hmtx + 4 * i)[0] / units
                          for i in range(metrics)]
        self._glyphs = _cmap(data, tables[b"cmap"])
        self.missing = 0.6  # a character the subset lacks: about an average letter
        self._known: dict[str, float] = {}  # character -> advance, as width() meets them

    def has(self, char: str) -> bool:
        return ord(char) in self._glyphs

    def advance(self, char: str) -> float:
        glyph = self._glyphs.get(ord(char))
        if glyph is None:
            return self.missing
        return self._advances[min(glyph, len(self._advances) - 1)]

    def width(self, text: str, pixel_size: float) -> float:
        return _width(text, pixel_size, self._known, self.advance)


class Stack:
    """Fonts in order of preference, as the kiosk sets text: each character from the first
    font that has it (the Latin face, then the CJK face for what it lacks)."""

    def __init__(self, fonts: list[Font]) -> None:
        self._fonts = fonts
        self._known: dict[str, float] = {}  # character -> advance, as width() meets them

    def has(self, char: str) -> bool:
        return any(font.has(char) for font in self._fonts)

    def advance(self, char: str) -> float:
        return next((font.advance(char) for font in self._fonts if font.has(char)),
                    self._fonts[0].advance(char))

    def width(self, text: str, pixel_size: float) -> float:
        return _width(text, pixel_size, self._known, self.advance)


def _width(text: str, pixel_size: float, known: dict[str, float],
           advance: Callable[[str], float]) -> float:
    """The sum of the characters' advances, each character's looked up once in `known` (line
    breaking measures every candidate line of every title: looking each up again, and for a
    stack choosing its font again, was half of validating 1,000 events with two-language
    titles), summed in the same order: the same width to the last bit."""
    try:
        return sum(map(known.__getitem__, text)) * pixel_size
    except KeyError:
        known.update((char, advance(char)) for char in set(text) - known.keys())
        return sum(map(known.__getitem__, text)) * pixel_size


def _read(*names: str) -> Stack | None:
    try:
        return Stack([Font((FONTS / name).read_bytes()) for name in names])
    except (OSError, struct.error, KeyError, IndexError):
        return None


def _tables(data: bytes) -> dict[bytes, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    return {data[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">I", data, 20 + 16 * i)[0]
            for i in range(count)}


def _cmap(data: bytes, offset: int) -> dict[int, int]:
    """Character -> glyph, from the best Unicode subtable (format 12, else format 4)."""
    count = struct.unpack_from(">H", data, offset + 2)[0]
    subtables = {}
    for i in range(count):
        platform, _, where = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, offset + where)[0]
        if platform in (0, 3) and fmt in (4, 12):
            subtables[fmt] = offset + where
    glyphs: dict[int, int] = {}
    if 12 in subtables:
        start = subtables[12]
        groups = struct.unpack_from(">I", data, start + 12)[0]
        for i in range(groups):
            first, last, glyph = struct.unpack_from(">III", data, start + 16 + 12 * i)
            for code in range(first, last + 1):
                glyphs[code] = glyph + code - first
        return glyphs
    start = subtables[4]
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    ranges_at = start + 16 + 6 * segments
    ranges = struct.unpack_from(f">{segments}H", data, ranges_at)
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                at = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                glyph = struct.unpack_from(">H", data, at)[0]
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                glyphs[code] = glyph
    return glyphs


@cache
def title_font(cjk: bool = True) -> Stack | None:
    """The titles' fonts for a language written in Chinese characters (the CJK face) or not
    (the Latin face, the CJK face for what it lacks), read once; None when a file cannot be
    read (then no title is measured: the kiosk itself would fall back to a system font)."""
    return _read(TITLE_FONT) if cjk else _read(LATIN_TITLE_FONT, TITLE_FONT)


@cache
def label_font() -> Stack | None:
    """The timeline labels' fonts (regular, the application's default: Latin first), read
    once; None when one cannot be read."""
    return _read(LATIN_FONT, SHIPPED[0])


@cache
def shipped_characters() -> frozenset[int] | None:
    """Every character the shipped fonts draw (each face: regular and bold alike); None
    when a font file cannot be read, and then nothing is told."""
    found: set[int] | None = None
    for name in SHIPPED:
        try:
            data = (FONTS / name).read_bytes()
            codes = set(_cmap(data, _tables(data)[b"cmap"]))
        except (OSError, struct.error, KeyError, IndexError):
            return None
        found = codes if found is None else found | codes
    return frozenset(found or ())
