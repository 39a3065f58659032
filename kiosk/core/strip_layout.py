"""Where things sit on the timeline strip, in pixels at 1080p: plain arithmetic, no Qt."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.core import limits as L
from kiosk.core.line_breaking import Measure, balance, break_lines
from kiosk.core.model import Exhibit

LABEL_SPACING = 110.0  # px at 1080p: labelled years at least this far apart


# --- a strip a visitor can read: labelled marks in rows, grouped where they cannot be ---------
#
# Positions are years; Axis.x turns a year into pixels at the current zoom (px per year at
# 1080p), the one place that does (the view-model's rows carry its x, QML only scales them
# to the screen), so a pinch moves everything smoothly. What changes with the zoom (which marks are
# grouped, which row a label takes, which era names fit, which years are labelled) is
# computed here for a zoom *level*: the largest of a fixed ladder of zooms not above the
# one shown. Showing a larger zoom than the level only spreads things further apart.
#
# A label reads like one of a printed timeline: it starts at its own date (its leader, a
# line at its start edge, runs straight down to its dot), in the lowest row where it meets
# nothing. Labels are placed from the latest date back: an earlier label climbs over a later
# one, and its leader passes before the later label's start, so no leader ever crosses a
# label. Where no row is left, the label joins its later neighbour as a group, which names
# one of its events and how many others ("Olympic Experience +6"). The rows depend on the
# zoom level and the labels only, never on the event shown, so nothing moves as a visitor
# steps from event to event.

LABEL_GAP = 16.0  # px between two labels in a row
HIT = 64.0  # px: the smallest mark a finger hits
LABEL_WIDTH = L.LABEL_WIDTH_PX  # px: a label's widest line, at 1080p and normal text size
EDGE_CUE = 72.0  # px: the "more this way" arrow at either edge of the strip
LEAD = 8.0  # px: a label's start edge (its leader) before its text
MARK_GAP = 48.0  # px: dots of two marks at least this far apart, so a finger tells them apart
ROW_LINES = 3  # the label area's height, in lines of label text (a two-line label and a
# one-line one above it, or three one-line rows): the strip stays low, the photo large
ROW_LINES_LARGE = 2  # with larger text: the text of the event keeps its room
ERA_PADDING = 10.0
ERA_LINES = 3  # an era's name in its band: at most this many lines, never cut
ERA_TRACK_LINES = 2  # the era track is at least this many lines high, however short the names
FEW_YEARS = 3.0  # the closest zoom shows about this many years across the strip
ZOOM_STEP = 1.12  # the ladder of zoom levels


@dataclass(frozen=True)
class Label:
    """A label as typeset once: its lines, the widest line (px, at least a finger's) and
    the last line's width (where a group's "+6" goes)."""

    lines: tuple[str, ...]
    width: float
    last: float


@dataclass(frozen=True)
class Mark:
    """One event on the strip, or a group of neighbouring events that no row could part."""

    events: tuple[int, ...]  # indexes into exhibit.events, in date order
    year: float  # where the dot and the label's leader are: the first event's date
    end: float  # a group's last date (its bracket's end), the year for a single event
    row: int  # the label's lowest line, counted up from the dots (0: just above them)
    lines: int  # how many lines the label takes
    width: float  # px: the label's width from its leader, at least a finger's
    texts: tuple[str, ...]  # the label as shown while each of `events` is the current one

    @property
    def grouped(self) -> bool:
        return len(self.events) > 1

    def text(self, current: int) -> str:
        """What the label says while event `current` is shown (a group names it)."""
        return self.texts[self.events.index(current)] if current in self.events \
            else self.texts[0]


@dataclass(frozen=True)
class Axis:
    """The date scale: year `first` sits `margin` px from the strip's start; beyond `last`
    there is room for a label (labels run from their date in the reading direction)."""

    first: float
    last: float
    margin: float
    tail: float = LABEL_WIDTH * L.LABEL_WIDENING[-1] + LABEL_GAP

    @property
    def span(self) -> float:
        return self.last - self.first

    def x(self, year: float, zoom: float) -> float:
        return self.margin + (year - self.first) * zoom

    def zoom_range(self, viewport: float) -> tuple[float, float]:
        """From the whole span across the viewport (the last label too) to a few years."""
        room = max(viewport / 4, viewport - self.margin - self.tail)
        whole = max(1e-3, room / self.span)
        return whole, max(whole, viewport / FEW_YEARS)

    def level(self, zoom: float, viewport: float) -> float:
        """The ladder's zoom at or below `zoom`, for what is computed once per level."""
        low, _ = self.zoom_range(viewport)
        if zoom <= low:
            return low
        return low * ZOOM_STEP ** math.floor(math.log(zoom / low, ZOOM_STEP) + 1e-9)


def axis(exhibit: Exhibit, label_width: float = LABEL_WIDTH) -> Axis:
    """Room for a dot's hit area before the first date and for a label after the last."""
    years = [e.date.as_fraction() for e in exhibit.events]
    years += [(e.end or e.date).as_fraction() for e in exhibit.events]
    years += [y for era in exhibit.eras for y in (era.start.as_fraction(), era.end.as_fraction())]
    first, last = math.floor(min(years)), math.ceil(max(years))
    return Axis(float(first), float(max(last, first + 1)), HIT / 2 + LABEL_GAP,
                label_width * L.LABEL_WIDENING[-1] + LABEL_GAP)


Lines = tuple[tuple[str, ...], float]  # a label's lines and their width
# px at 1080p: labels are measured once at the base size and scaled with the screen, and
# glyph advances are not quite proportional across sizes (hinting): at 3840x2160 a label set
# 2x drew 1.1 px wider than twice its measure
SCALE_SLACK = 1.0


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
    return tuple(lines), max(HIT, widest + SCALE_SLACK)


@dataclass
class _Unit:
    """A mark being placed: its events' span, its members' widest label, widest last line
    and most lines (kept as it grows, so a group's size costs nothing to find), and what
    the rows looked like before it."""

    first: int
    last: int  # inclusive
    widest: float
    widest_last: float
    most_lines: int
    row: int = 0
    lines: int = 0
    width: float = 0.0
    before: list[float] | None = None  # the rows' free-until x before this unit was placed


def marks(years: list[float], labels: list[Label], zoom: float,
          others: Callable[[int], str], measure: Measure, rows: int = ROW_LINES) -> list[Mark]:
    """Place a label per event, in rows (`rows` lines of label text above the dots), from
    the latest date back; an event whose label finds no row becomes one group with its
    later neighbour. `others(n)` is the "+n" a group adds to the label it shows (measured
    with `measure`); `labels` are the events' typeset labels, in `years` order. Each
    event is placed once and each group joined once: the work grows with the events."""
    free = [math.inf] * rows  # per line: the row is free up to this x (px at this zoom)
    placed: list[_Unit] = []
    suffix_width: dict[int, float] = {}

    def size(unit: _Unit) -> tuple[int, float]:
        """A unit's label: lines and width (a group's: its widest member's, with "+n")."""
        if unit.first == unit.last:
            return unit.most_lines, unit.widest
        n = unit.last - unit.first
        if n not in suffix_width:
            suffix_width[n] = measure(" " + others(n))
        return unit.most_lines, max(unit.widest, unit.widest_last + suffix_width[n])

    def fit(unit: _Unit) -> bool:
        x = years[unit.first] * zoom
        lines, width = size(unit)
        height = min(lines, rows)
        right = x + width + LABEL_GAP
        for row in range(rows - height + 1):
            if all(free[r] >= x for r in range(row)) and \
                    all(free[r] >= right for r in range(row, row + height)):
                unit.row, unit.lines, unit.width, unit.before = row, lines, width, list(free)
                for r in range(row + height):
                    free[r] = x - LEAD  # the label, and below it its leader
                return True
        return False

    def single(index: int) -> _Unit:
        label = labels[index]
        return _Unit(index, index, label.width, label.last, len(label.lines))

    def joined(left: _Unit, right: _Unit) -> _Unit:
        return _Unit(left.first, right.last, max(left.widest, right.widest),
                     max(left.widest_last, right.widest_last),
                     max(left.most_lines, right.most_lines))

    def too_close(unit: _Unit) -> bool:
        """Its last dot and the later mark's first under one finger, where either opens
        an event at a tap (two groups side by side both zoom in: they may touch)."""
        if not placed:
            return False
        right = placed[-1]
        both_groups = unit.first != unit.last and right.first != right.last
        gap = years[right.first] * zoom - years[unit.last] * zoom
        return gap <= 0 or (not both_groups and gap < MARK_GAP)

    def join_right(unit: _Unit) -> _Unit:
        right = placed.pop()
        assert right.before is not None
        free[:] = right.before
        return joined(unit, right)

    index = len(years) - 1
    while index >= 0:
        unit = single(index)
        while True:
            if too_close(unit):
                # a single later mark joins this one; else this one takes in the events
                # before it, and becomes a group that may stand beside the later group
                right = placed[-1]
                if right.first == right.last or unit.first == 0 \
                        or years[right.first] <= years[unit.last]:  # (one date: one mark)
                    unit = join_right(unit)
                else:
                    unit = joined(single(unit.first - 1), unit)
                continue
            if fit(unit):
                break
            # with the events before it, until the group clears what is placed: groups
            # stay about a label wide, however evenly the events are spread
            if unit.first > 0:
                unit = joined(single(unit.first - 1), unit)
            elif placed:
                unit = join_right(unit)
            else:  # nothing to join: it takes the lowest rows whatever its size
                unit.lines, unit.width = size(unit)
                unit.before = list(free)
                free[:] = [years[unit.first] * zoom - LEAD] * rows
                break
        placed.append(unit)
        index = unit.first - 1

    def texts(first: int, last: int) -> tuple[str, ...]:
        if first == last:
            return ("\n".join(labels[first].lines),)
        more = " " + others(last - first)
        return tuple("\n".join((*label.lines[:-1], label.lines[-1] + more))
                     for label in labels[first:last + 1])

    return [Mark(tuple(range(u.first, u.last + 1)), years[u.first], years[u.last], u.row,
                 u.lines, u.width, texts(u.first, u.last)) for u in reversed(placed)]


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


def tick_years(axis_: Axis, every: int, low: float = -math.inf,
               high: float = math.inf) -> list[int]:
    """The years with a tick (every `every` years, no year 0), of those from `low` to `high`
    (the part of the axis near the view); the work grows with the ticks returned."""
    first = max(math.floor(axis_.first), math.ceil(low)) if low > -math.inf \
        else math.floor(axis_.first)
    last = min(math.ceil(axis_.last), math.floor(high)) if high < math.inf \
        else math.ceil(axis_.last)
    start = first + (-first) % every  # the first multiple of `every` from `first`
    return [year for year in range(start, last + 1, every) if year != 0]


def strip_width(axis_: Axis, placed: list[Mark], zoom: float) -> float:
    """The strip's length in px: the whole axis, and the last label, which runs on from
    its date."""
    end = axis_.x(axis_.last, zoom) + axis_.margin
    for mark in placed[-3:]:  # the latest labels: the last one need not reach furthest
        end = max(end, axis_.x(mark.year, zoom) + mark.width + LABEL_GAP)
    return end
