"""The timeline strip's layout: every mark labelled, none overlapping, groups where they would
collide, era names whole or absent, at every screen size, zoom level and text size."""

from __future__ import annotations

import itertools

import pytest

from kiosk.content import load_folder
from kiosk.content.model import Exhibit
from kiosk.ui.timeline import (
    ERA_LINES,
    ERA_PADDING,
    ERA_TRACK_LINES,
    HIT,
    LABEL_GAP,
    LABEL_WIDTH,
    ZOOM_STEP,
    axis,
    era_lines,
    era_track_lines,
    marks,
    strip_width,
)
from tests.conftest import DATA
from tests.content.test_typeset import measure_for

# The strip's width in px at 1080p: 1920x1080, 1366x768 (scaled by 768/1080), 1080x1920.
VIEWPORTS = (1920.0, 1366 / (768 / 1080), 1080.0)


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    result = load_folder(DATA)
    assert result.exhibit is not None
    return result.exhibit


def group_text(events: tuple[int, ...]) -> str:
    return f"{len(events)} events"


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_labels_never_overlap_and_every_event_is_on_the_strip(exhibit: Exhibit, lang: str,
                                                              large: bool) -> None:
    size, label_width = (33.0, LABEL_WIDTH * 1.5) if large else (22.0, LABEL_WIDTH)
    measure = measure_for(size)
    scale = axis(exhibit, label_width)
    years = [e.date.as_fraction() for e in exhibit.events]
    labels = [e.label(lang) for e in exhibit.events]
    for viewport in VIEWPORTS:
        low, high = scale.zoom_range(viewport)
        assert scale.span * low <= viewport  # the whole span fits at the widest zoom
        assert viewport / high <= 3.5  # and the closest shows a few years
        zoom = low
        seen_single = 0
        while zoom <= high:
            placed = marks(years, labels, zoom, measure, group_text, label_width)
            assert sorted(i for m in placed for i in m.events) == list(range(len(years)))
            for mark in placed:
                assert mark.width >= HIT
                text = labels[mark.events[0]] if not mark.grouped else group_text(mark.events)
                assert " ".join(mark.lines).replace(" ", "") == text.replace(" ", "")  # whole
                assert len(mark.lines) <= 3
            for left, right in itertools.pairwise(placed):
                left_edge = right.year * zoom + right.shift - right.width / 2
                right_edge = left.year * zoom + left.shift + left.width / 2
                assert left_edge - right_edge >= LABEL_GAP - 1e-6
            # labels clear the strip's ends
            first, last = placed[0], placed[-1]
            assert scale.x(first.year, zoom) + first.shift - first.width / 2 >= 0
            end = strip_width(scale, placed, zoom)
            assert scale.x(last.year, zoom) + last.shift + last.width / 2 <= end
            seen_single = max(seen_single, sum(not m.grouped for m in placed))
            zoom *= ZOOM_STEP
        # zooming in parts every group but those of events on one date (2021 has seven;
        # a tap on such a group opens its first event instead)
        for mark in placed:
            assert not mark.grouped or len({years[i] for i in mark.events}) == 1, mark
        assert seen_single >= len(years) // 2, (viewport, seen_single)


def test_era_names_are_whole_or_short_never_cut(exhibit: Exhibit) -> None:
    measure = measure_for(22)
    scale = axis(exhibit)
    for lang in ("en", "zh"):
        for viewport in VIEWPORTS:
            low, _ = scale.zoom_range(viewport)
            for era in exhibit.eras:
                names = [era.title.get(lang), era.short_title.get(lang) if era.short_title else ""]
                lines = era_lines(names, (era.end.as_fraction() - era.start.as_fraction())
                                  * low * 2, measure)
                assert lines, (lang, viewport, era.id)  # at twice the widest zoom, a name shows
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


def test_same_day_events_step_aside_instead_of_hiding() -> None:
    placed = marks([2007.0, 2007.0], ["Beijing Olympics", "Ten Years"], 400, measure_for(22),
                   group_text)
    assert [m.grouped for m in placed] == [False, False]
    assert placed[1].shift > 0
    placed = marks([2007.0, 2007.0, 2007.1], ["Beijing Olympics", "Ten Years", "Relief"], 40,
                   measure_for(22), group_text)
    assert len(placed) == 1 and placed[0].events == (0, 1, 2)
