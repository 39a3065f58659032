"""The timeline strip's layout: every mark labelled, in rows, none overlapping, no leader
through a label, groups where no row is left, era names whole or absent, at every screen
size, zoom level and text size."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.core.strip_layout import (
    ERA_LINES,
    ERA_PADDING,
    ERA_TRACK_LINES,
    HIT,
    LABEL_GAP,
    LABEL_WIDTH,
    LEAD,
    MARK_GAP,
    ROW_LINES,
    ZOOM_STEP,
    Label,
    Mark,
    axis,
    era_lines,
    era_track_lines,
    label_lines,
    marks,
    strip_width,
)
from tests.conftest import DATA
from tests.core.test_line_breaking import measure_for

# The strip's width in px at 1080p: 1920x1080, 1366x768 (scaled by 768/1080), 1080x1920.
VIEWPORTS = (1920.0, 1366 / (768 / 1080), 1080.0)


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    result = load_folder(DATA)
    assert result.exhibit is not None
    return result.exhibit


def others(n: int) -> str:
    return f"+{n}"


def typeset(texts: list[str], measure: Callable[[str], float], width: float) -> list[Label]:
    out = []
    for text in texts:
        lines, widest = label_lines(text, measure, width)
        out.append(Label(lines, widest, measure(lines[-1])))
    return out


def box(mark: Mark, zoom: float) -> tuple[float, float, int, int]:
    """A label's box: from its leader to its end, its rows."""
    x = mark.year * zoom
    return x - LEAD, x + mark.width, mark.row, mark.row + min(mark.lines, ROW_LINES)


def assert_readable(placed: list[Mark], zoom: float, count: int) -> None:
    """Every event once; labels in their rows, apart; no leader through another label;
    dots a finger apart."""
    assert sorted(i for m in placed for i in m.events) == list(range(count))
    for a, b in itertools.combinations(placed, 2):
        a0, a1, ar0, ar1 = box(a, zoom)
        b0, b1, br0, br1 = box(b, zoom)
        if ar0 < br1 and br0 < ar1:  # rows shared: apart along the axis
            assert a1 + LABEL_GAP <= b0 + LEAD or b1 + LABEL_GAP <= a0 + LEAD, (a, b)
    for a, b in itertools.permutations(placed, 2):
        x = a.year * zoom  # a's leader runs from its label down through the rows below
        b0, b1, br0, _ = box(b, zoom)
        if br0 < a.row:
            assert not b0 < x < b1, (a, b, "a leader through a label")
    for a, b in itertools.pairwise(placed):
        assert b.year > a.end  # events of one date are one mark
        if not (a.grouped and b.grouped):  # (two groups both zoom in: they may touch)
            assert b.year * zoom - a.end * zoom >= MARK_GAP - 1e-6


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_labels_never_overlap_and_every_event_is_on_the_strip(exhibit: Exhibit, lang: str,
                                                              large: bool) -> None:
    size, label_width = (33.0, LABEL_WIDTH * 1.5) if large else (22.0, LABEL_WIDTH)
    measure = measure_for(size)
    scale = axis(exhibit, label_width)
    years = [e.date.as_fraction() for e in exhibit.events]
    texts = [e.label(lang) for e in exhibit.events]
    labels = typeset(texts, measure, label_width)
    for viewport in VIEWPORTS:
        low, high = scale.zoom_range(viewport)
        assert scale.x(scale.last, low) + scale.tail <= viewport + 1e-6  # all of it fits
        assert viewport / high <= 3.5  # and the closest shows a few years
        zoom = low
        seen_single = 0
        while zoom <= high * 1.0001:
            placed = marks(years, labels, zoom, others, measure)
            assert_readable(placed, zoom, len(years))
            for mark in placed:
                assert mark.width >= HIT
                for event, text in zip(mark.events, mark.texts, strict=True):
                    words = text.replace("\n", " ").replace(" ", "")
                    own = texts[event].replace(" ", "")
                    assert words.startswith(own), (text, own)  # whole, and named
                    if mark.grouped:
                        assert words.endswith(others(len(mark.events) - 1))
                    assert text.count("\n") < 3
            # labels clear the strip's ends
            first = placed[0]
            assert scale.x(first.year, zoom) - LEAD >= 0
            end = strip_width(scale, placed, zoom)
            assert all(scale.x(m.year, zoom) + m.width <= end for m in placed)
            seen_single = max(seen_single, sum(not m.grouped for m in placed))
            zoom = high if high > zoom * 1.0001 and zoom * ZOOM_STEP > high else zoom * ZOOM_STEP
        # zooming in parts every group but those of events on one date (2021 has seven;
        # a tap on such a group opens the one it names)
        for mark in placed:
            assert not mark.grouped or len({years[i] for i in mark.events}) == 1, mark
        alone = [i for i, year in enumerate(years) if years.count(year) == 1]
        assert seen_single >= len(alone), (viewport, seen_single)


def test_rows_stack_close_labels_and_never_depend_on_the_event_shown() -> None:
    """Three events a month apart at a close zoom: each its own label, stacked in rows
    (an earlier label climbs over the later one); the rows are the same whichever event
    is shown, as the layout never sees it."""
    measure = measure_for(22)
    years = [2007.0, 2007.1, 2007.2]
    labels = typeset(["Beijing", "Relief", "Schools"], measure, LABEL_WIDTH)
    placed = marks(years, labels, 600, others, measure)
    assert [m.events for m in placed] == [(0,), (1,), (2,)]
    assert [m.row for m in placed] == [2, 1, 0]
    assert_readable(placed, 600, 3)


def test_neighbours_no_row_can_hold_become_one_group_naming_each() -> None:
    measure = measure_for(22)
    years = [2007.0, 2007.0, 2007.05]
    labels = typeset(["Beijing Olympics", "Ten Years", "Relief"], measure, LABEL_WIDTH)
    placed = marks(years, labels, 40, others, measure)
    assert len(placed) == 1 and placed[0].events == (0, 1, 2)
    assert placed[0].text(1) == "Ten Years +2"  # "Olympic Experience +6", for the one shown
    assert placed[0].text(5) == "Beijing Olympics +2"  # none of them shown: the first


def test_era_names_are_whole_or_short_never_cut(exhibit: Exhibit) -> None:
    measure = measure_for(22)
    scale = axis(exhibit)
    for lang in ("en", "zh"):
        for viewport in VIEWPORTS:
            low, _ = scale.zoom_range(viewport)
            for era in exhibit.eras:
                names = [era.title.get(lang), era.short_title.get(lang) if era.short_title else ""]
                # (2.5 times, was twice: the widest zoom now leaves room after the last
                # date for its label, which runs on from its dot)
                lines = era_lines(names, (era.end.as_fraction() - era.start.as_fraction())
                                  * low * 2.5, measure)
                assert lines, (lang, viewport, era.id)  # at 2.5x the widest zoom, a name shows
                assert " ".join(lines).replace(" ", "") in [n.replace(" ", "") for n in names]
                assert len(lines) <= ERA_LINES


def test_the_bundled_eras_show_their_official_formulations_whole(exhibit: Exhibit) -> None:
    """At twice the widest zoom, on every screen, the 1997-2001 band reads "Socialist Market
    Economy" (its short title, in three lines where two cannot hold it), never a cut name."""
    measure = measure_for(22)
    scale = axis(exhibit)
    era = next(era for era in exhibit.eras if era.id == "market-economy")
    assert era.short_title is not None
    for viewport in VIEWPORTS:
        low, _ = scale.zoom_range(viewport)
        lines = era_lines([era.title.get("en"), era.short_title.get("en")],
                          (era.end.as_fraction() - era.start.as_fraction()) * low * 2, measure)
        assert "Socialist Market Economy" in " ".join(lines), (viewport, lines)


def test_a_third_line_only_when_two_cannot_hold_any_name() -> None:
    measure = measure_for(22)
    names = ["Socialist Market Economy", "Market Economy"]
    width = 2 * ERA_PADDING + max(measure(word) for word in names[0].split()) + 4  # a word a line
    assert era_lines(names[:1], width, measure) == ("Socialist", "Market", "Economy")
    # the short name in two lines rather than the title in three: the track stays low
    assert era_lines(names, width, measure) == ("Market", "Economy")
    assert era_lines(names[:1], 2 * ERA_PADDING + measure("Socialist") - 1, measure) == ()


def test_the_era_track_is_as_high_as_its_tallest_name_at_any_zoom() -> None:
    measure = measure_for(22)
    short = [(["Reform", ""], 10.0)]
    assert era_track_lines(short, [10.0, 40.0], measure) == ERA_TRACK_LINES
    tall = [*short, (["Socialist Market Economy", ""], 4.0)]
    word = 2 * ERA_PADDING + max(measure(w) for w in ("Socialist", "Market", "Economy")) + 4
    # one zoom of the ladder shows the name in three lines: the track holds three at every zoom
    assert era_track_lines(tall, [1.0, word / 4.0, 200.0], measure) == ERA_LINES
    assert era_track_lines(tall, [1.0, 200.0], measure) == ERA_TRACK_LINES


def test_an_era_too_narrow_for_any_name_shows_none() -> None:
    assert era_lines(["Scientific Development", "Sci. Dev."], 40, measure_for(22)) == ()
    assert era_lines(["Scientific Development", "Sci. Dev."], 150, measure_for(22)) == \
        ("Sci. Dev.",)
    assert era_lines(["Scientific Development"], 230, measure_for(22)) == \
        ("Scientific", "Development")
