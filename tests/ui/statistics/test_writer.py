"""The statistics file and its writer: what a visit leaves in it, and faults that lose
nothing that matters (a killed kiosk, a damaged file, a full or read-only disk)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from kiosk.services import exits
from kiosk.ui.statistics import database as stats_db
from kiosk.ui.statistics.database import ContentInfo
from kiosk.ui.statistics.records import (
    CountdownAnswered,
    CountdownShown,
    OptionTurnedOn,
    PhotoOpened,
)
from kiosk.ui.statistics.report import build
from kiosk.ui.statistics.writer import CLOSE_SECONDS, RETRY_SECONDS, Statistics, _Writer
from tests.conftest import ROOT, FakeClock

CONTENT = ContentInfo("c1", {"en": "Exhibit", "zh": "展览"},
                      (("first", {"en": "First", "zh": "第一"}),
                       ("second", {"en": "Second", "zh": "第二"})))


def recorder(path: Path, clock: FakeClock, **kwargs: object) -> Statistics:
    stats = Statistics(path, "Hall A", "0.1.0", clock=clock, now=clock.now,
                       **kwargs)  # type: ignore[arg-type]
    stats.start(CONTENT)
    return stats


def ten_o_clock() -> FakeClock:
    clock = FakeClock()
    clock.at("10:00")
    return clock


def short_visit(stats: Statistics, clock: FakeClock, event: str = "first",
                seconds: float = 5) -> None:
    stats.visit_start("en")
    stats.view(event)
    clock.wait(seconds)
    stats.visit_end("home")


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_a_visit_becomes_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock)
    stats.visit_start("en")
    stats.view("first")
    clock.wait(12)
    stats.note(PhotoOpened())
    clock.wait(8)
    stats.view("second")
    clock.wait(30)
    stats.view("first")  # back again: a second view of the same event
    clock.wait(5)
    stats.note(CountdownShown())  # the event's time stops here
    clock.wait(20)
    stats.visit_end("timeout")
    stats.close()
    assert rows(path, "SELECT started, duration_ms, ending, language FROM visits") == [
        ("2026-11-24 10:00:00", 75_000, "timeout", "en")]
    assert rows(path, "SELECT e.key, v.views, v.duration_ms FROM views v "
                      "JOIN events e ON e.id = v.event ORDER BY e.key") == [
        ("first", 2, 25_000), ("second", 1, 30_000)]
    assert rows(path, "SELECT at_ms, kind FROM actions ORDER BY seq") == [
        (12_000, "photo_open"), (55_000, "countdown")]
    assert rows(path, "PRAGMA journal_mode") == [("wal",)]
    assert rows(path, "PRAGMA user_version") == [(stats_db.SCHEMA_VERSION,)]


def test_answered_countdown_resumes_the_event(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock)
    stats.visit_start("zh")
    stats.view("first")
    clock.wait(10)
    stats.note(CountdownShown())
    clock.wait(4)
    stats.note(CountdownAnswered())
    clock.wait(6)
    stats.visit_end("home")
    stats.close()
    assert rows(path, "SELECT views, duration_ms FROM views") == [(1, 16_000)]
    assert rows(path, "SELECT duration_ms, ending FROM visits") == [(20_000, "home")]


def test_a_visit_in_progress_is_kept_current(tmp_path: Path) -> None:
    """What a killed kiosk leaves: the open visit and event, up to the last commit."""
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock)
    stats.visit_start("en")
    stats.view("second")
    clock.wait(42)
    assert stats.flush()
    assert rows(path, "SELECT duration_ms, ending FROM visits") == [(42_000, None)]
    assert rows(path, "SELECT duration_ms FROM views") == [(42_000,)]
    stats.close()


KILLED = """
import datetime, sys
from pathlib import Path
from kiosk.ui.statistics.writer import Statistics
from kiosk.ui.statistics.database import ContentInfo
seconds = [36_000.0]  # the fake monotonic clock: 10:00, moved by the test only
stats = Statistics(Path(sys.argv[1]), "Hall A", "0.1.0", flush_seconds=0.2,
                   clock=lambda: seconds[0],
                   now=lambda: datetime.datetime(2026, 11, 24) + datetime.timedelta(seconds=seconds[0]))
stats.start(ContentInfo("c1", {"en": "E"}, (("first", {"en": "First"}),)))
stats.visit_start("en")
stats.view("first")
print("visiting", flush=True)
for line in sys.stdin:  # "wait S": the visitor reads on for S seconds more
    seconds[0] += float(line.split()[1])
"""


def test_a_killed_kiosk_loses_at_most_the_last_seconds(tmp_path: Path) -> None:
    """The writer brings the open visit's durations up to date every few seconds by itself
    (no flush, no close): a kiosk killed mid-visit leaves them as of its last write. The child's
    clock is a fake one the test moves, so the figures are exact."""
    path = tmp_path / "s.sqlite3"
    durations = "SELECT v.duration_ms, w.duration_ms FROM visits v JOIN views w ON w.visit = v.id"

    def written() -> list[tuple[object, ...]]:
        try:
            return rows(path, durations)
        except sqlite3.OperationalError:  # not created yet
            return []

    def until(expected: list[tuple[object, ...]]) -> None:
        deadline = time.monotonic() + 20
        while written() != expected:
            assert time.monotonic() < deadline, f"{written()} is not {expected} after 20 s"
            time.sleep(0.02)  # polling another process's file: there is no signal to wait on

    with subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILLED), str(path)],
                          cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                          encoding="utf-8") as child:
        assert child.stdin is not None and child.stdout is not None
        assert child.stdout.readline().strip() == "visiting"
        child.stdin.write("wait 3\n")
        child.stdin.flush()
        until([(3_000, 3_000)])
        child.stdin.write("wait 4.5\n")
        child.stdin.flush()
        until([(7_500, 7_500)])
        child.kill()  # no chance to write anything more
        child.wait(10)
    [(ending,)] = rows(path, "SELECT ending FROM visits")
    assert ending is None  # the kiosk stopped during the visit
    assert written() == [(7_500, 7_500)]


def garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, just bytes from a bad USB stick" * 100)


def torn(path: Path) -> None:
    """A real statistics file with pages overwritten, as a failing disk leaves it."""
    clock = ten_o_clock()
    stats = recorder(path, clock)
    for _ in range(300):
        short_visit(stats, clock, "second", 7)
    stats.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), 3 * page):
        data[start:start + 600] = bytes(range(200)) * 3
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [garbage, torn])
def test_a_damaged_file_is_kept_and_a_new_one_started(tmp_path: Path, damage: object) -> None:
    path = tmp_path / "s.sqlite3"
    damage(path)  # type: ignore[operator]
    before = path.read_bytes()
    clock = ten_o_clock()
    stats = recorder(path, clock)
    short_visit(stats, clock, "first", 5)
    stats.close()
    kept = list(tmp_path.glob("s.damaged-*.sqlite3"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == before  # kept as it was, for staff
    assert stats.problem.startswith("The statistics file was damaged")
    assert kept[0].name in stats.problem
    assert rows(path, "SELECT duration_ms, ending FROM visits") == [(5000, "home")]


def test_a_full_disk_pauses_recording_and_the_kiosk_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock)
    short_visit(stats, clock, "first", 5)
    assert stats.flush()
    # From now on the "disk" holds not one page more: SQLite reports SQLITE_FULL.
    conn = sqlite3.connect(path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    real_connect = stats_db.connect

    def full_disk(*args: object, **kwargs: object) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)  # type: ignore[arg-type]
        conn.execute(f"PRAGMA max_page_count={pages}")
        return conn

    monkeypatch.setattr(stats_db, "connect", full_disk)
    stats.close()
    stats = recorder(path, clock)
    for _ in range(200):  # many visits: the file would have to grow
        stats.visit_start("en")
        stats.view("second")
        clock.wait(5)
        stats.note(OptionTurnedOn("large_text" * 50))
        stats.visit_end("home")
    assert stats.flush()
    assert stats.problem.startswith("Statistics are not being recorded: the disk is full")
    assert "recording paused: the disk is full" in caplog.text
    stats.close()
    assert rows(path, "SELECT count(*) FROM visits")[0][0] >= 1  # what was written stays


def test_a_folder_that_cannot_be_written_pauses_recording(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    clock = ten_o_clock()
    stats = recorder(blocker / "s.sqlite3", clock)
    short_visit(stats, clock, "first", 0)
    assert stats.flush()
    assert stats.problem.startswith("Statistics are not being recorded")
    stats.close()


def test_a_record_sqlite_refuses_is_logged_and_the_next_one_stored(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A bad record (here an option with no name: NOT NULL fails) costs that record only."""
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock)
    stats.visit_start("en")
    stats.view("first")
    clock.wait(3)
    stats.note(OptionTurnedOn(None))  # type: ignore[arg-type]  # what a bug would send
    clock.wait(2)
    stats.note(PhotoOpened())
    stats.visit_end("home")
    assert stats.flush()
    assert "a record could not be stored and is left out: ActionTaken(action=OptionTurned" \
           "On(option=None)" in caplog.text
    assert "IntegrityError" in caplog.text
    assert stats.problem == ""
    short_visit(stats, clock, "second", 4)  # and the writer goes on
    stats.close()
    assert rows(path, "SELECT at_ms, kind FROM actions") == [(5000, "photo_open")]
    assert rows(path, "SELECT duration_ms, ending FROM visits") == [(5000, "home"),
                                                                    (4000, "home")]


def test_a_bug_in_the_writer_loses_the_batch_not_the_recording(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """A failure outside any one record (here: keeping the visit current) is logged, staff
    are told, and a later visit is recorded again."""
    path = tmp_path / "s.sqlite3"
    real = _Writer._keep_current
    broken = [True]

    def keep_current(self: _Writer, now: float) -> None:
        if broken[0]:
            raise RuntimeError("a bug")
        real(self, now)

    monkeypatch.setattr(_Writer, "_keep_current", keep_current)
    clock = ten_o_clock()
    stats = recorder(path, clock)
    stats.visit_start("en")
    assert stats.flush()
    assert "the writer failed" in caplog.text
    assert stats.problem.startswith("Statistics met an error")
    stats.visit_end("home")
    broken[0] = False
    clock.wait(RETRY_SECONDS)
    short_visit(stats, clock, "second", 4)
    assert stats.flush()
    assert stats.problem == ""
    stats.close()
    assert rows(path, "SELECT duration_ms, ending FROM visits") == [(4000, "home")]


def test_a_stuck_disk_cannot_hold_the_stop_past_the_supervisor_grace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The supervisor kills a kiosk STOP_GRACE_SECONDS after asking it to stop: the writer's
    close gives up well before, and says so."""
    stuck = threading.Event()
    release = threading.Event()
    real = stats_db.insert_visit

    def slow_insert(*args: object) -> int:
        stuck.set()
        release.wait(30)  # a disk that does not answer
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stats_db, "insert_visit", slow_insert)
    clock = ten_o_clock()
    stats = recorder(tmp_path / "s.sqlite3", clock)
    stats.visit_start("en")
    stats.flush(0)  # commit now
    assert stuck.wait(10)
    started = time.monotonic()
    assert stats.close() is False
    took = time.monotonic() - started
    release.set()
    assert CLOSE_SECONDS <= exits.STOP_GRACE_SECONDS / 2
    assert took < exits.STOP_GRACE_SECONDS - 1  # room left for the rest of the shutdown


def test_problem_listeners_hear_each_change_once(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    clock = ten_o_clock()
    stats = Statistics(blocker / "s.sqlite3", "Hall A", "0.1.0", clock=clock, now=clock.now)
    heard: list[str] = []
    stats.add_problem_listener(heard.append)
    stats.start(CONTENT)
    short_visit(stats, clock, "first", 0)
    short_visit(stats, clock, "first", 0)
    assert stats.flush()
    stats.close()
    assert len(heard) == 1 and heard[0].startswith("Statistics are not being recorded")


def test_retention_deletes_old_visits(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    clock.wait(-400 * 86400)  # a visit 400 days ago
    stats = recorder(path, clock, retention_days=365)
    short_visit(stats, clock, "first", 0)
    stats.close()
    clock.wait(400 * 86400)
    stats = recorder(path, clock, retention_days=365)
    short_visit(stats, clock, "second", 0)
    stats.close()
    # the file vouches for no time after the old visit yet: a jump of 400 days is believed
    # only once a visit at the new time is recorded, at the next start
    assert len(visits(path)) == 2
    clock.wait(3600)
    stats = recorder(path, clock, retention_days=365)
    stats.close()
    assert rows(path, "SELECT started FROM visits") == [("2026-11-24 10:00:00",)]
    assert rows(path, "SELECT count(*) FROM views") == [(1,)]


# The schema as version 1 was released. Frozen here on purpose: the current code must keep
# reading files written by it (through migrations), whatever the schema becomes.
V1_FILE = """
CREATE TABLE setups (id INTEGER PRIMARY KEY, kiosk TEXT NOT NULL, content TEXT NOT NULL,
    program TEXT NOT NULL, exhibit TEXT NOT NULL, event_count INTEGER NOT NULL,
    UNIQUE (kiosk, content, program));
CREATE TABLE events (id INTEGER PRIMARY KEY, content TEXT NOT NULL, key TEXT NOT NULL,
    position INTEGER NOT NULL, titles TEXT NOT NULL, UNIQUE (content, key));
CREATE TABLE visits (id INTEGER PRIMARY KEY, setup INTEGER NOT NULL, started TEXT NOT NULL,
    duration_ms INTEGER NOT NULL, ending TEXT, language TEXT NOT NULL);
CREATE INDEX visits_started ON visits (started);
CREATE TABLE views (visit INTEGER NOT NULL, event INTEGER NOT NULL, views INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL, PRIMARY KEY (visit, event)) WITHOUT ROWID;
CREATE INDEX views_by_event ON views (event, views, duration_ms);
CREATE TABLE actions (visit INTEGER NOT NULL, seq INTEGER NOT NULL, at_ms INTEGER NOT NULL,
    kind TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '', PRIMARY KEY (visit, seq)) WITHOUT ROWID;
INSERT INTO setups VALUES (1, 'Hall B', 'c0', '0.1.0', '{"en": "Old exhibit"}', 1);
INSERT INTO events VALUES (1, 'c0', 'only', 1, '{"en": "The only event"}');
INSERT INTO visits VALUES (1, 1, '2025-12-01 11:00:00', 90000, 'timeout', 'en');
INSERT INTO views VALUES (1, 1, 3, 60000);
INSERT INTO actions VALUES (1, 1, 70000, 'countdown', '');
PRAGMA user_version = 1;
"""


def test_a_version_1_file_is_read_and_written_by_this_kiosk(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1_FILE)
    conn.close()
    report = build([path])
    assert report.problems == []
    assert report.tables["summary"].rows == [
        ("Hall B", "2025-12-01", "2025-12-01", 1, 3, "1 min 30 s", "1 min 30 s", "1 min 30 s",
         "1 min 10 s", "1 min 10 s")]  # a countdown without its idle time: the countdown off
    assert report.tables["events_by_views"].rows[0][2:5] == ("only", "The only event", 3)
    clock = ten_o_clock()
    stats = recorder(path, clock)  # and recording goes on in the same file
    short_visit(stats, clock, "first", 3)
    stats.close()
    assert stats.problem == ""
    assert rows(path, "SELECT count(*) FROM visits") == [(2,)]
    assert rows(path, "PRAGMA user_version") == [(stats_db.SCHEMA_VERSION,)]


def test_a_file_from_a_newer_kiosk_is_reported_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1_FILE.replace("user_version = 1", "user_version = 99"))
    conn.close()
    before = path.read_bytes()
    report = build([path, tmp_path / "missing.sqlite3"])
    assert [p.split(": ", 1)[1] for p in report.problems] == [
        "made by a newer kiosk (schema 99); update this kiosk", "no such file"]
    clock = ten_o_clock()
    stats = recorder(path, clock)
    stats.visit_start("en")
    stats.visit_end("home")
    stats.close()
    assert "newer kiosk" in stats.problem
    assert path.read_bytes() == before


def visits(path: Path) -> list[str]:
    return [str(row[0]) for row in rows(path, "SELECT started FROM visits ORDER BY started")]


def test_one_session_with_the_clock_400_days_ahead_deletes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock, retention_days=365)
    short_visit(stats, clock, "first", 3)
    clock.wait(-30 * 86400)  # and one a month ago
    short_visit(stats, clock, "second", 3)
    stats.close()
    clock.wait(30 * 86400 + 3600)
    wrong = FakeClock(clock.now() + dt.timedelta(days=400))  # a dead battery, a bad NTP
    stats = recorder(path, wrong, retention_days=365)
    short_visit(stats, wrong, "first", 3)
    wrong.wait(2 * 86400)  # two days of the session: retention runs again at each new day
    short_visit(stats, wrong, "first", 3)
    stats.close()
    assert visits(path)[:2] == ["2026-10-25 10:00:03", "2026-11-24 10:00:00"]
    assert len(visits(path)) == 4
    clock.wait(86400)  # the clock is right again: all is kept, the wrong visits too
    stats = recorder(path, clock, retention_days=365)
    short_visit(stats, clock, "second", 3)
    stats.close()
    assert len(visits(path)) == 5


def test_a_clock_years_behind_deletes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock, retention_days=30)
    short_visit(stats, clock)
    stats.close()
    behind = FakeClock(dt.datetime(2000, 1, 1))
    stats = recorder(path, behind, retention_days=30)
    short_visit(stats, behind)
    stats.close()
    assert visits(path) == ["2000-01-01 00:00:00", "2026-11-24 10:00:00"]


def test_retention_still_counts_the_time_a_long_run_lasts(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock, retention_days=30)
    short_visit(stats, clock)
    assert stats.flush()
    clock.wait(40 * 86400)  # forty days without a restart (the monotonic clock says so)
    short_visit(stats, clock, "second")
    assert stats.flush()
    stats.close()
    assert visits(path) == ["2027-01-03 10:00:05"]


@pytest.mark.posix  # Windows refuses to delete a file that is open
def test_a_statistics_file_deleted_while_running_is_started_again(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "s.sqlite3"
    clock = ten_o_clock()
    stats = recorder(path, clock)
    short_visit(stats, clock)
    assert stats.flush()
    for suffix in ("", "-wal", "-shm"):  # a staff member "clearing" the statistics
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    clock.wait(60)
    short_visit(stats, clock, "second", 7)
    clock.wait(60)
    short_visit(stats, clock, "first", 4)
    assert stats.flush()
    assert stats.problem.startswith("The statistics file was deleted while the kiosk ran; a "
                                    "new one was started at 10:0")
    stats.close()
    assert "was deleted or replaced while the kiosk ran; starting a new file" in caplog.text
    assert visits(path) == ["2026-11-24 10:01:05", "2026-11-24 10:02:12"]
    assert rows(path, "SELECT duration_ms FROM visits ORDER BY id") == [(7000,), (4000,)]
    assert [r[0] for r in build([path]).tables["summary"].rows] == ["Hall A"]

