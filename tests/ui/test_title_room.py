"""The room `kiosk validate` measures the exhibit's title in (kiosk.core.limits) is the
room the real screens give it at 1920x1080: the welcome title's width and the top bar's."""

from __future__ import annotations

import dataclasses

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core import limits as L
from kiosk.core.colours import ERA_COLOUR_BACKGROUNDS
from kiosk.core.model import Exhibit, Text
from kiosk.ui.shared.qmlmodule import qml_files
from kiosk.ui.shell.view import find_item
from tests.ui.conftest import MakeView


@pytest.mark.parametrize("languages", [("en", "zh"), ("en", "zh", "ar")])
def test_the_top_bar_gives_the_title_the_room_validate_measures(
        make_view: MakeView, bundled: Exhibit, qtbot: QtBot, languages: tuple[str, ...]) -> None:
    long = Text((("en", "Volunteers " * 30),), "en")
    view = make_view(dataclasses.replace(bundled, languages=languages, title=long))
    view.session.navigation.openEvent(0)
    home = find_item(view.window, "homeButton")
    qtbot.waitUntil(lambda: home.isVisible() and home.width() > 0)
    room = L.TOP_BAR_ROOM_PX - L.TOP_BAR_ROOM_PER_LANGUAGE_PX * (len(languages) - 2)
    # a long title takes all there is; a third language's button is as wide as its name in
    # its own font, which differs a little by system (Arabic under Wine: 22 px narrower)
    # (waited for: the top bar lays its buttons out over a frame or two after the screen opens)
    qtbot.waitUntil(lambda: home.width() == pytest.approx(
        room, abs=10 if len(languages) == 2 else 30), timeout=5000)


def test_the_welcome_title_is_as_wide_as_validate_measures(
        make_view: MakeView, bundled: Exhibit, qtbot: QtBot) -> None:
    long = Text((("en", "Volunteers " * 30),), "en")
    view = make_view(dataclasses.replace(bundled, title=long))
    title = find_item(view.window, "welcomeTitle")
    qtbot.waitUntil(lambda: title.width() > 0)
    # as wide as its longest line, which a long title fills to within a word (measured in
    # the font validate measures with: the Latin face's "Volunteers " is ~380 px at 64 px)
    from kiosk.core.advances import title_font

    font = title_font()
    assert font is not None
    word = font.width("Volunteers ", L.WELCOME_TITLE_SMALLER_PX)
    assert L.WELCOME_TITLE_WIDTH_PX - word <= title.width() <= L.WELCOME_TITLE_WIDTH_PX
    assert title.property("font").pixelSize() == L.WELCOME_TITLE_SMALLER_PX


def test_high_contrast_draws_no_era_colour() -> None:
    """Validate checks era colours in the normal palette only, because high contrast draws
    bands and chips in the background colour with a border."""
    assert ERA_COLOUR_BACKGROUNDS["high contrast"] == ()
    qml = {path.name: path for path in qml_files()}
    assert "color: Theme.highContrast ? Theme.c.bg : bandColor" in (
        qml["TimelineStrip.qml"]).read_text(encoding="utf-8")
    assert "color: Theme.highContrast ? Theme.c.bg : (CurrentEvent.eraColor" in (
        qml["EventScreen.qml"]).read_text(encoding="utf-8")


def test_validate_counts_the_welcome_title_lines_qt_draws(
        make_view: MakeView, bundled: Exhibit, qtbot: QtBot) -> None:
    from kiosk.core.advances import title_font
    from kiosk.core.line_breaking import break_lines
    from tests.content.test_problems import LONG_EXHIBIT_TITLE

    font = title_font()
    assert font is not None
    counted = len(break_lines(LONG_EXHIBIT_TITLE, L.WELCOME_TITLE_WIDTH_PX,
                              lambda text: font.width(text, L.WELCOME_TITLE_SMALLER_PX)))
    view = make_view(dataclasses.replace(bundled, title=Text((("en", LONG_EXHIBIT_TITLE),),
                                                             "en")))
    title = find_item(view.window, "welcomeTitle")
    qtbot.waitUntil(lambda: title.property("lineCount") > 0)
    assert (counted, title.property("lineCount")) == (5, 5)


@pytest.mark.parametrize(("length", "cut"), [(None, True), (100, False)])
def test_the_top_bar_cuts_what_validate_says_it_cuts(
        make_view: MakeView, bundled: Exhibit, qtbot: QtBot, length: int | None,
        cut: bool) -> None:
    from tests.content.test_problems import LONG_EXHIBIT_TITLE

    title = LONG_EXHIBIT_TITLE[:length]  # validate: about 105 characters fit
    view = make_view(dataclasses.replace(bundled, title=Text((("en", title),), "en")))
    view.session.navigation.openEvent(0)
    home = find_item(view.window, "homeTitle")
    qtbot.waitUntil(lambda: home.isVisible() and home.width() > 0)
    assert home.property("truncated") is cut
