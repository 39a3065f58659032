"""The visitor's second pass: reading, larger text, the welcome screen's ways in, options
that say their state, pressed states, the photo beside its caption, right to left."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPointingDevice
from PySide6.QtQml import QQmlExpression, qmlContext
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from kiosk.content import load_folder
from kiosk.core.i18n import all_ui_characters
from kiosk.core.model import Exhibit
from kiosk.services.paths import assets_dir
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.theme import NORMAL, contrast
from kiosk.ui.shell.view import KioskView
from tests.conftest import ROOT, MakeFolder, write_image
from tests.ui.conftest import MakeView, all_items, centre, is_shown, item, settle, swipe, tap

ARABIC = ROOT / "tests" / "fixtures" / "arabic"


@pytest.fixture(scope="module")
def arabic() -> Exhibit:
    result = load_folder(ARABIC)
    assert result.problems == [] and result.exhibit is not None
    return result.exhibit


def scene_rect(target: QQuickItem) -> QRectF:
    return target.mapRectToScene(QRectF(0, 0, target.width(), target.height()))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_larger_text_gives_the_text_eight_lines_and_starts_at_the_top(
        make_view: MakeView, bundled: Exhibit, lang: str) -> None:
    view = make_view(bundled, (1920, 1080))
    view.session.language.setLanguage(lang)
    view.session.navigation.openEvent(13)  # "A Virtual Mission": the longest body
    settle()
    flick = item(view, "textFlick")
    picture = item(view, "eventPhoto").width()
    flick.setProperty("contentY", 200)  # the reader is half way down
    view.session.display.toggleLargeText()
    settle()
    assert flick.property("contentY") == 0  # the text starts at its top again
    body = item(view, "eventBody")
    line = body.property("font").pixelSize() * (1.6 if lang == "zh" else 1.45)
    assert flick.height() >= 8 * line, (flick.height(), line)
    assert item(view, "eventPhoto").width() < picture  # the picture made some room
    assert item(view, "scrollIndicator").isVisible()  # and the reader sees where they are
    assert item(view, "moreFade").isVisible()


def test_scroll_position_and_fade_follow_the_reader(make_view: MakeView,
                                                     bundled: Exhibit) -> None:
    view = make_view(bundled, (1366, 768))
    view.session.navigation.openEvent(bundled.event_index("virtual-mission"))  # a long body
    settle()
    flick = item(view, "textFlick")
    bar = item(view, "scrollIndicator")
    assert flick.property("contentHeight") > flick.height()
    assert bar.isVisible() and item(view, "moreFade").isVisible()
    top = bar.y()
    flick.setProperty("contentY", flick.property("contentHeight") - flick.height())
    settle()
    assert bar.y() > top  # the mark moved down with the text
    assert not item(view, "moreFade").isVisible()  # nothing more follows: no fade


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_body_lines_and_paragraphs_are_spaced_in_ems(make_view: MakeView,
                                                     make_folder: MakeFolder,
                                                     lang: str) -> None:
    root = make_folder("""\
        format: 1
        title: T
        languages: [en, zh]
        events:
          - {id: one, date: 1990, title: A, body: {en: "One line.", zh: 一行。}}
          - id: two
            date: 1991
            title: B
            body: {en: "One line.\\n\\nAnother.", zh: "一行。\\n\\n又一行。"}
        """)
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    view = make_view(exhibit, (1920, 1080))
    view.session.language.setLanguage(lang)
    view.session.navigation.openEvent(0)
    settle()
    body = item(view, "eventBody")
    size = body.property("font").pixelSize()
    one = body.height()
    view.session.navigation.openEvent(1)
    settle()
    two = body.height()
    em = 1.6 if lang == "zh" else 1.45
    assert abs(one - em * size) < 0.1 * size, (one, size)  # not Qt's 2.1 em
    assert abs(two - 2 * one - 0.75 * size) < 0.1 * size, (two, one, size)  # a paragraph space


def panel_background(view: KioskView) -> QImage:
    """The welcome panel's pixels with its texts hidden: what the texts are read against."""
    column = item(view, "welcomeTitle").parentItem()
    column.setOpacity(0)
    settle()
    image = view.window.grabWindow()
    column.setOpacity(1)
    return image


@pytest.mark.parametrize("colour", [(255, 255, 255), (250, 200, 40), (40, 90, 140)])
def test_welcome_title_reads_over_any_picture(make_view: MakeView, make_folder: MakeFolder,
                                              colour: tuple[int, int, int]) -> None:
    root = make_folder("""\
        format: 1
        title: A title over a bright picture
        subtitle: and its subtitle
        events:
          - id: a
            date: 1990
            title: A
            highlight: true
            media:
              - {image: media/a.jpg, alt: light}
        """)
    write_image(root / "media" / "a.jpg", colour=colour)
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    view = make_view(exhibit, (1920, 1080))
    settle()
    panel = scene_rect(item(view, "titleBlock")).adjusted(8, 8, -8, -8).toRect()
    image = panel_background(view)
    brightest = max((QColor(image.pixel(x, y)) for x in range(panel.left(), panel.right(), 7)
                     for y in range(panel.top(), panel.bottom(), 7)),
                    key=lambda c: c.lightness())
    for token in ("text", "muted"):
        assert contrast(NORMAL[token], brightest.name()) >= 4.5, (token, brightest.name())


def test_two_ways_in_from_the_welcome_screen(make_view: MakeView, bundled: Exhibit,
                                            touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    highlight = view.session.attract.index
    view.session.attract.advance()  # the picture shows a later highlight
    settle()
    highlight = view.session.attract.index
    assert highlight > 0
    tap(view.window, touchscreen, centre(item(view, "startButton")))
    assert view.session.navigation.screen == Navigation.Screen.Event and view.session.navigation.index == 0
    view.session.navigation.goHome()
    settle()
    tap(view.window, touchscreen, centre(item(view, "highlightButton")))
    assert view.session.navigation.screen == Navigation.Screen.Event and view.session.navigation.index == highlight


def test_options_from_the_welcome_screen_say_their_state(make_view: MakeView,
                                                         bundled: Exhibit,
                                                         touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    tap(view.window, touchscreen, centre(item(view, "welcomeOptionsButton")))
    assert item(view, "optionsPanel").isVisible()

    def states() -> list[str]:  # larger text, high contrast, less motion, captions
        shown = [i for i in all_items(view) if i.objectName() == "optionState" and is_shown(i)]
        shown.sort(key=lambda i: scene_rect(i).top())
        return [i.property("text") for i in shown]

    # larger text, high contrast, less motion (the tests' kiosk starts with it), captions
    assert states() == ["Off", "Off", "On", "On"]
    tap(view.window, touchscreen, centre(item(view, "largeTextButton")))
    assert view.session.display.largeText and states() == ["On", "Off", "On", "On"]
    view.session.language.setLanguage("zh")
    settle()
    assert states() == ["开", "关", "开", "开"]


def test_a_press_shows_before_the_release(make_view: MakeView, bundled: Exhibit,
                                          touchscreen: QPointingDevice) -> None:
    view = make_view(bundled)
    view.session.navigation.openEvent(1)
    settle()
    target = item(view, "nextButton")
    face = next(c for c in target.childItems()
                if c.metaObject().className().startswith("KioskButton"))
    colour = face.property("color")
    point = centre(target)
    QTest.touchEvent(view.window, touchscreen).press(0, point, view.window).commit()
    settle()
    assert face.property("pressed") and face.scale() < 1
    assert face.property("color") != colour
    QTest.touchEvent(view.window, touchscreen).release(0, point, view.window).commit()
    settle()
    assert view.session.navigation.index == 2


def test_the_photo_is_never_under_its_caption(make_view: MakeView, bundled: Exhibit) -> None:
    for size in ((1920, 1080), (1080, 1920), (1366, 768)):
        view = make_view(bundled, size)
        view.session.navigation.openEvent(0)
        view.session.navigation.openPhoto(0)
        settle()
        photo = item(view, "viewerPhoto")
        painted = photo.property("paintedHeight")
        bottom = photo.mapToScene(QPointF(0, (photo.height() + painted) / 2)).y()
        caption = scene_rect(item(view, "photoCaptionBar"))
        assert caption.height() > 0 and bottom <= caption.top() + 1, size


def test_arabic_mirrors_aligns_right_and_swipes_the_other_way(
        make_view: MakeView, arabic: Exhibit, touchscreen: QPointingDevice) -> None:
    view = make_view(arabic, (1920, 1080))
    assert view.session.language.rtl
    view.session.navigation.openEvent(0)
    settle()
    panel = scene_rect(item(view, "textPanel"))
    picture = scene_rect(item(view, "eventPhoto"))
    assert panel.right() < picture.left()  # the text on the left, the picture on the right
    title = item(view, "eventTitle")
    aligned = QQmlExpression(qmlContext(title), title,
                             "effectiveHorizontalAlignment === Text.AlignRight").evaluate()
    assert aligned[0] is True
    first = scene_rect(item(view, "marker-0")).center().x()
    second = scene_rect(item(view, "marker-1")).center().x()
    assert second < first  # time runs from right to left
    options = scene_rect(item(view, "optionsButton"))
    assert options.left() < 960  # the top bar's controls moved to the left
    middle = centre(item(view, "textPanel"))
    swipe(view.window, touchscreen, middle, middle + QPoint(600, 0))  # towards the right
    assert view.session.navigation.index == 1  # is forwards in Arabic
    swipe(view.window, touchscreen, middle, middle - QPoint(600, 0))
    assert view.session.navigation.index == 0
    view.session.language.setLanguage("en")  # the same exhibit in English reads left to right
    settle()
    assert scene_rect(item(view, "textPanel")).left() > scene_rect(item(view, "eventPhoto")).right()


def test_the_shipped_arabic_font_covers_the_arabic_exhibit(arabic: Exhibit) -> None:
    fonts = Path(assets_dir(), "fonts")
    for weight in ("Regular", "Bold"):
        path = fonts / f"NotoSansArabic-{weight}.subset.ttf"
        assert path.stat().st_size < 200_000  # a small subset, with its licence beside it
        cmap = TTFont(path)["cmap"].getBestCmap()
        arabic_chars = {c for text in [*arabic.all_strings(), all_ui_characters()] for c in text
                        if 0x0600 <= ord(c) <= 0x06FF}
        assert arabic_chars and all(ord(c) in cmap for c in arabic_chars)
    assert "Open Font License" in (fonts / "NotoSansArabic-LICENCE.txt").read_text("utf-8")
