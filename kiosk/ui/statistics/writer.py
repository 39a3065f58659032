"""Recording visits without slowing a touch: the UI thread only queues small typed records
(kiosk.ui.statistics.records); one writer thread stores them (through stats_db, which
holds all the SQL) in one transaction every few seconds.

Plain Python (no Qt). The Qt side (kiosk/ui/statistics/recorder.py) observes the view-models
and calls `visit_start`, `view`, `note` and `visit_end` here.

A record that cannot be stored (a value SQLite refuses, a bug) is logged with the record and
left out; the records before and after it are stored.

A killed kiosk loses at most FLUSH_SECONDS: while a visit lasts, the writer brings the
visit's and the current event's durations up to date at every commit. A damaged file is
moved aside and a new one started; a full or read-only disk pauses recording (logged, and
told to staff through `problem`) and the kiosk goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.model import Exhibit
from kiosk.services import exits
from kiosk.ui.statistics import database as stats_db
from kiosk.ui.statistics.database import TIME_FORMAT, ContentInfo
from kiosk.ui.statistics.records import (
    Action,
    ActionTaken,
    ContentSet,
    Ending,
    EventViewed,
    Flush,
    Queued,
    Record,
    Stop,
    VisitEnded,
    VisitStarted,
)

log = logging.getLogger("kiosk.stats")

FLUSH_SECONDS = 2.0
RETRY_SECONDS = 60.0  # after a write failure, try again at the next visit after this long
RETENTION_DAYS = 365
# A stop waits this long at most for the writer (then the file is as after a power cut: the
# last few seconds lost, nothing damaged), well inside the supervisor's grace before a kill.
CLOSE_SECONDS = exits.STOP_GRACE_SECONDS / 2


def content_info(exhibit: Exhibit, release: str = "") -> ContentInfo:
    """The exhibit's titles and a fingerprint of what visitors read, so that a report tells
    two exhibits (or two versions of one) apart; a release (its name) is a version too."""
    parts = [e.id for e in exhibit.events] + exhibit.all_strings() + ([release] if release
                                                                       else [])
    # each part and a NUL, hashed in one piece (one call, not one per string: a thousand
    # events hold a hundred thousand strings, and this runs before the first frame)
    digest = hashlib.sha256("".join(part + "\0" for part in parts).encode("utf-8"))

    def titles(text: Any) -> dict[str, str]:
        return {lang: text.get(lang) for lang in exhibit.languages}

    return ContentInfo(digest.hexdigest()[:12], titles(exhibit.title),
                       tuple((e.id, titles(e.title)) for e in exhibit.events), release)


@dataclass
class _Open:
    """A visit or a view the writer keeps current while it lasts."""

    rowid: int
    since: float  # monotonic seconds
    base_ms: int = 0

    def ms(self, now: float) -> int:
        return self.base_ms + max(0, round((now - self.since) * 1000))


@dataclass(frozen=True)
class WriterSettings:
    """What the writer needs to know: given once, never read from its owner."""

    path: Path
    kiosk: str
    program: str
    retention: dt.timedelta
    clock: Callable[[], float]
    now: Callable[[], dt.datetime]


ProblemListener = Callable[[str], None]


class Statistics:
    """The recording side. Every public method is cheap and safe to call from the UI thread."""

    def __init__(self, path: Path, kiosk: str, program: str, *,
                 retention_days: int = RETENTION_DAYS, flush_seconds: float = FLUSH_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.path = path
        self.kiosk = kiosk
        self._settings = WriterSettings(path, kiosk, program, dt.timedelta(days=retention_days),
                                        clock, now)
        self._flush_seconds = flush_seconds
        self._clock = clock
        self._now = now
        self._queue: queue.SimpleQueue[Queued] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._problem = ""
        self._listeners: list[ProblemListener] = []
        self._lock = threading.Lock()  # the problem and its listeners: two threads
        # the UI thread's view of the visit
        self._visit_since: float | None = None
        self._seq = 0

    # --- the UI thread's side ----------------------------------------------------------------

    def start(self, content: ContentInfo) -> None:
        self._queue.put(ContentSet(content))
        self._thread = threading.Thread(target=self._run, name="kiosk-stats", daemon=True)
        self._thread.start()

    @property
    def problem(self) -> str:
        """What staff should know ('' when recording goes well)."""
        with self._lock:
            return self._problem

    def add_problem_listener(self, listener: ProblemListener) -> None:
        """`listener(problem)` is called, on the writer thread, whenever the problem changes."""
        with self._lock:
            self._listeners.append(listener)

    def _tell(self, problem: str) -> None:
        with self._lock:
            if problem == self._problem:
                return
            self._problem = problem
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(problem)
            except Exception:  # a listener gone (a closed panel) must not stop the writer
                log.exception("statistics: telling a listener of the problem")

    @property
    def visiting(self) -> bool:
        return self._visit_since is not None

    def set_content(self, content: ContentInfo) -> None:
        """New content (a reload): a visit in progress ends here."""
        self.visit_end("reload")
        self._queue.put(ContentSet(content))

    def visit_start(self, language: str) -> None:
        if self._visit_since is not None:
            return
        self._visit_since = self._clock()
        self._seq = 0
        self._queue.put(VisitStarted(self._now().strftime(TIME_FORMAT), self._visit_since,
                                     language))

    def view(self, event_id: str) -> None:
        """An event came on screen (the previous one, if any, left it)."""
        if self._visit_since is not None:
            self._queue.put(EventViewed(event_id, self._clock()))

    def note(self, action: Action) -> None:
        """Something the visitor did (or the countdown): stamped with its place in the visit."""
        if self._visit_since is None:
            return
        now = self._clock()
        self._seq += 1
        self._queue.put(ActionTaken(action, self._seq, now,
                                    round((now - self._visit_since) * 1000)))

    def visit_end(self, ending: Ending) -> None:
        if self._visit_since is not None:
            self._visit_since = None
            self._queue.put(VisitEnded(self._clock(), ending))

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued so far is written (tests, exports, shutdown)."""
        if self._thread is None or not self._thread.is_alive():
            return False
        done = threading.Event()
        self._queue.put(Flush(done))
        return done.wait(timeout)

    def close(self, timeout: float = CLOSE_SECONDS) -> bool:
        """Write what is queued and stop the writer, waiting `timeout` at most (a stuck disk
        must not outlast the supervisor's grace); False: the writer had not ended. A visit
        in progress stays open in the file (ending NULL), as after a power cut."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(Stop())
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.error("statistics: the writer did not end within %.1f s; the last "
                          "seconds are not recorded", timeout)
                return False
        return True

    # --- the writer thread -------------------------------------------------------------------

    def _run(self) -> None:
        settings, clock = self._settings, self._clock
        writer = _Writer(settings, self._tell)
        deadline: float | None = None
        while True:
            timeout = None
            if deadline is not None or writer.visit is not None:
                base = deadline if deadline is not None else clock() + self._flush_seconds
                timeout = max(0.0, base - clock())
            try:
                item: Queued | None = self._queue.get(timeout=timeout)
            except queue.Empty:
                item = None
            if isinstance(item, Record):
                writer.pending.append(item)
                if deadline is None:
                    deadline = clock() + self._flush_seconds
                continue
            try:
                writer.commit()
            except Exception:  # a bug here must not end the kiosk (threads' errors do)
                log.exception("statistics: the writer failed; what was queued is lost, "
                              "recording goes on")
                writer.abandon(clock())
            deadline = None
            if isinstance(item, Flush):
                item.done.set()
            elif isinstance(item, Stop):
                writer.close()
                return


def _file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file now at `path` (Windows has file indexes too); None: none."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class _Writer:
    """Owns the connection; only the writer thread touches it. Stores each kind of record
    with its own method (stats_records.RecordSink); the SQL is stats_db's."""

    def __init__(self, settings: WriterSettings, tell: ProblemListener) -> None:
        self.settings = settings
        self.tell = tell  # the problem for staff ('' when all is well)
        self.pending: list[Record] = []
        self.conn: sqlite3.Connection | None = None
        self.paused_at: float | None = None
        self.content: ContentInfo | None = None
        self.setup = 0
        self.events: dict[str, int] = {}
        self.visit: _Open | None = None
        self.view: _Open | None = None  # rowid: the event's id in the file
        self.last_view: _Open | None = None
        self.seen: dict[int, int] = {}  # the visit's events so far: time on screen (ms)
        self.retention_checked: dt.date | None = None
        # The newest visit recorded before this run, and the monotonic clock then: the last
        # time the file can vouch for, and how long ago that is for certain (see _retention)
        self.sane: tuple[dt.datetime, float] | None = None
        self.identity: tuple[int, int] | None = None  # the file's (device, inode) when opened

    def commit(self) -> None:
        records, self.pending = self.pending, []
        now = self.settings.clock()
        replaced = self.conn is not None and self._file_gone()
        if self.conn is None:
            records = self._open(now, records)
            if self.conn is None:
                return
            if replaced:
                self.tell("The statistics file was deleted while the kiosk ran; a new one was "
                          f"started at {self.settings.now():%H:%M} ({self.settings.path}).")
        conn = self.conn
        try:
            stats_db.begin(conn)
            for record in records:
                self._store(conn, record)
            if self.visit is not None:
                self._keep_current(now)
            stats_db.commit(conn)
        except Exception as exc:
            if not stats_db.is_file_problem(exc):
                raise
            self._pause(exc, now)

    def _store(self, conn: sqlite3.Connection, record: Record) -> None:
        """One record, in a savepoint: a record that fails for its own sake is logged with
        what it held and left out; a failing disk or file pauses recording (raised on)."""
        try:
            with stats_db.one_record(conn):
                record.apply_to(self)
        except Exception as exc:
            if stats_db.is_file_problem(exc):
                raise
            log.error("statistics: a record could not be stored and is left out: %r (%s: %s)",
                      record, type(exc).__name__, exc)

    def abandon(self, now: float) -> None:
        """After an unexpected failure: drop the connection and what was pending; the next
        visit a while later opens the file again."""
        self.pending = []
        if self.conn is not None:
            stats_db.close_quietly(self.conn)
        self.conn = None
        self.visit = self.view = self.last_view = None
        self.paused_at = now
        self.tell("Statistics met an error (see the log); recording starts again with a "
                  "later visit.")

    def _open(self, now: float, records: list[Record]) -> list[Record]:
        """Open the file at the start, or again at a visit's start a while after a failure;
        returns the records still to write. While paused, records are dropped (the content
        is kept)."""
        for record in records:
            if isinstance(record, ContentSet):
                self.content = record.content
        records = [r for r in records if not isinstance(r, ContentSet)]
        if self.paused_at is not None:
            starts = [i for i, r in enumerate(records) if isinstance(r, VisitStarted)]
            if not starts or now - self.paused_at < RETRY_SECONDS:
                return []
            records = records[starts[0]:]  # what came before belongs to a visit not recorded
        try:
            self.conn, message = stats_db.open_for_writing(self.settings.path, self.settings.now)
            self.identity = _file_identity(self.settings.path)
            newest = stats_db.newest_visit(self.conn)
            if self.sane is None and newest is not None:
                self.sane = (newest, now)
            if self.content is not None:
                stats_db.begin(self.conn)
                self._use_content(self.content)
                stats_db.commit(self.conn)
            self._retention()
        except (sqlite3.Error, OSError, stats_db.StatsFileError) as exc:
            self._pause(exc, now)
            return []
        if self.paused_at is not None:
            log.info("statistics: recording again")
        self.paused_at = None
        self.tell(message)
        return records

    def _file_gone(self) -> bool:
        """Deleted (or replaced) under the running kiosk? SQLite would go on writing into the
        deleted file, and every later visit would be lost without a word: close it (SQLite
        then removes its WAL), so that the next commit starts a new file. One stat a commit."""
        if self.identity is None or _file_identity(self.settings.path) == self.identity:
            return False
        log.error("statistics: %s was deleted or replaced while the kiosk ran; starting a "
                  "new file", self.settings.path)
        assert self.conn is not None
        stats_db.close_quietly(self.conn)
        self.conn = None
        self.visit = self.view = self.last_view = None  # its row went with the old file
        return True

    def _pause(self, exc: BaseException, now: float) -> None:
        what = stats_db.problem_kind(exc)
        if self.paused_at is None:
            log.error("statistics: recording paused: %s (%s)", what, self.settings.path)
        self.tell(f"Statistics are not being recorded: {what} ({self.settings.path}).")
        self.paused_at = now
        self.visit = self.view = self.last_view = None
        if self.conn is not None:
            stats_db.close_quietly(self.conn)
        self.conn = None

    def _use_content(self, content: ContentInfo) -> None:
        """This kiosk's setup row for the content (stored in the transaction under way,
        if any), and the content's events' ids in the file."""
        assert self.conn is not None
        setup = stats_db.setup_id(self.conn, self.settings.kiosk, content, self.settings.program)
        self.events = stats_db.event_ids(self.conn, content.version)
        self.setup = setup

    def reference_time(self) -> dt.datetime:
        """The time retention counts back from: the wall clock, but never later than the
        newest visit recorded before this run plus the time this run has certainly lasted
        (the monotonic clock). A clock set 400 days ahead for one session (a dead RTC
        battery, a wrong NTP answer, a typo) then deletes nothing a right clock would keep;
        a clock behind deletes nothing at all. The price: after the kiosk was really off for
        a long time, visits older than the retention go one run later (once the file holds a
        visit at the new time), never earlier."""
        now = self.settings.now()
        if self.sane is None:
            return now
        newest, since = self.sane
        return min(now, newest + dt.timedelta(seconds=max(0.0, self.settings.clock() - since)))

    def _retention(self) -> None:
        """Once a day: forget visits older than the retention (in the transaction under way,
        if any)."""
        now = self.settings.now()
        if self.conn is not None and self.retention_checked != now.date():
            self.retention_checked = now.date()
            reference = self.reference_time()
            retention = self.settings.retention
            gone = stats_db.delete_older_than(self.conn, reference - retention)
            if gone:
                log.info("statistics: %d visits older than %d days (before %s) deleted", gone,
                         retention.days, reference.strftime(TIME_FORMAT))
            elif reference < now - dt.timedelta(days=1):
                log.warning("statistics: the clock says %s, but the newest visit recorded "
                            "before this run is %s: retention counts from %s",
                            now.strftime(TIME_FORMAT),
                            self.sane[0].strftime(TIME_FORMAT) if self.sane else "-",
                            reference.strftime(TIME_FORMAT))

    # --- one method per kind of record (stats_records.RecordSink) -----------------------------

    def content_set(self, record: ContentSet) -> None:
        self.content = record.content
        self._use_content(record.content)

    def visit_started(self, record: VisitStarted) -> None:
        assert self.conn is not None
        self._retention()
        rowid = stats_db.insert_visit(self.conn, self.setup, record.started, record.language)
        self.visit = _Open(rowid, record.since)
        self.view = self.last_view = None
        self.seen = {}

    def event_viewed(self, record: EventViewed) -> None:
        if self.visit is None or self.conn is None:
            return  # the visit's start was not recorded (paused): neither is the rest
        self._end_view(record.since)
        event = self.events.get(record.event_id)
        if event is None:
            return
        stats_db.add_view(self.conn, self.visit.rowid, event, again=event in self.seen)
        self.seen.setdefault(event, 0)
        self.view = _Open(event, record.since, self.seen[event])

    def action_taken(self, record: ActionTaken) -> None:
        if self.visit is None or self.conn is None:
            return
        action = record.action
        stats_db.insert_action(self.conn, self.visit.rowid, record.seq, record.at_ms,
                               action.kind, action.detail)
        action.effect(self, record.at)

    def pause_view(self, at: float) -> None:
        self._end_view(at)

    def resume_view(self, at: float) -> None:
        if self.view is None and self.last_view is not None:
            self.view = _Open(self.last_view.rowid, at, self.last_view.base_ms)

    def visit_ended(self, record: VisitEnded) -> None:
        if self.visit is None or self.conn is None:
            return
        self._end_view(record.until)
        stats_db.set_visit_length(self.conn, self.visit.rowid, self.visit.ms(record.until),
                                  record.ending)
        self.visit = self.view = self.last_view = None

    def _end_view(self, until: float) -> None:
        if self.view is not None and self.visit is not None and self.conn is not None:
            ms = self.view.ms(until)
            stats_db.set_view_length(self.conn, self.visit.rowid, self.view.rowid, ms)
            self.seen[self.view.rowid] = ms
            self.last_view = _Open(self.view.rowid, until, ms)
            self.view = None

    def _keep_current(self, now: float) -> None:
        """Durations so far, so that a killed kiosk loses only the last few seconds."""
        assert self.conn is not None and self.visit is not None
        stats_db.set_visit_length(self.conn, self.visit.rowid, self.visit.ms(now))
        if self.view is not None:
            stats_db.set_view_length(self.conn, self.visit.rowid, self.view.rowid,
                                     self.view.ms(now))

    def close(self) -> None:
        if self.conn is not None:
            stats_db.close_writer(self.conn)
        self.conn = None
