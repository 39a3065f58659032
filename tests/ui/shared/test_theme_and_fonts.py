"""Colours meet contrast floors; the shipped font covers every character visitors read."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtGui import QFontDatabase, QGuiApplication, QTextDocument

from kiosk.content.markdown import kiosk_markdown
from kiosk.core.i18n import all_ui_characters
from kiosk.core.model import Exhibit
from kiosk.services.paths import assets_dir
from kiosk.ui.display.display import Colors
from kiosk.ui.shared.theme import (
    DECORATIVE,
    FONT_CJK,
    FONT_LATIN,
    HIGH_CONTRAST,
    MIN_CONTRAST,
    NORMAL,
    TEXT_PAIRS,
    band_color,
    contrast,
    over,
)
from kiosk.ui.shell.view import FONT_FAMILY
from tests.ui.conftest import MakeView, all_items, is_shown, item, settle

FONTS = sorted((assets_dir() / "fonts").glob("*.otf"))


@pytest.mark.parametrize("palette", [NORMAL, HIGH_CONTRAST], ids=["normal", "high-contrast"])
def test_text_colours_reach_4_5_to_1(palette: dict[str, str]) -> None:
    for foreground, background in TEXT_PAIRS:
        ratio = contrast(over(palette[foreground]), over(palette[background]))
        assert ratio >= MIN_CONTRAST, f"{foreground} on {background}: {ratio:.2f}"


def test_every_token_is_checked_in_both_palettes() -> None:
    assert set(NORMAL) == set(HIGH_CONTRAST)
    paired = {token for pair in TEXT_PAIRS for token in pair}
    assert paired | DECORATIVE == set(NORMAL), "a token without a contrast pair"
    assert not paired & DECORATIVE


def test_qml_sees_every_token(qapp: QGuiApplication) -> None:
    colors = Colors()
    meta = colors.metaObject()
    names = {meta.property(i).name() for i in range(meta.propertyOffset(), meta.propertyCount())}
    assert names == set(NORMAL)
    colors.use(True)
    assert colors.property("accent").name().upper() == HIGH_CONTRAST["accent"]


def test_see_through_colours_are_judged_over_white() -> None:
    assert over("#80000000") == "#7F7F7F"
    assert over("#0E1A2B") == "#0E1A2B"


def test_high_contrast_is_higher() -> None:
    assert contrast(HIGH_CONTRAST["accent"], HIGH_CONTRAST["bg"]) > 15


@pytest.mark.parametrize("colour", ["#2F6690", "#3A7D44", "#9C6644", "#7B4B94", "#B23A48",
                                    "#FFFF00", "#5CC0F2", "#FFFFFF", "#FF0000"])
def test_era_bands_carry_white_labels(colour: str) -> None:
    darkened = band_color(colour)
    assert contrast("#FFFFFF", darkened) >= MIN_CONTRAST
    if contrast("#FFFFFF", colour) >= MIN_CONTRAST:
        assert darkened == colour.upper()  # a colour that already reads is kept


def test_darkening_keeps_the_hue() -> None:
    r, g, b = (int(band_color("#FFCC00")[i:i + 2], 16) for i in (1, 3, 5))
    assert b == 0 and 0.75 < g / r < 0.85


def test_fonts_ship_with_their_licence() -> None:
    assert {p.name for p in FONTS} == {"NotoSansCJKsc-Regular.subset.otf",
                                       "NotoSansCJKsc-Bold.subset.otf"}
    assert "SIL OPEN FONT LICENSE" in (assets_dir() / "fonts" / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("font_path", FONTS, ids=lambda p: Path(p).stem)
def test_shipped_font_covers_the_exhibit_and_the_interface(bundled: Exhibit,
                                                            font_path: Path) -> None:
    cmap = TTFont(font_path)["cmap"].getBestCmap()
    text = "".join(bundled.all_strings()) + all_ui_characters()
    # Arabic is the Arabic font's (tests/ui/test_second_pass.py checks it); direction
    # isolates and other format characters (Cf) are never drawn, so no font needs them
    missing = sorted({c for c in text if ord(c) not in cmap and not c.isspace()
                      and not 0x0600 <= ord(c) <= 0x06FF
                      and unicodedata.category(c) != "Cf"})
    assert missing == []


def test_shipped_font_covers_common_simplified_chinese() -> None:
    cmap = TTFont(FONTS[0])["cmap"].getBestCmap()
    level1 = [bytes((row, cell)).decode("gb2312") for row in range(0xB0, 0xD8)
              for cell in range(0xA1, 0xFF) if (row, cell) < (0xD7, 0xFA)]
    assert len(level1) == 3755
    assert all(ord(c) in cmap for c in level1)


@pytest.mark.parametrize(("lang", "family"), [("en", FONT_LATIN), ("zh", FONT_CJK)])
def test_every_text_uses_a_shipped_font_the_visitors_in_its_languages_face(
        qapp: QGuiApplication, make_view: MakeView, bundled: Exhibit, lang: str,
        family: str) -> None:
    """English in the Latin face, Chinese in the CJK face (issue 24: every text was set in the
    CJK face, whose quotes are full-width); the strip's labels in the default, Latin first."""
    shipped = set(QFontDatabase.families())
    assert {FONT_FAMILY, FONT_LATIN, FONT_CJK} <= shipped
    view = make_view(bundled)
    view.session.language.setLanguage(lang)
    view.session.navigation.openEvent(0)
    settle()
    texts = [i for i in all_items(view)
             if i.metaObject().className().startswith("QQuickText") and is_shown(i)]
    assert texts
    assert {t.property("font").family() for t in texts} <= {FONT_FAMILY, family}
    for name in ("eventTitle", "eventDate", "eventBody", "caption", "homeTitle"):
        assert item(view, name).property("font").family() == family, name


def test_bundled_bodies_render_without_stray_markup(bundled: Exhibit,
                                                    qapp: QGuiApplication) -> None:
    for event in bundled.events:
        for lang in bundled.languages:
            document = QTextDocument()
            document.setMarkdown(kiosk_markdown(event.body.get(lang), lang))
            plain = document.toPlainText()
            assert "**" not in plain and "<" not in plain, (event.id, lang)
