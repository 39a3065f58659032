"""The timeline strip's view-model: the zoom, and what the strip shows at it.

QML turns years into pixels (x = margin + (year - first) * zoom, in px at 1080p) and asks
for a new zoom while a visitor pinches; everything that depends on the zoom level (which
marks are grouped, where labels step aside, which era names fit, which years are labelled)
is decided here, once per level of kiosk.ui.timeline's zoom ladder.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.content import i18n
from kiosk.content.dates import Date
from kiosk.content.model import Exhibit
from kiosk.services.guard import guarded
from kiosk.ui.display import Display
from kiosk.ui.language import Language
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.theme import band_color
from kiosk.ui.timeline import (
    LABEL_WIDTH,
    ZOOM_STEP,
    Axis,
    Mark,
    axis,
    era_lines,
    marks,
    strip_width,
    tick_steps,
    tick_years,
)
from kiosk.ui.typeset import measure_for

LABEL_SIZE = 22.0  # px at 1080p: timeline labels, era names and years
LARGE = 1.5  # the "larger text" option's factor
START_GROUP = 2  # at the starting zoom, no group holds more events than this


__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Timeline"]


@QmlElement
@QmlSingleton
class Timeline(QObject):
    levelChanged = Signal()  # marks, eras and ticks: a new zoom level, language or content
    zoomChanged = Signal()
    ticksChanged = Signal()  # years with a tick: only when their spacing changes

    def __init__(self, exhibit: Exhibit, language: Language, display: Display,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._language = language
        self._display = display
        self._lang = language.current()
        self._large = display.property("largeText") is True
        language.languageChanged.connect(lambda: self.set_language(language.current()))
        display.largeTextChanged.connect(
            lambda: self.set_large(display.property("largeText") is True))
        self._viewport = 1920.0
        self._axis = axis(exhibit, self._label_width())
        self._zoom = self._axis.zoom_range(self._viewport)[0]
        self._level = -1.0
        self._tick_every = 0
        self._marks: list[Mark] = []
        self._relayout()
        self.resetZoom()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "timeline")

    # --- what changes it ---------------------------------------------------------------------

    def set_exhibit(self, exhibit: Exhibit) -> None:
        self._exhibit = exhibit
        self._axis = axis(exhibit, self._label_width())
        self._set_zoom(self._zoom, force=True)
        self.resetZoom()

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self._relayout()
            self.ticksChanged.emit()

    def set_large(self, large: bool) -> None:
        if large != self._large:
            self._large = large
            self._axis = axis(self._exhibit, self._label_width())
            self.resetZoom()

    @Slot(float)
    @guarded("Timeline.setViewport", None)
    def setViewport(self, width: float) -> None:
        """The strip's visible width in px at 1080p; the zoom keeps within its new range."""
        if width > 0 and abs(width - self._viewport) > 0.5:
            self._viewport = width
            self.resetZoom()

    @Slot(float)
    @guarded("Timeline.setZoom", None)
    def setZoom(self, zoom: float) -> None:
        self._set_zoom(zoom)

    @Slot()
    @guarded("Timeline.resetZoom", None)
    def resetZoom(self) -> None:
        """The zoom a visitor starts at: the widest at which no group holds more than a few
        events (most events named, a couple of years' neighbours in view), or the
        closest zoom if none is."""
        low, high = self._axis.zoom_range(self._viewport)
        zoom = low
        while zoom < high:
            self._set_zoom(zoom)
            # (a group of events on one date stays one at any zoom: it does not count)
            if all(len(mark.events) <= START_GROUP or mark.year == mark.end
                   for mark in self._marks):
                return
            zoom *= ZOOM_STEP
        self._set_zoom(high)

    @Slot(int, result=int)
    @guarded("Timeline.opens", 0)
    def opens(self, index: int) -> int:
        """The event a tap on this mark opens: its own, or for a group that zooming cannot
        part (events of one date, or the strip as close as it goes) the group's first;
        -1 for a group the strip should zoom into (zoomToMark)."""
        if not 0 <= index < len(self._marks):
            return -1
        mark = self._marks[index]
        closest = self._zoom >= self._axis.zoom_range(self._viewport)[1] * 0.999
        if not mark.grouped or mark.year == mark.end or closest:
            return mark.events[0]
        return -1

    @Slot(int, result=float)
    @guarded("Timeline.zoomToMark", 0.0)
    def zoomToMark(self, index: int) -> float:
        """Zoom in until the mark's events stand apart (or as close as the strip goes);
        returns the year QML centres on."""
        if not 0 <= index < len(self._marks):
            return self._axis.first
        mark = self._marks[index]
        span = max(1.0, mark.end - mark.year)
        self._set_zoom(self._viewport / (span * 3))
        return (mark.year + mark.end) / 2

    def _set_zoom(self, zoom: float, force: bool = False) -> None:
        low, high = self._axis.zoom_range(self._viewport)
        zoom = min(high, max(low, zoom))
        if zoom != self._zoom or force:
            self._zoom = zoom
            self.zoomChanged.emit()
        level = self._axis.level(zoom, self._viewport)
        if level != self._level or force:
            self._level = level
            self._relayout()

    def _label_width(self) -> float:
        return LABEL_WIDTH * (LARGE if self._large else 1.0)

    def _label_size(self) -> float:
        return LABEL_SIZE * (LARGE if self._large else 1.0)

    def _relayout(self) -> None:
        self._level = self._axis.level(self._zoom, self._viewport)
        events = self._exhibit.events
        measure = measure_for(self._label_size())

        def group_label(members: tuple[int, ...]) -> str:
            """"3 events" over the years they cover."""
            first, last = events[members[0]].date.year, events[members[-1]].date.year
            years = i18n.range_text(Date(first), Date(last) if last != first else None,
                                    self._lang)
            return self._language.word("events_n", n=len(members)) + "\n" + years

        self._marks = marks([e.date.as_fraction() for e in events],
                            [e.label(self._lang) for e in events], self._level, measure,
                            group_label, self._label_width())
        self.levelChanged.emit()
        self.zoomChanged.emit()  # the strip's width follows its last label
        every = tick_steps(self._level)[1]
        if every != self._tick_every:
            self._tick_every = every
            self.ticksChanged.emit()

    # --- what QML shows ----------------------------------------------------------------------

    @Property(float, notify=zoomChanged)
    def zoom(self) -> float:
        return self._zoom

    @Property(float, notify=zoomChanged)
    def minZoom(self) -> float:
        return self._axis.zoom_range(self._viewport)[0]

    @Property(float, notify=zoomChanged)
    def maxZoom(self) -> float:
        return self._axis.zoom_range(self._viewport)[1]

    @Property(float, notify=zoomChanged)
    def width(self) -> float:
        return strip_width(self._axis, self._marks, self._zoom)

    @Property(float, notify=levelChanged)
    def first(self) -> float:
        return self._axis.first

    @Property(float, notify=levelChanged)
    def margin(self) -> float:
        return self._axis.margin

    @Property("QVariantList", notify=levelChanged)  # type: ignore[arg-type]
    def marks(self) -> list[dict[str, Any]]:
        return [{"events": list(m.events), "year": m.year, "end": m.end, "shift": m.shift,
                 "text": "\n".join(m.lines), "width": m.width, "grouped": m.grouped,
                 "dates": [self._exhibit.events[i].date.as_fraction() for i in m.events]}
                for m in self._marks]

    @Property("QVariantList", notify=levelChanged)  # type: ignore[arg-type]
    def eras(self) -> list[dict[str, Any]]:
        measure = measure_for(self._label_size())
        out = []
        for era in self._exhibit.eras:
            start, end = era.start.as_fraction(), era.end.as_fraction()
            names = [era.title.get(self._lang),
                     era.short_title.get(self._lang) if era.short_title else ""]
            lines = era_lines(names, (end - start) * self._level, measure)
            short = era_lines(names[1:], (end - start) * self._level, measure)
            out.append({"start": start, "end": end, "color": band_color(era.color),
                        "text": "\n".join(lines), "short": "\n".join(short),
                        "textWidth": max((measure(line) for line in lines), default=0.0),
                        "shortWidth": max((measure(line) for line in short), default=0.0),
                        "title": era.title.get(self._lang)})
        return out

    @Property("QVariantList", notify=ticksChanged)  # type: ignore[arg-type]
    def ticks(self) -> list[dict[str, Any]]:
        """Every ticked year with its label; QML shows the labels of multiples of
        labelStep (so zooming within one spacing recreates nothing)."""
        return [{"year": float(year), "label": i18n.year_label(year, self._lang)}
                for year in tick_years(self._axis, self._tick_every)]

    @Property(int, notify=levelChanged)
    def labelStep(self) -> int:
        return tick_steps(self._level)[0]

    @property
    def axis(self) -> Axis:
        return self._axis
