"""The statistics database: one SQLite file, its schema, migrations, retention and repair.

Plain Python (no Qt): the kiosk's writer thread, the staff panel and `kiosk stats` all open
the file through here. Nothing in it identifies a person: a visit is a start time, a length,
how it ended, the events shown and the controls used.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.stats")

FILE_NAME = "statistics.sqlite3"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # local time, as staff read it; sorts as text

# How a visit ended. NULL in the file: the kiosk stopped (crash, power) during the visit.
ENDINGS = ("timeout", "home", "reload")
# What a visitor did during a visit, besides reading events (the `actions` table).
PHOTO_OPEN, PHOTO_ZOOM, LANGUAGE, OPTION = "photo_open", "photo_zoom", "language", "option"
# A countdown's detail is how many ms nobody had touched the screen when it began (empty in
# older files): the report leaves that time out of a visit's time in use.
COUNTDOWN, COUNTDOWN_ANSWERED = "countdown", "countdown_answered"
# Videos and sounds (issue 19): "event:video" when a visitor taps play; when the player lets
# go, "event:percent watched:captions language" ("off" when captions were off or absent)
MEDIA_PLAY, MEDIA_WATCHED = "media_play", "media_watched"

# Schema version N is reached by running MIGRATIONS[0..N-1] in order, each in one
# transaction; `PRAGMA user_version` holds N. Never edit a released step: add one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE setups (          -- a kiosk with one content version and program version
        id INTEGER PRIMARY KEY,
        kiosk TEXT NOT NULL,       -- the kiosk_name setting
        content TEXT NOT NULL,     -- the content's fingerprint (ContentInfo.version)
        program TEXT NOT NULL,     -- the kiosk program's version
        exhibit TEXT NOT NULL,     -- the exhibit's title, JSON {"en": ..., "zh": ...}
        event_count INTEGER NOT NULL,
        UNIQUE (kiosk, content, program)
    );
    CREATE TABLE events (          -- the story as one content version tells it
        id INTEGER PRIMARY KEY,
        content TEXT NOT NULL,
        key TEXT NOT NULL,         -- the event's id in the content
        position INTEGER NOT NULL, -- its place in the story, from 1
        titles TEXT NOT NULL,      -- JSON {"en": ..., "zh": ...}
        UNIQUE (content, key)
    );
    CREATE TABLE visits (          -- first touch after the welcome screen to the return to it
        id INTEGER PRIMARY KEY,
        setup INTEGER NOT NULL,
        started TEXT NOT NULL,     -- local time, 'YYYY-MM-DD HH:MM:SS'
        duration_ms INTEGER NOT NULL,  -- kept current every few seconds while it lasts
        ending TEXT,               -- 'timeout', 'home', 'reload'; NULL: the kiosk stopped
        language TEXT NOT NULL     -- at the start of the visit
    );
    CREATE INDEX visits_started ON visits (started);
    CREATE TABLE views (           -- the events a visit showed: how often, how long in all
        visit INTEGER NOT NULL,
        event INTEGER NOT NULL,
        views INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        PRIMARY KEY (visit, event)
    ) WITHOUT ROWID;
    CREATE INDEX views_by_event ON views (event, views, duration_ms);  -- reports: no sorting
    CREATE TABLE actions (         -- photo opens and zooms, language switches, options, idle
        visit INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at_ms INTEGER NOT NULL,    -- since the visit started
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (visit, seq)
    ) WITHOUT ROWID;
    """,
    """
    -- the release shown (kiosk.releases: its folder name), '' for a content folder
    ALTER TABLE setups ADD COLUMN release TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StatsFileError(Exception):
    """The file cannot be used: damaged, from a newer kiosk, or not a statistics file."""


class NewerFileError(StatsFileError):
    """Written by a newer kiosk: read nothing into it, write nothing to it."""


@dataclass(frozen=True)
class ContentInfo:
    """What a report needs to know of the exhibit, kept with the statistics so that a
    report needs no content folder."""

    version: str
    exhibit: dict[str, str]
    events: tuple[tuple[str, dict[str, str]], ...]  # (event id, titles), in story order
    release: str = ""  # the release shown (its folder name); "" for a content folder


def default_path() -> Path:
    """This kiosk's file: in the state folder, beside the log."""
    from kiosk.services.logs import log_dir

    return log_dir() / FILE_NAME


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit)."""
    if readonly:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout=2000")
    return conn


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to SCHEMA_VERSION; returns the version it had."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerFileError(f"made by a newer kiosk (schema {version}, this kiosk reads up "
                             f"to {SCHEMA_VERSION})")
    for step in range(version, SCHEMA_VERSION):
        try:
            conn.executescript(f"BEGIN IMMEDIATE; {MIGRATIONS[step]}; "
                               f"PRAGMA user_version={step + 1}; COMMIT;")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version


def check(conn: sqlite3.Connection) -> None:
    """Raise StatsFileError if the file is damaged or not a database. Other errors (locked,
    read-only, disk full) are no damage: they propagate."""
    try:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if not getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT",
                                                                 "SQLITE_NOTADB")):
            raise
        raise StatsFileError(str(exc)) from exc
    if result != "ok":
        raise StatsFileError(f"damaged ({result})")


def open_for_writing(path: Path, now: Callable[[], dt.datetime] = dt.datetime.now
                     ) -> tuple[sqlite3.Connection, str]:
    """Open (or create) the file for recording. A damaged file is moved aside, kept for
    staff, and a new one started; returns the connection and a message for staff ('' when
    all is well). Raises sqlite3.Error or OSError when the disk does not allow writing, and
    NewerFileError for a file this kiosk must not touch."""
    conn = connect(path)
    try:
        check(conn)
        migrate(conn)
        return _for_writing(conn), ""
    except StatsFileError as exc:
        conn.close()
        if isinstance(exc, NewerFileError):
            raise
        kept = move_aside(path, now())
        message = (f"The statistics file was damaged ({exc}); it was kept as {kept.name} "
                   "and a new one started.")
    except BaseException:
        conn.close()
        raise
    log.error("statistics: %s", message)
    conn = connect(path)
    migrate(conn)
    return _for_writing(conn), message


def _for_writing(conn: sqlite3.Connection) -> sqlite3.Connection:
    """WAL: readers (the staff panel, an export) never wait for the writer, and with
    synchronous=NORMAL a crash of the program loses no committed visit."""
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    return conn


def move_aside(path: Path, when: dt.datetime) -> Path:
    """Rename a damaged file (and its WAL) to `<name>.damaged-<time>`; nothing is deleted."""
    kept = path.with_name(f"{path.stem}.damaged-{when:%Y%m%d-%H%M%S}{path.suffix}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            shutil.move(source, Path(f"{kept}{suffix}"))
    return kept


def open_for_reading(path: Path) -> sqlite3.Connection:
    """Open a statistics file (maybe copied from another kiosk) for a report."""
    if not path.is_file():
        raise StatsFileError("no such file")
    try:
        conn = connect(path, readonly=True)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StatsFileError(f"not a statistics file ({exc})") from exc
    if version > SCHEMA_VERSION:
        conn.close()
        raise NewerFileError(f"made by a newer kiosk (schema {version}); update this kiosk")
    if version < SCHEMA_VERSION:
        # An older file: migrate a private copy in memory, never the staff's file.
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.backup(memory)
        conn.close()
        migrate(memory)
        conn = memory
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if not {"visits", "views", "actions", "setups", "events"} <= tables:
        conn.close()
        raise StatsFileError("not a statistics file (tables missing)")
    return conn


def setup_id(conn: sqlite3.Connection, kiosk: str, content: ContentInfo, program: str) -> int:
    """The row for this kiosk, content and program, with the content's events (titles)."""
    conn.execute("INSERT OR IGNORE INTO setups (kiosk, content, program, exhibit, event_count, "
                 "release) VALUES (?, ?, ?, ?, ?, ?)",
                 (kiosk, content.version, program,
                  json.dumps(content.exhibit, ensure_ascii=False), len(content.events),
                  content.release))
    conn.executemany(
        "INSERT OR IGNORE INTO events (content, key, position, titles) VALUES (?, ?, ?, ?)",
        [(content.version, key, position, json.dumps(titles, ensure_ascii=False))
         for position, (key, titles) in enumerate(content.events, start=1)])
    row = conn.execute("SELECT id FROM setups WHERE kiosk = ? AND content = ? AND program = ?",
                       (kiosk, content.version, program)).fetchone()
    return int(row[0])


def event_ids(conn: sqlite3.Connection, content: str) -> dict[str, int]:
    return {key: int(rowid) for rowid, key in
            conn.execute("SELECT id, key FROM events WHERE content = ?", (content,))}


def newest_visit(conn: sqlite3.Connection) -> dt.datetime | None:
    """When the newest recorded visit started; None for no visit (or a time not ours)."""
    row = conn.execute("SELECT max(started) FROM visits").fetchone()
    try:
        return dt.datetime.strptime(str(row[0]), TIME_FORMAT) if row[0] is not None else None
    except ValueError:
        return None


def delete_older_than(conn: sqlite3.Connection, cutoff: dt.datetime) -> int:
    """Retention: forget visits that started before `cutoff`; returns how many. In the
    transaction under way, or in one of its own."""
    limit = cutoff.strftime(TIME_FORMAT)
    old = "(SELECT id FROM visits WHERE started < ?)"
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"DELETE FROM views WHERE visit IN {old}", (limit,))
        conn.execute(f"DELETE FROM actions WHERE visit IN {old}", (limit,))
        count = conn.execute("DELETE FROM visits WHERE started < ?", (limit,)).rowcount
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    return int(count)


def visits_per_day(conn: sqlite3.Connection, first_day: dt.date, last_day: dt.date
                   ) -> list[tuple[str, int, int]]:
    """(day, visits, total visit time in ms) for each day in the range, zeros included."""
    rows = dict(
        (day, (int(n), int(ms or 0))) for day, n, ms in conn.execute(
            "SELECT substr(started, 1, 10), count(*), sum(duration_ms) FROM visits "
            "WHERE started >= ? AND started < ? GROUP BY 1",
            (first_day.isoformat(), (last_day + dt.timedelta(days=1)).isoformat())))
    days = [first_day + dt.timedelta(days=i) for i in range((last_day - first_day).days + 1)]
    return [(d.isoformat(), *rows.get(d.isoformat(), (0, 0))) for d in days]


def problem_kind(exc: BaseException) -> str:
    """A short, staff-readable name for a write failure."""
    name = getattr(exc, "sqlite_errorname", "")
    if name.startswith("SQLITE_FULL") or "full" in str(exc):
        return "the disk is full"
    if name.startswith("SQLITE_READONLY") or "readonly" in str(exc) or "read-only" in str(exc):
        return "the disk or file is read-only"
    return str(exc) or type(exc).__name__


# --- the writer's statements (kiosk.ui.statistics.writer): a visit as rows ------------------------

def begin(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")


def commit(conn: sqlite3.Connection) -> None:
    conn.execute("COMMIT")


@contextlib.contextmanager
def one_record(conn: sqlite3.Connection) -> Iterator[None]:
    """A savepoint around one record's statements: a record that fails leaves nothing of
    itself, and the records before and after it in the transaction are kept."""
    conn.execute("SAVEPOINT record")
    try:
        yield
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # the transaction may be gone (disk full)
            conn.execute("ROLLBACK TO record")
            conn.execute("RELEASE record")
        raise
    conn.execute("RELEASE record")


def is_file_problem(exc: BaseException) -> bool:
    """A failure of the disk or the file (full, read-only, locked, damaged, gone), which
    pauses recording; anything else (a constraint, a value SQLite cannot store, a bug) is
    the fault of one record."""
    return isinstance(exc, OSError) or type(exc) in (sqlite3.OperationalError,
                                                     sqlite3.DatabaseError)


def insert_visit(conn: sqlite3.Connection, setup: int, started: str, language: str) -> int:
    """A visit that has begun: length 0 and no ending until it ends (or the kiosk stops)."""
    cursor = conn.execute("INSERT INTO visits (setup, started, duration_ms, ending, language) "
                          "VALUES (?, ?, 0, NULL, ?)", (setup, started, language))
    return int(cursor.lastrowid or 0)


def set_visit_length(conn: sqlite3.Connection, visit: int, ms: int,
                     ending: str | None = None) -> None:
    """The visit's length so far, or at its end (with how it ended)."""
    if ending is None:
        conn.execute("UPDATE visits SET duration_ms = ? WHERE id = ?", (ms, visit))
    else:
        conn.execute("UPDATE visits SET duration_ms = ?, ending = ? WHERE id = ?",
                     (ms, ending, visit))


def add_view(conn: sqlite3.Connection, visit: int, event: int, again: bool) -> None:
    """The event came on screen during the visit (`again`: not for the first time)."""
    if again:
        conn.execute("UPDATE views SET views = views + 1 WHERE visit = ? AND event = ?",
                     (visit, event))
    else:
        conn.execute("INSERT INTO views (visit, event, views, duration_ms) "
                     "VALUES (?, ?, 1, 0)", (visit, event))


def set_view_length(conn: sqlite3.Connection, visit: int, event: int, ms: int) -> None:
    conn.execute("UPDATE views SET duration_ms = ? WHERE visit = ? AND event = ?",
                 (ms, visit, event))


def insert_action(conn: sqlite3.Connection, visit: int, seq: int, at_ms: int, kind: str,
                  detail: str) -> None:
    conn.execute("INSERT INTO actions (visit, seq, at_ms, kind, detail) VALUES (?, ?, ?, ?, ?)",
                 (visit, seq, at_ms, kind, detail))


def close_writer(conn: sqlite3.Connection) -> None:
    """Close the writer's connection, leaving the planner's statistics up to date."""
    try:
        conn.execute("PRAGMA optimize")
        conn.close()
    except sqlite3.Error as exc:
        log.warning("statistics: closing: %s", exc)


def close_quietly(conn: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        conn.close()


def copy_file(path: Path, target: Path) -> None:
    """A consistent copy of the statistics file, even while the kiosk writes: one file (no
    WAL beside it) to carry away on a USB stick."""
    source = open_for_reading(path)
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    finally:
        source.close()


# --- the report's queries (kiosk.ui.statistics.report) --------------------------------------
# Raw rows: a report reads files copied from other kiosks, maybe damaged or edited, so the
# report checks every value's type itself. `window` is (first day, day after the last) as
# 'YYYY-MM-DD' text; None where every visit counts.

Row = tuple[Any, ...]
Window = tuple[str, str]
_IN_WINDOW = "(SELECT id FROM visits WHERE started >= ? AND started < ?)"
# A visit's last countdown, "<ms into the visit> <ms nobody had touched>", where the
# countdown ended it (by the key (visit, seq)); one parameter: COUNTDOWN
_LAST_COUNTDOWN = ("CASE WHEN ending = 'timeout' THEN (SELECT at_ms || ' ' || detail FROM "
                   "actions WHERE visit = visits.id AND kind = ? ORDER BY seq DESC LIMIT 1) END")


def setups(conn: sqlite3.Connection) -> Iterator[Row]:
    """(id, kiosk, content, exhibit titles as JSON, release) of every setup (a file from
    before releases, read as it is, has '' for each release)."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(setups)")}
    release = "release" if "release" in columns else "''"
    return conn.execute(f"SELECT id, kiosk, content, exhibit, {release} FROM setups")


def undated_visits(conn: sqlite3.Connection) -> int:
    """Visits whose start is no local time: they fall outside every window."""
    (count,) = conn.execute(
        "SELECT count(*) FROM visits WHERE typeof(started) != 'text' OR started NOT GLOB "
        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9][ T][0-9][0-9]*'").fetchone()
    return int(count)


def visits_by_hour(conn: sqlite3.Connection, window: Window) -> Iterator[Row]:
    """(setup, 'YYYY-MM-DD HH', ending, language, visits), counted in SQL in one pass."""
    return conn.execute(
        "SELECT setup, substr(started, 1, 13), ending, language, count(*) FROM visits "
        "WHERE started >= ? AND started < ? GROUP BY 1, 2, 3, 4", window)


def visit_lengths(conn: sqlite3.Connection, setup: int, window: Window) -> Iterator[Row]:
    """('YYYY-MM-DD HH', length in ms, last countdown or None) of each of a setup's visits."""
    return conn.execute(f"SELECT substr(started, 1, 13), duration_ms, {_LAST_COUNTDOWN} "
                        "FROM visits WHERE setup = ? AND started >= ? AND started < ?",
                        (COUNTDOWN, setup, *window))


def lengths_since(conn: sqlite3.Connection, since: dt.date) -> Iterator[Row]:
    """(length in ms, last countdown or None) of each visit from `since` on."""
    return conn.execute(f"SELECT duration_ms, {_LAST_COUNTDOWN} FROM visits WHERE started >= ?",
                        (COUNTDOWN, since.isoformat()))


def total_views(conn: sqlite3.Connection, window: Window) -> object:
    (views,) = conn.execute(f"SELECT sum(views) FROM views WHERE visit IN {_IN_WINDOW}",
                            window).fetchone()
    return views


def events(conn: sqlite3.Connection) -> Iterator[Row]:
    """(id, content, key, position, titles as JSON), oldest first."""
    return conn.execute("SELECT id, content, key, position, titles FROM events ORDER BY id")


def _chosen(window: Window | None) -> tuple[str, tuple[str, ...]]:
    return (f"WHERE visit IN {_IN_WINDOW}", window) if window else ("", ())


def views_by_event(conn: sqlite3.Connection, window: Window | None) -> Iterator[Row]:
    """(event, views, ms on screen, visits that showed it)."""
    chosen, args = _chosen(window)
    return conn.execute("SELECT event, sum(views), sum(duration_ms), count(*) "
                        f"FROM views {chosen} GROUP BY event", args)


def setups_with_visits(conn: sqlite3.Connection, window: Window) -> list[object]:
    return [setup for (setup,) in conn.execute(
        "SELECT DISTINCT setup FROM visits WHERE started >= ? AND started < ?", window)]


def events_per_visit(conn: sqlite3.Connection, window: Window | None,
                     kiosk: str | None) -> Iterator[Row]:
    """(kiosk, events seen, visits, views): how many events visits saw. `kiosk`: the file
    holds one kiosk's visits (no need to look each visit's up)."""
    chosen, args = _chosen(window)
    per_visit = ("SELECT visit, count(*) AS seen, sum(views) AS shown FROM views "
                 f"{chosen} GROUP BY visit")
    if kiosk is not None:
        return conn.execute(f"SELECT ?, seen, count(*), sum(shown) FROM ({per_visit}) "
                            "GROUP BY 1, 2", (kiosk, *args))
    return conn.execute(f"SELECT kiosk, seen, count(*), sum(shown) FROM ({per_visit}) JOIN "
                        "visits ON visits.id = visit JOIN setups ON setups.id = setup "
                        "GROUP BY 1, 2", args)


def actions_by_kind(conn: sqlite3.Connection, window: Window | None) -> Iterator[Row]:
    """(kind, detail, times, visits with it)."""
    chosen, args = _chosen(window)
    return conn.execute(f"SELECT kind, detail, count(*), count(DISTINCT visit) FROM actions "
                        f"{chosen} GROUP BY kind, detail", args)


def language_switches(conn: sqlite3.Connection, window: Window) -> Iterator[Row]:
    """(language, visits that switched to it having begun in another)."""
    return conn.execute(
        "SELECT detail, count(DISTINCT visit) FROM actions JOIN visits ON id = visit "
        "WHERE kind = ? AND detail != language AND started >= ? AND started < ? "
        "GROUP BY detail", (LANGUAGE, *window))
