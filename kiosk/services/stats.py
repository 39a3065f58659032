"""Recording visits without slowing a touch: the UI thread only queues small tuples; a
writer thread turns them into rows, in one transaction every few seconds.

Plain Python (no Qt). The Qt side (kiosk/services/stats_recorder.py) observes the view-models
and calls the `visit_*`, `view` and `action` methods here.

A killed kiosk loses at most FLUSH_SECONDS: while a visit lasts, the writer brings the
visit's and the current event's durations up to date at every commit. A damaged file is
moved aside and a new one started; a full or read-only disk pauses recording (logged, and
told to staff through `problem`) and the kiosk goes on.
"""

from __future__ import annotations

import contextlib
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

from kiosk.content.model import Exhibit
from kiosk.services import stats_db
from kiosk.services.stats_db import TIME_FORMAT, ContentInfo

log = logging.getLogger("kiosk.stats")

FLUSH_SECONDS = 2.0
RETRY_SECONDS = 60.0  # after a write failure, try again at the next visit after this long
RETENTION_DAYS = 365


def content_info(exhibit: Exhibit) -> ContentInfo:
    """The exhibit's titles and a fingerprint of what visitors read, so that a report tells
    two exhibits (or two versions of one) apart."""
    parts = [e.id for e in exhibit.events] + exhibit.all_strings()
    # each part and a NUL, hashed in one piece (one call, not one per string: a thousand
    # events hold a hundred thousand strings, and this runs before the first frame)
    digest = hashlib.sha256("".join(part + "\0" for part in parts).encode("utf-8"))

    def titles(text: Any) -> dict[str, str]:
        return {lang: text.get(lang) for lang in exhibit.languages}

    return ContentInfo(digest.hexdigest()[:12], titles(exhibit.title),
                       tuple((e.id, titles(e.title)) for e in exhibit.events))


@dataclass
class _Open:
    """A visit or a view the writer keeps current while it lasts."""

    rowid: int
    since: float  # monotonic seconds
    base_ms: int = 0

    def ms(self, now: float) -> int:
        return self.base_ms + max(0, round((now - self.since) * 1000))


class Statistics:
    """The recording side. Every public method is cheap and safe to call from the UI thread."""

    def __init__(self, path: Path, kiosk: str, program: str, *,
                 retention_days: int = RETENTION_DAYS, flush_seconds: float = FLUSH_SECONDS,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], dt.datetime] = dt.datetime.now) -> None:
        self.path = path
        self.kiosk = kiosk
        self._program = program
        self._retention = dt.timedelta(days=retention_days)
        self._flush_seconds = flush_seconds
        self._clock = clock
        self._now = now
        self._queue: queue.SimpleQueue[tuple[Any, ...]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.problem = ""  # for staff; written by the writer thread, read by the UI
        # the UI thread's view of the visit
        self._visit_since: float | None = None
        self._seq = 0

    # --- the UI thread's side ----------------------------------------------------------------

    def start(self, content: ContentInfo) -> None:
        self._queue.put(("content", content))
        self._thread = threading.Thread(target=self._run, name="kiosk-stats", daemon=True)
        self._thread.start()

    @property
    def visiting(self) -> bool:
        return self._visit_since is not None

    def set_content(self, content: ContentInfo) -> None:
        """New content (a reload): a visit in progress ends here."""
        self.visit_end("reload")
        self._queue.put(("content", content))

    def visit_start(self, language: str) -> None:
        if self._visit_since is not None:
            return
        self._visit_since = self._clock()
        self._seq = 0
        self._queue.put(("visit", self._now().strftime(TIME_FORMAT), self._visit_since,
                         language))

    def view(self, event_id: str) -> None:
        """An event came on screen (the previous one, if any, left it)."""
        if self._visit_since is not None:
            self._queue.put(("view", event_id, self._clock()))

    def action(self, kind: str, detail: str = "") -> None:
        if self._visit_since is None:
            return
        now = self._clock()
        self._seq += 1
        self._queue.put(("action", self._seq, round((now - self._visit_since) * 1000), kind,
                         detail))
        if kind == stats_db.COUNTDOWN:  # nobody is reading: the event's time stops here
            self._queue.put(("pause", now))
        elif kind == stats_db.COUNTDOWN_ANSWERED:
            self._queue.put(("resume", now))

    def visit_end(self, ending: str) -> None:
        if self._visit_since is not None:
            self._visit_since = None
            self._queue.put(("visit_end", self._clock(), ending))

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued so far is written (tests, exports, shutdown)."""
        if self._thread is None or not self._thread.is_alive():
            return False
        done = threading.Event()
        self._queue.put(("flush", done))
        return done.wait(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued and stop the writer; a visit in progress stays open in the
        file (ending NULL), as after a power cut."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(("stop",))
            self._thread.join(timeout)

    # --- the writer thread -------------------------------------------------------------------

    def _run(self) -> None:
        writer = _Writer(self)
        deadline: float | None = None
        while True:
            timeout = None
            if deadline is not None or writer.visit is not None:
                base = deadline if deadline is not None else self._clock() + self._flush_seconds
                timeout = max(0.0, base - self._clock())
            try:
                op = self._queue.get(timeout=timeout)
            except queue.Empty:
                op = None
            waiters: list[threading.Event] = []
            stop = False
            if op is not None:
                if op[0] == "flush":
                    waiters.append(op[1])
                elif op[0] == "stop":
                    stop = True
                else:
                    writer.pending.append(op)
                    if deadline is None:
                        deadline = self._clock() + self._flush_seconds
                    continue
            try:
                writer.commit()
            except Exception:  # a bug here must not end the kiosk (threads' errors do)
                log.exception("statistics: the writer failed; recording stops")
                self.problem = "Statistics stopped after an error; see the log."
                with contextlib.suppress(Exception):
                    writer.close()
                writer = _Writer(self)
                writer.paused_at = float("inf")  # never again in this run
            deadline = None
            for waiter in waiters:
                waiter.set()
            if stop:
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
    """Owns the connection; only the writer thread touches it."""

    def __init__(self, owner: Statistics) -> None:
        self.owner = owner
        self.pending: list[tuple[Any, ...]] = []
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
        ops, self.pending = self.pending, []
        now = self.owner._clock()
        replaced = self.conn is not None and self._file_gone()
        if self.conn is None:
            ops = self._open(now, ops)
            if self.conn is None:
                return
            if replaced:
                self.owner.problem = (
                    "The statistics file was deleted while the kiosk ran; a new one was "
                    f"started at {self.owner._now():%H:%M} ({self.owner.path}).")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for op in ops:
                self._apply(op)
            if self.visit is not None:
                self._keep_current(now)
            self.conn.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            self._pause(exc, now)

    def _open(self, now: float, ops: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """Open the file at the start, or again at a visit's start a while after a failure;
        returns the ops still to write. While paused, ops are dropped (the content is kept)."""
        for op in ops:
            if op[0] == "content":
                self.content = op[1]
        ops = [op for op in ops if op[0] != "content"]
        if self.paused_at is not None:
            starts = [i for i, op in enumerate(ops) if op[0] == "visit"]
            if not starts or now - self.paused_at < RETRY_SECONDS:
                return []
            ops = ops[starts[0]:]  # what came before belongs to a visit not recorded
        try:
            self.conn, message = stats_db.open_for_writing(self.owner.path, self.owner._now)
            self.identity = _file_identity(self.owner.path)
            newest = stats_db.newest_visit(self.conn)
            if self.sane is None and newest is not None:
                self.sane = (newest, now)
            if self.content is not None:
                self._use_content(self.content)
            self._retention()
        except (sqlite3.Error, OSError, stats_db.StatsFileError) as exc:
            self._pause(exc, now)
            return []
        if self.paused_at is not None:
            log.info("statistics: recording again")
        self.paused_at = None
        self.owner.problem = message
        return ops

    def _file_gone(self) -> bool:
        """Deleted (or replaced) under the running kiosk? SQLite would go on writing into the
        deleted file, and every later visit would be lost without a word: close it (SQLite
        then removes its WAL), so that the next commit starts a new file. One stat a commit."""
        if self.identity is None or _file_identity(self.owner.path) == self.identity:
            return False
        log.error("statistics: %s was deleted or replaced while the kiosk ran; starting a "
                  "new file", self.owner.path)
        assert self.conn is not None
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self.conn = None
        self.visit = self.view = self.last_view = None  # its row went with the old file
        return True

    def _pause(self, exc: BaseException, now: float) -> None:
        what = stats_db.problem_kind(exc)
        if self.paused_at is None:
            log.error("statistics: recording paused: %s (%s)", what, self.owner.path)
        self.owner.problem = f"Statistics are not being recorded: {what} ({self.owner.path})."
        self.paused_at = now
        self.visit = self.view = self.last_view = None
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
        self.conn = None

    def _use_content(self, content: ContentInfo) -> None:
        assert self.conn is not None
        self.conn.execute("BEGIN IMMEDIATE")
        self.setup = stats_db.setup_id(self.conn, self.owner.kiosk, content, self.owner._program)
        self.conn.execute("COMMIT")
        self.events = stats_db.event_ids(self.conn, content.version)

    def reference_time(self) -> dt.datetime:
        """The time retention counts back from: the wall clock, but never later than the
        newest visit recorded before this run plus the time this run has certainly lasted
        (the monotonic clock). A clock set 400 days ahead for one session (a dead RTC
        battery, a wrong NTP answer, a typo) then deletes nothing a right clock would keep;
        a clock behind deletes nothing at all. The price: after the kiosk was really off for
        a long time, visits older than the retention go one run later (once the file holds a
        visit at the new time), never earlier."""
        now = self.owner._now()
        if self.sane is None:
            return now
        newest, since = self.sane
        return min(now, newest + dt.timedelta(seconds=max(0.0, self.owner._clock() - since)))

    def _retention(self) -> None:
        today = self.owner._now().date()
        if self.conn is not None and self.retention_checked != today:
            self.retention_checked = today
            reference = self.reference_time()
            gone = stats_db.delete_older_than(self.conn, reference - self.owner._retention)
            if gone:
                log.info("statistics: %d visits older than %d days (before %s) deleted", gone,
                         self.owner._retention.days, reference.strftime(TIME_FORMAT))
            elif reference < self.owner._now() - dt.timedelta(days=1):
                log.warning("statistics: the clock says %s, but the newest visit recorded "
                            "before this run is %s: retention counts from %s",
                            self.owner._now().strftime(TIME_FORMAT),
                            self.sane[0].strftime(TIME_FORMAT) if self.sane else "-",
                            reference.strftime(TIME_FORMAT))

    def _apply(self, op: tuple[Any, ...]) -> None:
        assert self.conn is not None
        kind = op[0]
        if kind == "content":
            self.content = op[1]
            self.conn.execute("COMMIT")
            self._use_content(op[1])
            self.conn.execute("BEGIN IMMEDIATE")
        elif kind == "visit":
            _, started, since, language = op
            if self.retention_checked != self.owner._now().date():
                self.conn.execute("COMMIT")
                self._retention()
                self.conn.execute("BEGIN IMMEDIATE")
            cursor = self.conn.execute(
                "INSERT INTO visits (setup, started, duration_ms, ending, language) "
                "VALUES (?, ?, 0, NULL, ?)", (self.setup, started, language))
            self.visit = _Open(int(cursor.lastrowid or 0), since)
            self.view = self.last_view = None
            self.seen = {}
        elif self.visit is None:
            return  # the visit's start was not recorded (paused): neither is the rest
        elif kind == "view":
            _, event_id, since = op
            self._end_view(since)
            event = self.events.get(event_id)
            if event is None:
                return
            if event in self.seen:
                self.conn.execute("UPDATE views SET views = views + 1 WHERE visit = ? AND "
                                  "event = ?", (self.visit.rowid, event))
            else:
                self.conn.execute("INSERT INTO views (visit, event, views, duration_ms) "
                                  "VALUES (?, ?, 1, 0)", (self.visit.rowid, event))
                self.seen[event] = 0
            self.view = _Open(event, since, self.seen[event])
        elif kind == "action":
            _, seq, at_ms, what, detail = op
            self.conn.execute("INSERT INTO actions (visit, seq, at_ms, kind, detail) "
                              "VALUES (?, ?, ?, ?, ?)", (self.visit.rowid, seq, at_ms, what,
                                                         detail))
        elif kind == "pause":
            self._end_view(op[1])
        elif kind == "resume":
            if self.view is None and self.last_view is not None:
                self.view = _Open(self.last_view.rowid, op[1], self.last_view.base_ms)
        elif kind == "visit_end":
            _, until, ending = op
            self._end_view(until)
            self.conn.execute("UPDATE visits SET duration_ms = ?, ending = ? WHERE id = ?",
                              (self.visit.ms(until), ending, self.visit.rowid))
            self.visit = self.view = self.last_view = None

    def _end_view(self, until: float) -> None:
        if self.view is not None and self.visit is not None and self.conn is not None:
            ms = self.view.ms(until)
            self.conn.execute("UPDATE views SET duration_ms = ? WHERE visit = ? AND event = ?",
                              (ms, self.visit.rowid, self.view.rowid))
            self.seen[self.view.rowid] = ms
            self.last_view = _Open(self.view.rowid, until, ms)
            self.view = None

    def _keep_current(self, now: float) -> None:
        """Durations so far, so that a killed kiosk loses only the last few seconds."""
        assert self.conn is not None and self.visit is not None
        self.conn.execute("UPDATE visits SET duration_ms = ? WHERE id = ?",
                          (self.visit.ms(now), self.visit.rowid))
        if self.view is not None:
            self.conn.execute("UPDATE views SET duration_ms = ? WHERE visit = ? AND event = ?",
                              (self.view.ms(now), self.visit.rowid, self.view.rowid))

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.execute("PRAGMA optimize")
                self.conn.close()
            except sqlite3.Error as exc:
                log.warning("statistics: closing: %s", exc)
        self.conn = None

