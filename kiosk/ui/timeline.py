"""Where things sit on the timeline strip, in pixels at 1080p: plain arithmetic, no Qt."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.content import limits as L
from kiosk.content.model import Exhibit
from kiosk.content.typeset import Measure, balance, break_lines

MARGIN = 120.0
MIN_GAP = 88.0  # marker centres: a 64 px hit area each, and room between them
MAX_PX_PER_YEAR = 80.0
MIN_PX_PER_YEAR = 4.0
TARGET_WIDTH = 6000.0
LABEL_SPACING = 110.0


@dataclass(frozen=True)
class Tick:
    x: float
    year: int
    labelled: bool


@dataclass(frozen=True)
class Band:
    x: float
    width: float


@dataclass(frozen=True)
class TimelineLayout:
    width: float
    px_per_year: float
    ticks: tuple[Tick, ...]
    eras: tuple[Band, ...]  # in exhibit.eras order
    markers: tuple[float, ...]  # x of each event, in exhibit.events order
    true_x: tuple[float, ...]  # where each event's date is, before spreading


def layout(exhibit: Exhibit) -> TimelineLayout:
    starts = [e.date.as_fraction() for e in exhibit.events]
    ends = [(e.end or e.date).as_fraction() for e in exhibit.events]
    starts += [era.start.as_fraction() for era in exhibit.eras]
    ends += [era.end.as_fraction() for era in exhibit.eras]
    first = math.floor(min(starts)) - 1
    last = math.ceil(max(ends)) + 1
    span = max(1, last - first)
    ppy = min(MAX_PX_PER_YEAR, max(MIN_PX_PER_YEAR, TARGET_WIDTH / span))

    def x_of(year: float) -> float:
        return MARGIN + (year - first) * ppy

    true_x = tuple(x_of(e.date.as_fraction()) for e in exhibit.events)
    markers: list[float] = []
    for x in true_x:  # events are sorted by date, so a left-to-right sweep spreads them
        markers.append(max(x, markers[-1] + MIN_GAP) if markers else x)
    width = max(x_of(last), markers[-1]) + MARGIN

    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
                if s * ppy >= LABEL_SPACING or s == 5000)
    minor = 1 if ppy >= 8 else step // 5 or 1
    ticks = tuple(Tick(x_of(year), year, year % step == 0)
                  for year in range(first, last + 1) if year % minor == 0 and year != 0)
    eras = tuple(Band(x_of(era.start.as_fraction()),
                      x_of(era.end.as_fraction()) - x_of(era.start.as_fraction()))
                 for era in exhibit.eras)
    return TimelineLayout(width, ppy, ticks, eras, tuple(markers), true_x)


# --- a strip a visitor can read: labelled marks, grouped where they would collide ----------
#
# Positions are years; QML turns a year into pixels with the current zoom (px per year at
# 1080p), so a pinch moves everything smoothly. What changes with the zoom (which marks are
# grouped, how far a label steps aside, which era names fit, which years are labelled) is
# computed here for a zoom *level*: the largest of a fixed ladder of zooms not above the
# one shown. Showing a larger zoom than the level only spreads things further apart.

LABEL_GAP = 16.0  # px between two labels
HIT = 64.0  # px: the smallest mark a finger hits
LABEL_WIDTH = L.LABEL_WIDTH_PX  # px: a label's widest line, at 1080p and normal text size
ERA_PADDING = 10.0
ERA_LINES = 3  # an era's name in its band: at most this many lines, never cut
ERA_TRACK_LINES = 2  # the era track is at least this many lines high, however short the names
FEW_YEARS = 3.0  # the closest zoom shows about this many years across the strip
ZOOM_STEP = 1.12  # the ladder of zoom levels
SHIFT_YEARS = 2.0  # how far along the axis a label may step aside from its date


@dataclass(frozen=True)
class Mark:
    """One event on the strip, or a group of events whose labels would collide."""

    events: tuple[int, ...]  # indexes into exhibit.events
    year: float  # where the dot sits: the event's date; a group's first date
    end: float  # a group's last date (its bracket), the year for a single event
    shift: float  # px the label steps right of its dot to clear its left neighbour
    lines: tuple[str, ...]  # the label, broken into lines by the typesetting rules
    width: float  # px: the label's width, at least a finger's

    @property
    def grouped(self) -> bool:
        return len(self.events) > 1


@dataclass(frozen=True)
class Axis:
    """The date scale: year `first` sits `margin` px from the strip's start."""

    first: float
    last: float
    margin: float

    @property
    def span(self) -> float:
        return self.last - self.first

    def x(self, year: float, zoom: float) -> float:
        return self.margin + (year - self.first) * zoom

    def zoom_range(self, viewport: float) -> tuple[float, float]:
        """From the whole span across the viewport to a few years."""
        whole = max(1e-3, (viewport - 2 * self.margin) / self.span)
        return whole, max(whole, viewport / FEW_YEARS)

    def level(self, zoom: float, viewport: float) -> float:
        """The ladder's zoom at or below `zoom`, for what is computed once per level."""
        low, _ = self.zoom_range(viewport)
        if zoom <= low:
            return low
        return low * ZOOM_STEP ** math.floor(math.log(zoom / low, ZOOM_STEP) + 1e-9)


def axis(exhibit: Exhibit, label_width: float = LABEL_WIDTH) -> Axis:
    """Room for half a label beyond the first and last dates, so no label is cut."""
    years = [e.date.as_fraction() for e in exhibit.events]
    years += [(e.end or e.date).as_fraction() for e in exhibit.events]
    years += [y for era in exhibit.eras for y in (era.start.as_fraction(), era.end.as_fraction())]
    first, last = math.floor(min(years)), math.ceil(max(years))
    return Axis(float(first), float(max(last, first + 1)), label_width / 2 + LABEL_GAP)


Lines = tuple[tuple[str, ...], float]  # a label's lines and their width


def label_lines(text: str, measure: Measure, label_width: float) -> Lines:
    """A label in at most two balanced lines (three, a little wider, if two cannot hold
    it), never cut; returns the lines and their width."""
    lines: list[str] = []
    widths = tuple(label_width * factor for factor in L.LABEL_WIDENING)
    for width in widths:
        if width != widths[-1] and len(break_lines(text, width, measure)) > L.LABEL_LINES:
            continue  # balanced, it would still take more than its lines
        lines = balance(text, width, measure)
        if len(lines) <= L.LABEL_LINES:
            break
    widest = max((measure(line) for line in lines), default=0.0)
    return tuple(lines), max(HIT, widest)


def marks(years: list[float], labels: list[str], zoom: float, measure: Measure,
          group_label: Callable[[tuple[int, ...]], str],
          label_width: float = LABEL_WIDTH,
          lines_of: Callable[[str], Lines] | None = None) -> list[Mark]:
    """Place a label per event left to right; a label that would overlap its neighbour
    steps right, as far as a label's width or two years of the axis, whichever is more (so
    events of one day stand side by side once the strip is zoomed in), and beyond that the
    two become one group. `lines_of` gives a text's label_lines when the caller keeps
    them (typesetting is the costly part, and the same at every zoom)."""
    placed: list[Mark] = []
    typeset = lines_of or (lambda text: label_lines(text, measure, label_width))

    def right_edge(mark: Mark) -> float:
        return mark.year * zoom + mark.shift + mark.width / 2

    def make(events: tuple[int, ...]) -> Mark:
        first, last = years[events[0]], years[events[-1]]
        text = labels[events[0]] if len(events) == 1 else group_label(events)
        lines, width = typeset(text)
        return Mark(events, first, last, 0.0, lines, width)

    def fit(mark: Mark) -> Mark | None:
        """The mark, stepped aside if it must; None if it cannot clear its neighbour."""
        if not placed:
            return mark
        left = mark.year * zoom - mark.width / 2
        overlap = right_edge(placed[-1]) + LABEL_GAP - left
        if overlap <= 0:
            return mark
        reach = max(label_width + LABEL_GAP, SHIFT_YEARS * zoom)
        if overlap <= reach and not mark.grouped:
            return Mark(mark.events, mark.year, mark.end, overlap, mark.lines, mark.width)
        return None

    for index in range(len(years)):
        mark: Mark | None = make((index,))
        while True:
            assert mark is not None
            fitted = fit(mark)
            if fitted is not None:
                placed.append(fitted)
                break
            mark = make(placed.pop().events + mark.events)
    return placed


def era_lines(texts: list[str], band_width: float, measure: Measure) -> tuple[str, ...]:
    """The first of an era's names (its title, then its short title) that fits its band in
    at most ERA_LINES balanced lines, preferring any name in the track's usual two lines to
    one in three (a third line makes the track taller); nothing rather than a cut name."""
    inner = band_width - 2 * ERA_PADDING
    for most in dict.fromkeys((ERA_TRACK_LINES, ERA_LINES)):
        for text in texts:
            if not text:
                continue
            if measure(text) <= inner:
                return (text,)
            lines = balance(text, inner, measure)
            if len(lines) <= most and all(measure(line) <= inner for line in lines):
                return tuple(lines)
    return ()


def era_track_lines(eras: list[tuple[list[str], float]], levels: list[float],
                    measure: Measure) -> int:
    """How many lines high the era track is: enough for the tallest name any of these zoom
    levels shows (each era's names with its span in years), so a pinch never moves the
    screen; at least ERA_TRACK_LINES."""
    tallest = ERA_TRACK_LINES
    for level in levels:
        for names, years in eras:
            tallest = max(tallest, len(era_lines(names, years * level, measure)))
            if tallest >= ERA_LINES:
                return tallest
    return tallest


def tick_steps(zoom: float) -> tuple[int, int]:
    """(labelled, ticked): every how many years a tick is labelled at this zoom (labels at
    least LABEL_SPACING apart), and every how many years there is a tick at all."""
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
                if s * zoom >= LABEL_SPACING or s == 5000)
    return step, 1 if zoom >= 8 else step // 5 or 1


def tick_years(axis_: Axis, every: int) -> list[int]:
    first, last = math.floor(axis_.first), math.ceil(axis_.last)
    return [year for year in range(first, last + 1) if year % every == 0 and year != 0]


def strip_width(axis_: Axis, placed: list[Mark], zoom: float) -> float:
    """The strip's length in px: the whole axis, and the last label if it stepped beyond."""
    end = axis_.x(axis_.last, zoom) + axis_.margin
    if placed:
        last = placed[-1]
        end = max(end, axis_.x(last.year, zoom) + last.shift + last.width / 2 + LABEL_GAP)
    return end
