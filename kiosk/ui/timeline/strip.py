"""The timeline strip's view-model: the zoom, and what the strip shows at it.

Positions come from here, in px at 1080p from the strip's start (Axis.x, the one
year-to-pixel mapping): the marks, eras and ticks are list models whose rows carry their x,
and QML only scales by the screen and mirrors right to left. A zoom step within a level
changes the x roles (dataChanged); what depends on the zoom level (which marks are grouped,
where labels step aside, which era names fit, which years are labelled) is decided here
once per level of kiosk.core.strip_layout's zoom ladder, and changes the rows in place, so the
delegates stay.

Typesetting the labels is the costly part (a 200-character Chinese title takes tens of ms)
and the same at every zoom, so it is done once per text, width and font and kept (a bounded
LRU); what a zoom level places is kept per level. An exhibit with many long labels has them
typeset on a worker thread (its own font metrics, the same font): the first frame does not
wait for them, and the strip shows its marks when they are ready (see Typesetter).
"""

from __future__ import annotations

import bisect
import itertools
import math
import sys
import threading
import time
from typing import Any, Protocol

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.core import i18n
from kiosk.core.model import Event, Exhibit
from kiosk.core.strip_layout import (
    EDGE_CUE,
    LABEL_GAP,
    LABEL_WIDTH,
    LEAD,
    MARK_GAP,
    ROW_LINES,
    ROW_LINES_LARGE,
    ZOOM_STEP,
    Axis,
    Label,
    Lines,
    Mark,
    axis,
    era_lines,
    era_track_lines,
    label_lines,
    marks,
    strip_width,
    tick_steps,
    tick_years,
)
from kiosk.services.guard import guarded
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.shared.theme import band_color, font_family
from kiosk.ui.shared.typesetter import Kept, measure_for

LABEL_SIZE = 22.0  # px at 1080p: timeline labels, era names and years
LARGE = 1.5  # the "larger text" option's factor
START_GROUP = 1  # at the starting zoom, every event of its own date has its own label
# Labels of at most this many characters in all (one language) are typeset at once, on the
# UI thread (the bundled exhibit has about 1,000); beyond, on the worker.
TYPESET_AT_ONCE_CHARS = 4_000
# With more marks than this, QML creates only those within a screen's width of the part in
# view (shownMarks): a thousand marks' items cost a second to make on every new zoom level.
SHOW_ALL_MARKS = 40
SHOW_ALL_TICKS = 200  # likewise the year ticks (a tick a year over a thousand years)
LABELS_KEPT = 8192  # typeset labels kept: 1,000 events in two languages at both sizes
# resetZoom tries zoom levels until one names most events: with more events than this, one
# level per turn of the event loop (each takes tens of ms at 1,000 events), not all at once.
SEARCH_AT_ONCE_EVENTS = 40

DOT_APART = 6.0  # px at 1080p: a group's dots closer than this are drawn as one
RANGE_LANES = 2  # an event's range is a bar below the dots, in one of this many lanes
BUTTON_ZOOM = 1.5  # a tap on "+" or "-" zooms by this factor

WORKER_SWITCH_S = 0.001  # see Typesetter._work
WORKER_REST_S = 0.001

Key = tuple[str, bool]  # (language, larger text): what a label's typesetting depends on


class Typesetter(QObject):
    """Typesets labels on a worker thread, a job (language, size, texts) at a time, into the
    view-model's kept labels, and says so on the UI thread (`done`, a queued signal: key,
    finished). An urgent job (what the strip shows now) goes before the others, even one
    begun."""

    done = Signal(object, bool)  # Key, the job is finished

    def __init__(self, kept: Kept[Lines], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kept = kept
        self._jobs: list[tuple[Key, float, float, list[tuple[str, str]]]] = []
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def submit(self, key: Key, pixel_size: float, label_width: float,
               texts: list[tuple[str, str]], urgent: bool = False) -> None:
        """`texts`: (text, family) pairs."""
        with self._wake:
            self._jobs.insert(0 if urgent else len(self._jobs),
                              (key, pixel_size, label_width, list(texts)))
            self._wake.notify()
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="timeline-typesetter",
                                            daemon=True)
            self._thread.start()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._jobs.clear()
            self._wake.notify()

    def _work(self) -> None:
        """Python holds one lock for both threads: while this one works, the lock passes
        every 1 ms rather than 5 (sys.setswitchinterval), and it rests a moment after each
        label, so the UI thread never waits long for its turn."""
        metrics: dict[tuple[float, str], QFontMetricsF] = {}  # this thread's own
        usual = sys.getswitchinterval()
        while True:
            with self._wake:
                if not self._jobs:
                    sys.setswitchinterval(usual)
                while not self._jobs and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    sys.setswitchinterval(usual)
                    return
                job = self._jobs[0]
                sys.setswitchinterval(min(usual, WORKER_SWITCH_S))
            key, pixel_size, label_width, texts = job
            while texts:
                with self._wake:
                    if self._stopped:
                        return
                    if self._jobs[0] is not job:
                        break  # an urgent one came: this one waits, where it was
                text, family = texts.pop()
                kept_as = (text, label_width, pixel_size, family)
                if self._kept.get(kept_as) is None:
                    if (pixel_size, family) not in metrics:  # (QFont is reentrant)
                        font = QFont(QGuiApplication.font())
                        if family:
                            font.setFamilies([family, *font.families()])
                        font.setPixelSize(max(1, round(pixel_size)))
                        metrics[(pixel_size, family)] = QFontMetricsF(font)
                    measure = metrics[(pixel_size, family)].horizontalAdvance
                    self._kept.put(kept_as, label_lines(text, measure, label_width))
                    time.sleep(WORKER_REST_S)
            with self._wake:
                if not texts and job in self._jobs:
                    self._jobs.remove(job)
            self.done.emit(key, not texts)


class Rows(QAbstractListModel):
    """Rows of named values for QML, each name a role that a delegate reads as a required
    property. A change arrives as dataChanged for the roles that changed (the x roles on a
    zoom step) and rows inserted or removed at the ends, never as a reset: the delegates
    stay, and only the bindings that read a changed role run again."""

    def __init__(self, roles: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = roles
        self._roles = {Qt.ItemDataRole.UserRole + 1 + i: name for i, name in enumerate(roles)}
        self._ids = {name: role for role, name in self._roles.items()}
        self._rows: list[dict[str, Any]] = []

    @property
    def rows(self) -> list[dict[str, Any]]:
        return self._rows

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()  # noqa: B008
                 ) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        name = self._roles.get(role)
        if name is None or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()].get(name)

    def roleNames(self) -> dict[int, QByteArray]:
        return {role: QByteArray(name.encode()) for role, name in self._roles.items()}

    def replace(self, rows: list[dict[str, Any]], at: int = 0) -> None:
        """These rows from row `at` on (the rows before it stay): the rows in both lists
        changed in place (dataChanged, only the roles that differ), the rest inserted or
        removed at the end."""
        old = len(self._rows) - at
        new = len(rows)
        common = min(old, new)
        changed = [self._ids[name] for name in self._names
                   if any(self._rows[at + i].get(name) != rows[i].get(name)
                          for i in range(common))]
        if new < old:
            self.beginRemoveRows(QModelIndex(), at + new, at + old - 1)
            del self._rows[at + new:]
            self.endRemoveRows()
        self._rows[at:at + common] = rows[:common]
        if changed and common:
            self.dataChanged.emit(self.index(at), self.index(at + common - 1), changed)
        if new > old:
            self.beginInsertRows(QModelIndex(), at + old, at + new - 1)
            self._rows.extend(rows[common:])
            self.endInsertRows()

    def remove_first(self, count: int) -> None:
        if count > 0:
            self.beginRemoveRows(QModelIndex(), 0, count - 1)
            del self._rows[:count]
            self.endRemoveRows()

    def insert_first(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows[:0] = rows
            self.endInsertRows()


# The roles QML reads (named apart from an Item's own properties: x, width, color, index).
# Positions (*X, dots) are px at 1080p from the strip's start at the zoom shown.
MARK_ROLES = ("markIndex", "events", "texts", "families", "count", "grouped", "row", "lines",
              "labelWidth", "lane", "dotX", "endX", "dots", "dateXs", "rangeXs")
ERA_ROLES = ("startX", "endX", "start", "end", "bandColor", "name", "nameWidth", "title")
TICK_ROLES = ("year", "label", "tickX")
OVERVIEW_ROLES = ("fraction",)  # of the whole span, from its start
OVERVIEW_STEPS = 160  # the overview shows one tick per 1/160 of the span at most


class ShownMarks(Rows):
    """The marks QML makes items for: when the part in view moves, the marks that leave are
    removed and those that come are inserted, and the items of the others stay (remaking
    them all is a 0.5 s stall at 1,000 events); another zoom level or a jump reuses the
    items in place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(MARK_ROLES, parent)
        self._span = (0, 0)  # which marks (indexes into Timeline's marks) the rows are

    def show(self, rows: list[dict[str, Any]], span: tuple[int, int], same: bool) -> None:
        """Now these rows (marks span[0] to span[1]); `same`: the marks they were taken
        from are the same as last time (only the part in view or the zoom moved)."""
        (a0, b0), (a1, b1) = self._span, span
        self._span = span
        if not same or b1 <= a0 or b0 <= a1 or not self._rows:
            self.replace(rows)
            return
        if a1 > a0:  # marks gone past the start
            self.remove_first(a1 - a0)
        elif a1 < a0:  # marks come at the start
            self.insert_first(rows[:a0 - a1])
        self.replace(rows)  # (the rest: the x roles if the zoom moved, marks at the end)


__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Rows", "ShownMarks", "Timeline"]


class Display(Protocol):
    """What the strip needs of the display options (kiosk.ui.display.display, handed over by the
    session): whether text is large, and the signal that says it changed."""

    largeTextChanged: Any  # a Qt signal

    def property(self, name: str) -> Any: ...


@QmlElement
@QmlSingleton
class Timeline(QObject):
    levelChanged = Signal()  # rows, labelStep: a new zoom level, language or content
    zoomChanged = Signal()
    recentre = Signal()  # the strip changed under the visitor: show the current event again
    positionChanged = Signal()  # "8 of 24": another event, language or content
    # never emitted: the list models are the view-model's for its life (qmllint wants a
    # notify signal or `constant`, and PySide's metaobjectdump does not read `constant`)
    modelsChanged = Signal()
    eraLinesChanged = Signal()  # the era track's height: another viewport, language or content

    def __init__(self, exhibit: Exhibit, language: Language, display: Display,
                 parent: QObject | None = None, navigation: Navigation | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._language = language
        self._display = display
        self._navigation = navigation
        if navigation is not None:
            navigation.eventChanged.connect(self.positionChanged)
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
        # typeset labels by (text, label width, px, family): kept across levels, languages
        # and reloads, the least used dropped beyond the bound
        self._kept: Kept[Lines] = Kept(LABELS_KEPT)
        self._era_kept: Kept[tuple[str, ...]] = Kept(LABELS_KEPT)  # era names, likewise
        self._waiting: set[Key] = set()  # handed to the worker, not back yet
        self._at_level: dict[float, list[Mark]] = {}  # for the current key and content
        self._start_zoom: dict[tuple[Key, float], float] = {}  # resetZoom's answers
        self._infos: dict[int, dict[str, Any]] = {}  # per mark of this layout: its roles
        self._lanes: list[int] = []  # per mark of this layout: its range bar's lane
        self._reach: float | None = None  # of this layout: the widest label
        self._era_infos: list[dict[str, Any]] | None = None  # the eras' names at this level
        self._era_lines = 0  # the era track's height in lines, as QML last read it
        self._track_cache: dict[tuple[int, bool], int] = {}  # (viewport, large) -> lines
        self._view = (0.0, self._viewport)  # the part in view, px at 1080p from the start
        self._slice = (0, 0)  # marks[a:b] are shown
        self._tick_span = (0.0, 0.0)  # years: the ticks made
        self._shown_model = ShownMarks(self)
        self._era_model = Rows(ERA_ROLES, self)
        self._tick_model = Rows(TICK_ROLES, self)
        self._overview_model = Rows(OVERVIEW_ROLES, self)
        self._overview_model.replace(self._overview())
        self._shown_level: tuple[float, int] = (-1.0, 0)  # what the model's rows came from
        self._layouts = 0  # counts relayouts: rows of another layout are other marks
        self._searching: tuple[Key, float, float] | None = None  # key, viewport, next zoom
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self._search_step)
        self._years: list[float] | None = None  # of the events, and their typeset labels
        self._labels: list[Label] | None = None
        self._typesetter = Typesetter(self._kept, self)
        self._typesetter.done.connect(self._typeset_done)
        self.destroyed.connect(self._typesetter.stop)
        self._prepare()
        self.resetZoom()
        if self._level < 0:  # (still looking for the starting zoom: meanwhile the widest)
            self._set_zoom(self._zoom, force=True)
        self._era_lines = self._track_lines()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "timeline")

    # --- what changes it ---------------------------------------------------------------------

    def set_exhibit(self, exhibit: Exhibit) -> None:
        self._exhibit = exhibit
        self._track_cache.clear()
        self._axis = axis(exhibit, self._label_width())
        self._changed()
        self._set_zoom(self._zoom, force=True)
        self.positionChanged.emit()
        self._overview_model.replace(self._overview())
        self.resetZoom()

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            self._changed()
            self._relayout()
            self.positionChanged.emit()
            self.recentre.emit()

    def set_large(self, large: bool) -> None:
        if large != self._large:
            self._large = large
            self._axis = axis(self._exhibit, self._label_width())
            self._changed()
            self.resetZoom()

    def _changed(self) -> None:
        """Content, language or text size changed: what was placed per level is void (the
        typeset labels are kept: they are per text, width and font)."""
        self._at_level.clear()
        self._start_zoom = {}
        self._years = self._labels = None
        self._prepare()
        self._check_track()

    def _key(self) -> Key:
        return (self._lang, self._large)

    def _family(self, event: Event, lang: str) -> str:
        """The family an event's label is set in: its own language's (a label that falls
        back to another language than the visitor's is set in that one's)."""
        text = event.short_title or event.title
        return font_family(lang if text.has(lang) else text.default)

    def _missing(self, lang: str, large: bool) -> list[tuple[str, str]]:
        """The labels in `lang` at this size not typeset yet: (text, family)."""
        size, width = self._label_size(large), self._label_width(large)
        wanted = dict.fromkeys((e.label(lang), self._family(e, lang))
                               for e in self._exhibit.events)
        return [(text, family) for text, family in wanted
                if self._kept.get((text, width, size, family)) is None]

    def _lines(self, text: str, family: str) -> Lines:
        """A label's lines at the current size, typeset now if it is not kept."""
        size, width = self._label_size(), self._label_width()
        found = self._kept.get((text, width, size, family))
        if found is None:
            found = label_lines(text, measure_for(size, False, family), width)
            self._kept.put((text, width, size, family), found)
        return found

    def _prepare(self) -> None:
        """Have the labels of the current language and size typeset: at once when they are
        few and short, else on the worker (the strip shows no marks until they are back)."""
        key = self._key()
        if key in self._waiting:
            return
        missing = self._missing(self._lang, self._large)
        if not missing:
            return
        if sum(len(text) for text, _ in missing) <= TYPESET_AT_ONCE_CHARS:
            for text, family in missing:
                self._lines(text, family)
            return
        self._waiting.add(key)
        self._typesetter.submit(key, self._label_size(), self._label_width(), missing,
                                urgent=True)

    def _typeset_done(self, key: Key, finished: bool) -> None:
        if not finished:
            return
        self._waiting.discard(key)
        if key == self._key():
            self._prepare()  # the content may have changed meanwhile
            if key not in self._waiting:
                self._at_level.clear()
                self._start_zoom = {}
                self._set_zoom(self._zoom, force=True)
                self.resetZoom()
        if not self._waiting:
            self._prepare_others()

    def _prepare_others(self) -> None:
        """Then the other languages and text size, on the worker, so that a visitor's
        switch finds them ready."""
        for lang in self._exhibit.languages:
            for large in (False, True):
                key = (lang, large)
                missing = self._missing(lang, large)
                if missing and key not in self._waiting:
                    self._waiting.add(key)
                    self._typesetter.submit(key, self._label_size(large),
                                            self._label_width(large), missing)
                    return  # one at a time: the one asked for next goes first

    @property
    def typesetting(self) -> bool:
        """Labels of the current language and size are still being typeset."""
        return self._key() in self._waiting

    @Slot(float)
    @guarded("Timeline.setViewport", None)
    def setViewport(self, width: float) -> None:
        """The strip's visible width in px at 1080p; the zoom keeps within its new range."""
        if width > 0 and abs(width - self._viewport) > 0.5:
            self._viewport = width
            self.resetZoom()
            self._check_track()

    @Slot(float)
    @guarded("Timeline.setZoom", None)
    def setZoom(self, zoom: float) -> None:
        self._set_zoom(zoom)

    @Slot()
    @guarded("Timeline.resetZoom", None)
    def resetZoom(self) -> None:
        """The zoom a visitor starts at: the widest at which no group holds more than a few
        events (most events named, a couple of years' neighbours in view), or the
        closest zoom if none is. Found without showing the levels tried, and kept; for
        a large exhibit, found a level per turn of the event loop."""
        found = self._start_zoom.get((self._key(), self._viewport))
        if found is not None:
            self._searching = None
            self._set_zoom(found)
            self.recentre.emit()
            return
        if self.typesetting:
            return  # (done when the labels are back)
        if len(self._exhibit.events) <= SEARCH_AT_ONCE_EVENTS:
            zoom, high = self._search_from(), self._axis.zoom_range(self._viewport)[1]
            while zoom < high and not self._starts_at(zoom):
                zoom *= ZOOM_STEP
            self._start_zoom[(self._key(), self._viewport)] = min(zoom, high)
            self._set_zoom(min(zoom, high))
            self.recentre.emit()
            return
        if self._searching is None or self._searching[:2] != (self._key(), self._viewport):
            self._searching = (self._key(), self._viewport, self._search_from())
        self._search_timer.start()

    def _search_from(self) -> float:
        """The first level of the ladder that may name every event: two single events of
        different dates closer than a finger's gap are one group below it (kiosk.core.strip_layout
        marks), so the levels below are not laid out to find that out."""
        low, high = self._axis.zoom_range(self._viewport)
        count: dict[float, int] = {}
        for event in self._exhibit.events:
            date = event.date.as_fraction()
            count[date] = count.get(date, 0) + 1
        dates = list(count)  # (in date order: the events are)
        gaps = [b - a for a, b in itertools.pairwise(dates) if count[a] == count[b] == 1]
        need = MARK_GAP / min(gaps) if gaps else low
        zoom = low
        while zoom * ZOOM_STEP <= min(need, high):
            zoom *= ZOOM_STEP
        return zoom

    def _starts_at(self, zoom: float) -> bool:
        """Does the strip name most events at this zoom? (A group of events on one date
        stays one at any zoom: it does not count.)"""
        return all(len(mark.events) <= START_GROUP or mark.year == mark.end
                   for mark in self._marks_at(self._axis.level(zoom, self._viewport)))

    def _search_step(self) -> None:
        if self._searching is None:
            return
        key, viewport, zoom = self._searching
        if (key, viewport) != (self._key(), self._viewport) or self.typesetting:
            self._searching = None
            return
        high = self._axis.zoom_range(viewport)[1]
        if zoom < high and not self._starts_at(zoom):
            self._searching = (key, viewport, zoom * ZOOM_STEP)
            self._search_timer.start()
            return
        self._searching = None
        self._start_zoom[(key, viewport)] = min(zoom, high)
        self._set_zoom(min(zoom, high))
        self.recentre.emit()

    @property
    def busy(self) -> bool:
        """Still typesetting labels or looking for the starting zoom."""
        return self.typesetting or self._searching is not None

    @Slot(int, float, result=int)
    @guarded("Timeline.opens", 0)
    def opens(self, index: int, year: float = math.nan) -> int:
        """The event a tap on this mark opens: its own; for a group that zooming cannot
        part (events of one date, or the strip as close as it goes) the one whose dot is
        nearest the tap's `year` (NaN: a tap on the label), of several there the current
        event if it is one, else the first; -1 for a group the strip should zoom into
        (zoomToMark)."""
        if not 0 <= index < len(self._marks):
            return -1
        mark = self._marks[index]
        closest = self._zoom >= self._axis.zoom_range(self._viewport)[1] * 0.999
        if mark.grouped and mark.year != mark.end and not closest:
            return -1
        events = self._exhibit.events
        members = list(mark.events)
        if not math.isnan(year):
            nearest = min(abs(events[i].date.as_fraction() - year) for i in members)
            members = [i for i in members
                       if abs(events[i].date.as_fraction() - year) <= nearest + 1e-9]
        current = self._current()
        return current if current in members else members[0]

    def _current(self) -> int:
        return self._navigation.current_index() if self._navigation is not None else -1

    @Slot(int, float, result=float)
    @guarded("Timeline.zoomToMark", 0.0)
    def zoomToMark(self, index: int, year: float = math.nan) -> float:
        """Zoom in until the mark's events stand apart, and at least a button's step (a
        group of many years would otherwise not zoom at all); returns the year QML centres
        on: the tapped one (NaN: the group's middle)."""
        if not 0 <= index < len(self._marks):
            return self._axis.first
        mark = self._marks[index]
        span = max(1.0, mark.end - mark.year)
        self._set_zoom(max(self._zoom * BUTTON_ZOOM, self._viewport / (span * 3)))
        return (mark.year + mark.end) / 2 if math.isnan(year) else year

    def _set_zoom(self, zoom: float, force: bool = False) -> None:
        low, high = self._axis.zoom_range(self._viewport)
        zoom = min(high, max(low, zoom))
        moved = zoom != self._zoom
        if moved:
            # the part in view keeps its middle year until QML says where it is: the rows
            # are chosen for it, not for the same pixels at the new zoom (a far other part)
            left, right = self._view
            middle = self.yearAt((left + right) / 2)
            self._zoom = zoom
            self._view = (self.xAt(middle) - (right - left) / 2,
                          self.xAt(middle) + (right - left) / 2)
        level = self._axis.level(zoom, self._viewport)
        if level != self._level or force:
            self._level = level
            self._relayout()  # (and zoomChanged, once the rows are the new level's)
        elif moved:
            self._show(moved=True)
            self.zoomChanged.emit()

    def _track_lines(self) -> int:
        """The era track's lines: for the tallest name of any zoom level at this viewport and
        text size, in any of the exhibit's languages, so that a language switch never moves
        the screen either. Kept per viewport and text size until the content changes."""
        key = (round(self._viewport), self._large)
        if key not in self._track_cache:
            low, high = self._axis.zoom_range(self._viewport)
            levels = [low]
            while levels[-1] * ZOOM_STEP <= high:
                levels.append(levels[-1] * ZOOM_STEP)
            self._track_cache[key] = max(era_track_lines(
                [([era.title.get(lang), era.short_title.get(lang) if era.short_title else ""],
                  era.end.as_fraction() - era.start.as_fraction())
                 for era in self._exhibit.eras], levels,
                measure_for(self._label_size(), False, font_family(lang)))
                for lang in self._exhibit.languages)
        return self._track_cache[key]

    def _check_track(self) -> None:
        lines = self._track_lines()
        if lines != self._era_lines:
            self._era_lines = lines
            self.eraLinesChanged.emit()

    def _label_width(self, large: bool | None = None) -> float:
        return LABEL_WIDTH * (LARGE if (self._large if large is None else large) else 1.0)

    def _label_size(self, large: bool | None = None) -> float:
        return LABEL_SIZE * (LARGE if (self._large if large is None else large) else 1.0)

    def _marks_at(self, level: float) -> list[Mark]:
        """The marks placed at a zoom level, with the labels typeset so far (none while the
        worker has them)."""
        found = self._at_level.get(level)
        if found is not None:
            return found
        if self.typesetting:
            return []
        measure = measure_for(self._label_size(), False, font_family(self._lang))
        if self._years is None or self._labels is None:
            lasts: dict[tuple[str, str], float] = {}
            labels = []
            for event in self._exhibit.events:
                text, family = event.label(self._lang), self._family(event, self._lang)
                lines, width = self._lines(text, family)
                if (text, family) not in lasts:
                    lasts[(text, family)] = measure_for(self._label_size(), False, family)(
                        lines[-1]) if lines else 0.0
                labels.append(Label(lines, width, lasts[(text, family)]))
            self._years = [e.date.as_fraction() for e in self._exhibit.events]
            self._labels = labels

        def others(n: int) -> str:
            return self._language.word("others_n", n=n)

        found = marks(self._years, self._labels, level, others, measure, self._rows())
        self._at_level[level] = found
        return found

    def _relayout(self) -> None:
        """A new zoom level, language, text size or content: the marks placed for it, and
        the rows QML reads changed in place."""
        self._layouts += 1
        self._level = self._axis.level(self._zoom, self._viewport)
        self._marks = self._marks_at(self._level)
        self._infos = {}
        self._reach = None
        self._lanes = self._range_lanes()
        self._era_infos = None
        every = tick_steps(self._level)[1]
        if every != self._tick_every:
            self._tick_every = every
            self._tick_span = (0.0, 0.0)
        self._show(force=True)  # the rows first: QML's reaction to the signals finds them
        self.levelChanged.emit()
        self.zoomChanged.emit()  # the strip's width follows its last label

    def _range_lanes(self) -> list[int]:
        """Each mark's lane for its range bar: ranges that overlap take another lane."""
        events = self._exhibit.events
        lanes = [-math.inf] * RANGE_LANES
        out = []
        for mark in self._marks:
            reach = max((events[i].end or events[i].date).as_fraction() for i in mark.events)
            if reach > mark.year:
                lane = next((i for i, end in enumerate(lanes) if end <= mark.year),
                            RANGE_LANES - 1)
                lanes[lane] = reach
                out.append(lane)
            else:
                out.append(0)
        return out

    @Slot(float, float)
    def setView(self, left: float, right: float) -> None:
        """The part of the strip in view, in px at 1080p from its start (time's start)."""
        self._view = (left, right)
        self._show()

    def _show(self, force: bool = False, moved: bool = False) -> None:
        """Choose the marks QML creates: all of a few; else those within half a viewport
        of the part in view, chosen again once the view nears the edge of what is made.
        `moved`: the zoom changed within its level, so the rows' x roles did."""
        count = len(self._marks)
        left, right = self._view
        width = max(1.0, right - left)
        if count <= SHOW_ALL_MARKS:
            wanted = (0, count)
        else:
            a, b = self._slice
            made = self._centres(a, b)
            if not force and not moved and b > a and made[0] <= left - width / 4 \
                    and made[1] >= right + width / 4:
                wanted = self._slice  # still well inside what is made
            else:
                centres = [self._centre(mark) for mark in self._marks]
                if self._reach is None:  # (once per layout)
                    self._reach = max(mark.width for mark in self._marks)
                reach = self._reach
                # half a view either side: few items to make at a jump, and moving along
                # makes only those that come (ShownMarks)
                wanted = (max(0, bisect.bisect_left(centres, left - width / 2 - reach)),
                          min(count, bisect.bisect_right(centres, right + width / 2 + reach)))
        if wanted != self._slice or force or moved:
            self._slice = wanted
            source = (self._level, self._layouts)
            self._shown_model.show([self._mark_row(i) for i in range(*wanted)], wanted,
                                   same=source == self._shown_level)
            self._shown_level = source
        if force or moved:
            self._era_model.replace(self._era_rows())
        self._show_ticks(force or moved)

    def _show_ticks(self, again: bool) -> None:
        """The year ticks QML makes: all of a few, else those within a view of the part in
        view (a thousand years at the closest zoom would be a thousand items). `again`:
        the zoom or the level changed, so their x or their years did."""
        low, high = self._tick_span
        if not again and low == -math.inf:
            return  # all are made
        left, right = (self.yearAt(x) for x in self._view)
        span = right - left
        if not again and low <= left - span / 2 and high >= right + span / 2:
            return  # (moving along: still well inside what is made)
        every = self._tick_every
        if (self._axis.last - self._axis.first) / every <= SHOW_ALL_TICKS:
            self._tick_span = (-math.inf, math.inf)
            years = tick_years(self._axis, every)
        else:
            self._tick_span = (left - span, right + span)
            years = tick_years(self._axis, every, *self._tick_span)
        x, zoom = self._axis.x, self._zoom
        self._tick_model.replace([
            {"year": float(year), "label": i18n.year_label(year, self._lang),
             "tickX": x(year, zoom)} for year in years])

    def _centre(self, mark: Mark) -> float:
        return self._axis.x(mark.year, self._zoom) + mark.width / 2

    def _centres(self, a: int, b: int) -> tuple[float, float]:
        """Up to where the made marks reach, left and right (everything when all are)."""
        if a == 0 and b == len(self._marks):
            return -math.inf, math.inf
        if b <= a:
            return 0.0, 0.0
        low = -math.inf if a == 0 else self._centre(self._marks[a])
        high = math.inf if b == len(self._marks) else self._centre(self._marks[b - 1])
        return low, high

    @Slot(int, result=float)
    def dateOf(self, event: int) -> float:
        """An event's date, as a year with its fraction (NaN for no event)."""
        if not 0 <= event < len(self._exhibit.events):
            return math.nan
        return self._exhibit.events[event].date.as_fraction()

    @Slot(int, result=float)
    def yearOf(self, event: int) -> float:
        """Where the strip centres to show this event (NaN while it has no mark yet): the
        middle of its label and its dot (a group's dot may lie far along its bracket), or
        where those do not fit the view together, the middle of its label, which names it."""
        for mark in self._marks:
            if event in mark.events:
                zoom = max(1e-9, self._zoom)
                dot = self._exhibit.events[event].date.as_fraction()
                label_end = mark.year + mark.width / zoom
                low, high = min(mark.year, dot), max(label_end, dot)
                room = (self._viewport - 2 * EDGE_CUE - 2 * LABEL_GAP) / zoom
                if high - low <= room:
                    return (low + high) / 2
                return (mark.year + label_end) / 2
        return math.nan

    @Slot(float, result=float)
    def xAt(self, year: float) -> float:
        """Where a year is on the strip at the zoom shown, in px at 1080p from its start
        (the one home of the year-to-pixel mapping: the rows' x roles come from it too)."""
        return self._axis.x(year, self._zoom)

    @Slot(float, result=float)
    def yearAt(self, x: float) -> float:
        """The year at `x` px at 1080p from the strip's start (xAt's inverse)."""
        return self._axis.first + (x - self._axis.margin) / max(1e-9, self._zoom)

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

    @property
    def marks(self) -> list[dict[str, Any]]:
        """Every mark of the level shown, as its row would be (for tests and tools)."""
        return [self._mark_row(i) for i in range(len(self._marks))]

    def _mark_info(self, index: int) -> dict[str, Any]:
        """What a mark's row says at this level, whatever the zoom within it: its label,
        its members, its dots' dates; made when the mark is first shown."""
        found = self._infos.get(index)
        if found is None:
            events = self._exhibit.events
            mark = self._marks[index]
            found = {
                "markIndex": index, "events": list(mark.events), "year": mark.year,
                "end": mark.end, "row": mark.row, "lines": mark.lines,
                "labelWidth": mark.width,
                "texts": list(mark.texts), "text": mark.texts[0], "grouped": mark.grouped,
                "families": [self._family(events[i], self._lang) for i in mark.events],
                "count": self._language.word("events_n", n=len(mark.events)),
                "dates": [events[i].date.as_fraction() for i in mark.events],
                "dotYears": self._dots(mark),
                # an event's range (of each member a group may name): a bar, both ends
                "rangeEnds": [(events[i].end or events[i].date).as_fraction()
                              for i in mark.events],
                "lane": self._lanes[index]}
            self._infos[index] = found
        return found

    def _mark_row(self, index: int) -> dict[str, Any]:
        """A mark's row: its info and where its parts are at the zoom shown (px at 1080p)."""
        info = self._mark_info(index)
        x = self._axis.x
        zoom = self._zoom
        return {**info, "dotX": x(info["year"], zoom), "endX": x(info["end"], zoom),
                "dots": [x(year, zoom) for year in info["dotYears"]],
                "dateXs": [x(year, zoom) for year in info["dates"]],
                "rangeXs": [x(year, zoom) for year in info["rangeEnds"]]}

    def _dots(self, mark: Mark) -> list[float]:
        """The dates a mark draws a dot at: a group's, a few px apart at most (a group of
        hundreds at the widest zoom would make hundreds of items for one bracket)."""
        events = self._exhibit.events
        apart = DOT_APART / max(1e-9, self._level)
        dots: list[float] = []
        for i in mark.events:
            date = events[i].date.as_fraction()
            if not dots or date - dots[-1] >= apart:
                dots.append(date)
        return dots

    @Property(QObject, notify=modelsChanged)
    def shownModel(self) -> QObject:
        """The marks QML makes items for (ShownMarks; roles MARK_ROLES, x in px at 1080p)."""
        return self._shown_model

    @property
    def shown_marks(self) -> list[dict[str, Any]]:
        """The rows of shownModel (for tests and tools)."""
        return self._shown_model.rows

    @Property(QObject, notify=modelsChanged)
    def eraModel(self) -> QObject:
        """The era bands (roles ERA_ROLES, x and endX in px at 1080p, start and end years)."""
        return self._era_model

    @property
    def eras(self) -> list[dict[str, Any]]:
        return self._era_model.rows

    @Property(QObject, notify=modelsChanged)
    def tickModel(self) -> QObject:
        """The ticked years near the view (roles TICK_ROLES); QML labels those that are
        multiples of labelStep (so zooming within one spacing changes only their x)."""
        return self._tick_model

    def _era_rows(self) -> list[dict[str, Any]]:
        if self._era_infos is None:
            self._era_infos = self._eras()
        x, zoom = self._axis.x, self._zoom
        return [{**era, "startX": x(era["start"], zoom), "endX": x(era["end"], zoom)}
                for era in self._era_infos]

    def _eras(self) -> list[dict[str, Any]]:
        """The bands and their names at this level: every band's full name where all of them
        fit, else every band's short name (a band without one keeps its name if it fits):
        never a full name beside a short one. Measured once per level, not per read."""
        measure = measure_for(self._label_size(), False, font_family(self._lang))
        out = []
        spans = [(era.end.as_fraction() - era.start.as_fraction()) * self._level
                 for era in self._exhibit.eras]
        full = all(self._era_name([era.title.get(self._lang)], span)
                   for era, span in zip(self._exhibit.eras, spans, strict=True))
        for era in self._exhibit.eras:
            start, end = era.start.as_fraction(), era.end.as_fraction()
            short_name = era.short_title.get(self._lang) if era.short_title else ""
            names = [era.title.get(self._lang) if full or not short_name else short_name]
            lines = self._era_name(names, (end - start) * self._level)
            out.append({"start": start, "end": end, "bandColor": band_color(era.color),
                        "name": "\n".join(lines),
                        "nameWidth": max((measure(line) for line in lines), default=0.0),
                        "title": era.title.get(self._lang)})
        return out

    def _era_name(self, names: list[str], band_width: float) -> tuple[str, ...]:
        """An era's name in its band (era_lines), kept per names, width and font."""
        size, family = self._label_size(), font_family(self._lang)
        key = (tuple(names), band_width, size, family)
        found = self._era_kept.get(key)
        if found is None:
            found = era_lines(names, band_width, measure_for(size, False, family))
            self._era_kept.put(key, found)
        return found

    @Property(int, notify=levelChanged)
    def rows(self) -> int:
        """The label area's height, in lines of label text."""
        return self._rows()

    def _rows(self) -> int:
        """Three lines of labels; with larger text two, unless a label of the exhibit
        needs three (a long title with no short title): then three, never a cut label."""
        if not self._large:
            return ROW_LINES
        tallest = max((len(self._lines(e.label(self._lang), self._family(e, self._lang))[0])
                       for e in self._exhibit.events), default=0)
        return min(ROW_LINES, max(ROW_LINES_LARGE, tallest))

    @Property(float, notify=levelChanged)
    def labelPx(self) -> float:
        """The labels' size in px at 1080p, as measured: QML scales their widths by the
        size it draws them at (rounded to whole pixels, not quite the screen's scale)."""
        return self._label_size()

    @Property(float, notify=levelChanged)
    def edgeCue(self) -> float:
        """px at 1080p: the arrows at the strip's edges, under which no label is drawn."""
        return EDGE_CUE

    @Property(float, notify=levelChanged)
    def lead(self) -> float:
        """px at 1080p between a label's leader and its text."""
        return LEAD

    @Property(float, notify=levelChanged)
    def last(self) -> float:
        return self._axis.last

    @Property(str, notify=positionChanged)
    def position(self) -> str:
        """Where the current event stands among all: "8 of 24"."""
        current = self._current()
        if current < 0:
            return ""
        return self._language.word("position", i=current + 1, n=len(self._exhibit.events))

    @Property(QObject, notify=modelsChanged)
    def overviewModel(self) -> QObject:
        """The events' dates on the whole span (role "fraction"), one per 1/160 of it at
        most (what a thin bar at the strip's bottom can show: its ticks are items)."""
        return self._overview_model

    def _overview(self) -> list[dict[str, Any]]:
        span = max(1e-9, self._axis.span)
        return [{"fraction": f} for f in sorted(
            {round((e.date.as_fraction() - self._axis.first) / span * OVERVIEW_STEPS)
             / OVERVIEW_STEPS for e in self._exhibit.events})]

    @Slot(int)
    @guarded("Timeline.zoomBy", None)
    def zoomBy(self, steps: int) -> None:
        """The zoom buttons: `steps` of the ladder in (positive) or out (negative)."""
        self._set_zoom(self._zoom * BUTTON_ZOOM ** steps)

    @Property(int, notify=eraLinesChanged)
    def eraLines(self) -> int:
        """The era track's height in lines of era names."""
        return self._era_lines

    @Property(int, notify=levelChanged)
    def labelStep(self) -> int:
        return tick_steps(self._level)[0]

    @property
    def axis(self) -> Axis:
        return self._axis
