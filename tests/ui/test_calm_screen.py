"""A screen that never moves or acts under the visitor's finger (issue 24, points 3-5, 7,
10): the welcome screen's buttons keep their place, a tap that closes a panel does nothing
else, larger text keeps the photo large and uncovered, right-to-left text reads in order,
the language buttons stay put, a sliding page has no black behind it, and captions stay
readable on a small screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Q_ARG, QMetaObject, QPoint, QRectF
from PySide6.QtGui import QFont, QGuiApplication, QPointingDevice, QTextLayout, QTextOption
from PySide6.QtQuick import QQuickItem

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shell.view import KioskView
from tests.conftest import ROOT
from tests.ui.conftest import (
    MakeView,
    all_items,
    centre,
    click,
    follow,
    is_shown,
    item,
    settle,
    tap,
    until,
)

SIZES = [(1920, 1080), (1366, 768), (1080, 1920)]


@pytest.fixture(scope="module")
def arabic() -> Exhibit:
    result = load_folder(ROOT / "tests" / "fixtures" / "arabic")
    assert result.exhibit is not None
    return result.exhibit


def scene_rect(target: QQuickItem) -> QRectF:
    return target.mapRectToScene(QRectF(0, 0, target.width(), target.height()))


def rounded(rect: QRectF) -> tuple[int, int, int, int]:
    return (round(rect.x()), round(rect.y()), round(rect.width()), round(rect.height()))


def highlights(view: KioskView) -> Iterator[int]:
    """Steps the attract cycle once round; the highlighted events, in turn."""
    seen: list[int] = []
    attract = view.session.attract
    while attract.index not in seen:
        seen.append(attract.index)
        yield attract.index
        attract.advance()


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1366x768", "1080x1920"])
@pytest.mark.parametrize("which", ["bundled", "arabic"])
def test_the_welcome_buttons_stay_put_through_the_attract_cycle_and_languages(
        make_view: MakeView, bundled: Exhibit, arabic: Exhibit, size: tuple[int, int],
        which: str) -> None:
    exhibit = bundled if which == "bundled" else arabic
    view = make_view(exhibit, size)
    rtl_exhibit = which == "arabic"
    starts: set[tuple[int, int, int, int]] = set()
    leading_edges: set[tuple[int, int]] = set()
    shown = 0
    for lang in exhibit.languages:
        view.session.language.setLanguage(lang)
        for _ in highlights(view):
            settle()
            start = scene_rect(item(view, "startButton"))
            highlight = scene_rect(item(view, "highlightButton"))
            starts.add(rounded(start))
            edge = highlight.right() if rtl_exhibit else highlight.left()
            leading_edges.add((round(edge), round(highlight.bottom())))
            assert not start.intersects(highlight)
            assert QRectF(0, 0, *size).contains(start.united(highlight))
            assert min(start.height(), highlight.height()) >= 64 * min(size) / 1080
            shown += 1
    assert shown >= 2 * len(exhibit.languages)
    assert len(starts) == 1, f"'Start at the beginning' moved: {sorted(starts)}"
    assert len(leading_edges) == 1, f"the highlight's button moved: {sorted(leading_edges)}"


def open_options(view: KioskView, touchscreen: QPointingDevice, button: str) -> None:
    tap(view.window, touchscreen, centre(item(view, button)))
    assert item(view, "optionsPanel").property("open") is True


@pytest.mark.parametrize("by", ["touch", "mouse"])
def test_the_tap_that_closes_the_options_does_nothing_else(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice, by: str) -> None:
    view = make_view(bundled, (1920, 1080))
    navigation = view.session.navigation

    def closing_tap(point: QPoint) -> None:
        if by == "touch":
            tap(view.window, touchscreen, point)
        else:
            click(view.window, point)
        assert item(view, "optionsPanel").property("open") is False

    # on the welcome screen: over the highlighted event, over "Start", over the picture
    for target in ("highlightButton", "startButton", "invitation"):
        open_options(view, touchscreen, "welcomeOptionsButton")
        closing_tap(centre(item(view, target)))
        assert navigation.current_screen() == Navigation.Screen.Welcome, target
    # on an event: over the next button, the photo, a mark on the timeline, home
    navigation.openEvent(5)
    settle()
    # marker-7: Wenchuan Earthquake (2008), a mark of its own beside the shown event
    for target in ("nextButton", "eventPhoto", "marker-7", "homeButton", "nextLabel"):
        open_options(view, touchscreen, "optionsButton")
        closing_tap(centre(item(view, target)))
        assert navigation.current_screen() == Navigation.Screen.Event, target
        assert navigation.index == 5, target
    # a tap on the panel's card, between its rows, leaves it open and changes nothing
    open_options(view, touchscreen, "optionsButton")
    card = scene_rect(item(view, "optionsCard"))
    tap(view.window, touchscreen, QPoint(round(card.center().x()), round(card.top() + 8)))
    assert item(view, "optionsPanel").property("open") is True
    assert not view.session.display.largeText


def test_the_tap_that_answers_still_there_does_nothing_else(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    view = make_view(bundled, (1920, 1080), idle_timeout_ms=300)
    navigation = view.session.navigation
    navigation.openEvent(5)
    settle()
    until(view.session.idle.asking, what="the idle question")  # after 300 ms
    tap(view.window, touchscreen, centre(item(view, "nextButton")))
    assert not view.session.idle.asking()
    assert navigation.index == 5


def painted_photo(view: KioskView) -> QRectF:
    """The photo as drawn, once its picture has come (a picture still decoding is drawn at
    the last one's size)."""
    photo = item(view, "eventPhoto")
    until(lambda: photo.property("ready") and float(photo.property("paintedHeight"))
          <= photo.height() + 0.5 and float(photo.property("paintedWidth"))
          <= photo.width() + 0.5, what="the photo drawn at its size")
    rect = scene_rect(photo)
    width, height = float(photo.property("paintedWidth")), float(photo.property("paintedHeight"))
    return QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2, width, height)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_larger_text_keeps_the_photo_large_and_nothing_over_it(
        make_view: MakeView, bundled: Exhibit, lang: str) -> None:
    view = make_view(bundled, (1920, 1080))
    view.session.language.setLanguage(lang)
    view.session.display.toggleLargeText()
    covering = ("previousButton", "nextButton", "previousLabel", "nextLabel", "caption",
                "credit", "photoDots", "textPanel")
    for index in range(len(bundled.events)):
        view.session.navigation.openEvent(index)
        settle()
        picture = painted_photo(view)
        assert picture.width() >= 0.4 * 1920, (index, picture)
        for name in covering:
            other = item(view, name)
            if is_shown(other):
                assert not scene_rect(other).intersects(picture), (index, name)


@pytest.mark.parametrize("size", SIZES, ids=["1920x1080", "1366x768", "1080x1920"])
def test_every_event_says_where_previous_and_next_lead(make_view: MakeView, bundled: Exhibit,
                                                       size: tuple[int, int]) -> None:
    view = make_view(bundled, size)
    last = len(bundled.events) - 1
    for index in range(len(bundled.events)):
        view.session.navigation.openEvent(index)
        settle()
        assert is_shown(item(view, "previousLabel")) == (index > 0), index
        assert is_shown(item(view, "nextLabel")) == (index < last), index
        picture = painted_photo(view)
        for name in ("previousLabel", "nextLabel", "previousButton", "nextButton"):
            assert not scene_rect(item(view, name)).intersects(picture), (index, name)


def visual_x(text: str, index: int) -> float:
    """Where the glyph of the character at `index` is drawn, the text laid out as a Text lays
    it out (its direction from the text itself)."""
    layout = QTextLayout(text, QFont(QGuiApplication.font()))
    layout.setTextOption(QTextOption())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return min(point.x() for run in layout.glyphRuns(index, 1) for point in run.positions())


def test_english_in_an_arabic_card_keeps_its_question_mark_at_its_end(
        make_view: MakeView, arabic: Exhibit) -> None:
    view = make_view(arabic, (1920, 1080))
    text = view.session.language.everyLanguage["still_there"]
    english = text.index("Still there?")
    assert visual_x(text, english + len("Still there")) > visual_x(text, english), \
        "'?Still there': the English phrase is not isolated"


def test_a_date_range_reads_the_same_in_an_arrow_label_and_the_heading(
        make_view: MakeView, arabic: Exhibit) -> None:
    view = make_view(arabic, (1920, 1080))
    spans = [i for i, e in enumerate(arabic.events) if e.end is not None]
    assert spans
    span = spans[0]
    view.session.navigation.openEvent(span - 1)
    label = view.session.current.property("sideLabels")[1]  # the arrow to the range
    start, end = str(arabic.events[span].date.year), str(arabic.events[span].end.year)
    assert visual_x(label, label.index(start)) < visual_x(label, label.index(end)), label
    view.session.navigation.openEvent(span)
    heading = view.session.current.property("date")
    assert visual_x(heading, heading.index(start)) < visual_x(heading, heading.index(end))


@pytest.mark.parametrize("screen", ["welcome", "event"])
def test_the_language_buttons_stay_put_on_a_switch(make_view: MakeView, arabic: Exhibit,
                                                   touchscreen: QPointingDevice,
                                                   screen: str) -> None:
    view = make_view(arabic, (1920, 1080))
    if screen == "event":
        view.session.navigation.openEvent(1)
        settle()

    def places() -> dict[str, tuple[int, int, int, int]]:
        found = [i for i in all_items(view)
                 if i.objectName().startswith("language-") and is_shown(i)]
        assert len(found) == len(arabic.languages)
        return {i.objectName(): rounded(scene_rect(i)) for i in found}

    before = places()
    for lang in ("en", "ar", "en"):
        tap(view.window, touchscreen, centre(item(view, f"language-{lang}")))
        assert view.session.language.code == lang
        assert places() == before, lang


def test_a_sliding_page_has_no_black_behind_it(make_view: MakeView, bundled: Exhibit) -> None:
    view = make_view(bundled, (1920, 1080))
    if view.session.display.reducedMotion:
        view.session.display.toggleReducedMotion()  # the page slides
    view.session.navigation.openEvent(3)
    settle()
    screen = view.window.findChild(QQuickItem, "eventScreen")
    content = scene_rect(item(view, "eventContent"))
    QMetaObject.invokeMethod(screen, "slideIn", Q_ARG("QVariant", 1))  # as after a swipe
    follow(view.window)  # the slide's first frame
    assert abs(float(item(view, "eventPager").property("offset"))) > 50, "not sliding"
    frame = view.window.grabWindow()
    black = 0
    seen = 0
    for y in range(round(content.top()) + 4, round(content.bottom()) - 4, 16):
        for x in range(0, 1920, 16):
            seen += 1
            if frame.pixelColor(x, y).lightness() < 6:
                black += 1
    assert black / seen < 0.01, f"{black} of {seen} sampled pixels black behind the page"


def test_captions_and_labels_are_readable_at_1366x768(make_view: MakeView,
                                                      bundled: Exhibit) -> None:
    view = make_view(bundled, (1366, 768))
    view.session.navigation.openEvent(4)
    settle()
    for name in ("caption", "previousLabel", "nextLabel"):
        texts = [item(view, name)] if name == "caption" else \
            [t for t in item(view, name).childItems() if t.property("font") is not None]
        for text in texts:
            assert text.property("font").pixelSize() >= 22, name


def test_a_credit_every_photo_shares_is_said_once_in_the_visitors_language(
        make_view: MakeView, bundled: Exhibit) -> None:
    view = make_view(bundled, (1920, 1080))
    assert item(view, "welcomeCredit").property("text") == "Illustration made for this exhibit"
    view.session.language.setLanguage("zh")
    assert item(view, "welcomeCredit").property("text") == "本展览专用插图"
    for index in (0, 7, 23):
        view.session.navigation.openEvent(index)
        settle()
        assert not is_shown(item(view, "credit")), index


def test_a_tap_on_where_an_arrow_leads_goes_there(make_view: MakeView, bundled: Exhibit,
                                                  touchscreen: QPointingDevice) -> None:
    view = make_view(bundled, (1366, 768))
    view.session.navigation.openEvent(5)
    settle()
    tap(view.window, touchscreen, centre(item(view, "nextLabel")))
    assert view.session.navigation.index == 6
    tap(view.window, touchscreen, centre(item(view, "previousLabel")))
    assert view.session.navigation.index == 5
