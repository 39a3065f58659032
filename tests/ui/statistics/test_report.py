"""The statistics report as a director reads it: the sentence at the top, the period before,
visit length without the idle time, language names, singular and plural."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.ui.statistics.database import ContentInfo
from kiosk.ui.statistics.records import CountdownShown, MediaPlayed, MediaWatched
from kiosk.ui.statistics.report import build, counted, period_text, summary_sentence
from kiosk.ui.statistics.report_html import render
from kiosk.ui.statistics.writer import Statistics
from tests.conftest import FakeClock

CONTENT = ContentInfo("c1", {"en": "UNV and China", "zh": "联合国志愿者与中国"},
                      (("arrival", {"en": "UNV arrives in Beijing", "zh": "联合国志愿者抵京"}),
                       ("olympics", {"en": "The Olympic volunteers", "zh": "奥运志愿者"})))


def record(path: Path, kiosk: str, visits: list[tuple[str, str, int, int | None]],
           content: ContentInfo = CONTENT) -> None:
    """Visits as (local start 'YYYY-MM-DD HH:MM', language, seconds shown, seconds nobody
    touched before the countdown ended it, or None: the visitor went back to the start)."""
    clock = FakeClock()
    stats = Statistics(path, kiosk, "test", clock=clock, now=clock.now)
    stats.start(content)
    for start, language, seconds, idle in visits:
        when = dt.datetime.fromisoformat(start)
        clock.day = when - dt.timedelta(seconds=clock.t)
        stats.visit_start(language)
        stats.view("arrival")
        clock.wait(seconds / 2)
        stats.view("olympics" if seconds > 60 else "arrival")
        clock.wait(seconds / 2)
        if idle is None:
            stats.visit_end("home")
        else:
            stats.note(CountdownShown(idle * 1000))
            clock.wait(20)  # the countdown
            stats.visit_end("timeout")
    stats.close()


def test_the_sentence_a_director_reads_aloud(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    record(path, "Hall A", [
        ("2026-11-25 10:00", "en", 100, None),  # the week before: two visits
        ("2026-11-27 11:00", "en", 40, None),
        ("2026-11-30 10:00", "en", 120, 90),  # 30 s in use, 120 + 20 s in all
        ("2026-12-02 15:00", "zh", 200, None),
        ("2026-12-06 17:59", "en", 80, None),
    ])
    report = build([path], dt.date(2026, 11, 30), dt.date(2026, 12, 6))
    assert summary_sentence(report) == (
        "In the week of 30 November to 6 December 2026, Hall A had 3 visits, 50 % more than "
        "the week before (2). Half of the visits lasted 1 min 20 s or more to the last "
        "touch (2 min 20 s with the idle time and the countdown before the kiosk went back to "
        "the start). The most viewed event was \u201cUNV arrives in Beijing\u201d (3 views, "
        "in 100.0 % of visits).")
    assert report.previous is not None
    assert (report.previous.first, report.previous.last) == (dt.date(2026, 11, 23),
                                                             dt.date(2026, 11, 29))
    assert (report.previous.visits, report.previous.event_views,
            report.previous.median_visit_ms) == (2, 4, 70_000)
    summary = report.tables["summary"]
    assert summary.columns[-2:] == ("total time in use", "median time in use")
    assert summary.rows[0][5:] == ("7 min 00 s", "2 min 20 s", "3 min 20 s", "5 min 10 s",
                                   "1 min 20 s")
    assert report.tables["languages"].rows == [("English", 2, 0, 2, "66.7 %"),
                                               ("中文", 1, 0, 1, "33.3 %")]
    assert report.tables["events_by_views"].columns[3:5] == ("title (English)", "title (中文)")


def test_one_day_of_two_kiosks_and_nothing_before(tmp_path: Path) -> None:
    record(tmp_path / "a.sqlite3", "Hall A", [("2026-11-24 10:00", "en", 50, None)])
    record(tmp_path / "b.sqlite3", "Hall B", [("2026-11-24 11:00", "zh", 30, 10)])
    report = build([tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"])
    assert summary_sentence(report) == (
        "On Tuesday 24 November 2026, the 2 kiosks together had 2 visits (no visits the day "
        "before). Half of the visits lasted 35 s or more to the last touch (50 s with the idle "
        "time and the countdown before the kiosk went back to the start). The most viewed "
        "event was \u201cUNV arrives in Beijing\u201d (4 views, in 100.0 % of visits).")


def test_one_visit_is_singular(tmp_path: Path) -> None:
    record(tmp_path / "s.sqlite3", "Hall A", [("2026-11-24 10:00", "en", 90, None)])
    report = build([tmp_path / "s.sqlite3"], dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert summary_sentence(report) == (
        "In November 2026, Hall A had 1 visit (no visits in the 30 days before). The visit lasted "
        "1 min 30 s to the last touch (1 min 30 s with the idle time and the countdown before "
        "the kiosk went back to the start). The most viewed event was \u201cUNV arrives in "
        "Beijing\u201d (1 view, in 100.0 % of visits).")


@pytest.mark.parametrize(("first", "last", "text"), [
    ("2026-11-24", "2026-11-24", "On Tuesday 24 November 2026"),
    ("2026-11-30", "2026-12-06", "In the week of 30 November to 6 December 2026"),
    ("2026-12-28", "2027-01-03", "In the week of 28 December 2026 to 3 January 2027"),
    ("2026-02-01", "2026-02-28", "In February 2026"),
    ("2026-11-03", "2026-11-20", "From 3 to 20 November 2026"),
    ("2026-10-03", "2026-12-05", "From 3 October to 5 December 2026"),
])
def test_periods_read_as_people_say_them(first: str, last: str, text: str) -> None:
    assert period_text(dt.date.fromisoformat(first), dt.date.fromisoformat(last)) == text


def test_counts_are_singular_or_plural() -> None:
    assert [counted(n, "row") for n in (0, 1, 2, 1200)] == ["0 rows", "1 row", "2 rows",
                                                            "1,200 rows"]
    assert counted(1, "event view") == "1 event view"


def test_the_report_tells_which_release_each_visit_saw(tmp_path: Path) -> None:
    """A kiosk that follows an inbox (docs/fleet.md): how many visits each release had."""
    from dataclasses import replace

    path = tmp_path / "s.sqlite3"
    record(path, "Hall A", [("2026-12-01 10:00", "en", 60, None)],
           replace(CONTENT, version="c1r1", release="unv-and-china-v1-20261201T080000Z"))
    record(path, "Hall A", [("2026-12-02 10:00", "en", 60, None),
                            ("2026-12-02 11:00", "zh", 60, None)],
           replace(CONTENT, version="c1r2", release="unv-and-china-v2-20261202T080000Z"))
    report = build([path], dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    assert report.tables["releases"].rows == [
        ("unv-and-china-v1-20261201T080000Z", 1, "33.3 %"),
        ("unv-and-china-v2-20261202T080000Z", 2, "66.7 %")]


def test_a_kiosk_without_releases_has_no_releases_table(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    record(path, "Hall A", [("2026-12-01 10:00", "en", 60, None)])
    assert "releases" not in build([path]).tables


def test_the_report_tells_how_videos_were_watched(tmp_path: Path) -> None:
    """Plays, the median share watched and how many watched with captions, per event."""
    path = tmp_path / "s.sqlite3"
    clock = FakeClock()
    stats = Statistics(path, "Hall A", "test", clock=clock, now=clock.now)
    stats.start(CONTENT)
    clock.day = dt.datetime(2026, 12, 1, 10)
    for share, captions in ((1.0, "en"), (0.25, ""), (0.5, "zh")):
        stats.visit_start("en")
        stats.view("olympics")
        stats.note(MediaPlayed("olympics", "video"))
        clock.wait(30)
        stats.note(MediaWatched("olympics", share, captions))
        stats.visit_end("home")
    stats.close()
    report = build([path])
    assert report.tables["media"].rows == [("olympics", "video", 3, "50 %", "66.7 %")]
    html = render(report)
    assert "Videos and sounds" in html and "3 plays, 50 % watched, captions 66.7 %" in html
