"""Where things sit on the timeline strip, in pixels at 1080p: plain arithmetic, no Qt."""

from __future__ import annotations

import math
from dataclasses import dataclass

from kiosk.content.model import Exhibit

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
