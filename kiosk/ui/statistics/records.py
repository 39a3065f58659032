"""What a visit leaves in the statistics, as typed records: the UI thread makes them, the
writer thread stores them. One frozen dataclass per kind of fact; each record says which
method of the writer stores it (`apply_to`), so mypy checks that every kind is handled and
that no record carries a field its handler does not expect.

Plain Python (no Qt, no SQL).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

from kiosk.ui.statistics.database import (
    COUNTDOWN,
    COUNTDOWN_ANSWERED,
    LANGUAGE,
    MEDIA_PLAY,
    MEDIA_WATCHED,
    OPTION,
    PHOTO_OPEN,
    PHOTO_ZOOM,
    ContentInfo,
)

Ending = Literal["timeout", "home", "reload"]  # stats_db.ENDINGS, as a type


class RecordSink(Protocol):
    """The writer: one method per kind of record."""

    def content_set(self, record: ContentSet) -> None: ...
    def visit_started(self, record: VisitStarted) -> None: ...
    def event_viewed(self, record: EventViewed) -> None: ...
    def action_taken(self, record: ActionTaken) -> None: ...
    def visit_ended(self, record: VisitEnded) -> None: ...
    def pause_view(self, at: float) -> None: ...
    def resume_view(self, at: float) -> None: ...


@dataclass(frozen=True)
class Record(ABC):
    """A fact for the file."""

    @abstractmethod
    def apply_to(self, sink: RecordSink) -> None:
        """Hand the record to the writer's method for its kind."""


@dataclass(frozen=True)
class ContentSet(Record):
    """The exhibit shown from now on (at the start, and after a reload)."""

    content: ContentInfo

    def apply_to(self, sink: RecordSink) -> None:
        sink.content_set(self)


@dataclass(frozen=True)
class VisitStarted(Record):
    started: str  # local wall time, stats_db.TIME_FORMAT
    since: float  # monotonic seconds
    language: str

    def apply_to(self, sink: RecordSink) -> None:
        sink.visit_started(self)


@dataclass(frozen=True)
class EventViewed(Record):
    """An event came on screen (the previous one, if any, left it)."""

    event_id: str
    since: float

    def apply_to(self, sink: RecordSink) -> None:
        sink.event_viewed(self)


@dataclass(frozen=True)
class VisitEnded(Record):
    until: float
    ending: Ending

    def apply_to(self, sink: RecordSink) -> None:
        sink.visit_ended(self)


# --- what a visitor did besides reading events: a row of the `actions` table each ---------

@dataclass(frozen=True)
class Action:
    """A control used during a visit. `kind` and `detail` are its row in the file."""

    kind: ClassVar[str]

    @property
    def detail(self) -> str:
        return ""

    def effect(self, sink: RecordSink, at: float) -> None:
        """What the action does to the time the current event is counted on screen."""


@dataclass(frozen=True)
class PhotoOpened(Action):
    kind: ClassVar[str] = PHOTO_OPEN


@dataclass(frozen=True)
class PhotoZoomed(Action):
    kind: ClassVar[str] = PHOTO_ZOOM


@dataclass(frozen=True)
class MediaPlayed(Action):
    """A visitor tapped play on a video or a sound."""

    event: str
    media_kind: str  # "video" or "audio"
    kind: ClassVar[str] = MEDIA_PLAY

    @property
    def detail(self) -> str:
        return f"{self.event}:{self.media_kind}"


@dataclass(frozen=True)
class MediaWatched(Action):
    """The player let go of a video or sound: how much of it played, with which captions."""

    event: str
    share: float  # 0..1 of its length
    captions: str  # the captions' language, "" when off or absent
    kind: ClassVar[str] = MEDIA_WATCHED

    @property
    def detail(self) -> str:
        return f"{self.event}:{round(self.share * 100)}:{self.captions or 'off'}"


@dataclass(frozen=True)
class LanguageChosen(Action):
    language: str
    kind: ClassVar[str] = LANGUAGE

    @property
    def detail(self) -> str:
        return self.language


@dataclass(frozen=True)
class OptionTurnedOn(Action):
    option: str  # large_text, high_contrast, reduced_motion
    kind: ClassVar[str] = OPTION

    @property
    def detail(self) -> str:
        return self.option


@dataclass(frozen=True)
class CountdownShown(Action):
    """"Still there?" came up: nobody is reading, the event's time stops here."""

    untouched_ms: int | None = None  # how long nobody had touched: not time in use
    kind: ClassVar[str] = COUNTDOWN

    @property
    def detail(self) -> str:
        return "" if self.untouched_ms is None else str(self.untouched_ms)

    def effect(self, sink: RecordSink, at: float) -> None:
        sink.pause_view(at)


@dataclass(frozen=True)
class CountdownAnswered(Action):
    kind: ClassVar[str] = COUNTDOWN_ANSWERED

    def effect(self, sink: RecordSink, at: float) -> None:
        sink.resume_view(at)


@dataclass(frozen=True)
class ActionTaken(Record):
    """An action, stamped by the UI thread with its place in the visit."""

    action: Action
    seq: int  # 1, 2, ... within the visit
    at: float  # monotonic seconds
    at_ms: int  # since the visit started

    def apply_to(self, sink: RecordSink) -> None:
        sink.action_taken(self)


# --- for the writer's loop only: not facts, so not Records --------------------------------

@dataclass(frozen=True)
class Flush:
    """Commit what came before, then set `done`."""

    done: threading.Event


@dataclass(frozen=True)
class Stop:
    """Commit what came before and end the writer."""


Queued = Record | Flush | Stop
