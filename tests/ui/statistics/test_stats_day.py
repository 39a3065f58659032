"""A scripted day of visits, driven by real touches on the real QML, and every figure of the
report it gives. Time is a test clock that moves only when the script says (a visitor
reading for 30 s takes no 30 s here); the idle countdown runs on the kiosk's real timers."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication, QPointingDevice
from pytestqt.qtbot import QtBot

from kiosk.cli import main
from kiosk.core.model import Exhibit
from kiosk.services.settings import Settings
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shell.view import KioskView
from kiosk.ui.statistics.recorder import StatsRecorder, start_statistics
from kiosk.ui.statistics.report import build
from kiosk.ui.statistics.writer import Statistics, content_info
from tests.conftest import FakeClock
from tests.ui.conftest import MakeView, all_items, centre, follow, is_shown, pinch, swipe, tap


@dataclasses.dataclass
class Kiosk:
    view: KioskView
    stats: Statistics
    clock: FakeClock
    device: QPointingDevice
    qtbot: QtBot

    def tap(self, name: str) -> None:
        """Tap the visible item with this name (the language switch is on two screens)."""
        shown = [i for i in all_items(self.view) if i.objectName() == name and is_shown(i)]
        assert shown, f"nothing named {name} on screen"
        tap(self.view.window, self.device, centre(shown[0]))

    def countdown_runs_out(self) -> None:
        """Wait (really) until the countdown, started by the script, sends the kiosk home."""
        self.qtbot.waitUntil(
            lambda: self.view.session.navigation.screen == Navigation.Screen.Welcome,
            timeout=5000)


@pytest.fixture
def kiosk(make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice, qtbot: QtBot,
          tmp_path: Path) -> Iterator[Kiosk]:
    # The welcome picture stays on the first highlighted event: a tap there opens event 0.
    exhibit = dataclasses.replace(bundled, attract_interval=3600.0)
    view = make_view(exhibit, idle_timeout_ms=3_600_000, countdown_seconds=2, tick_ms=500)
    clock = FakeClock()
    stats = Statistics(tmp_path / "statistics.sqlite3", "Hall A", "test", clock=clock,
                       now=clock.now, flush_seconds=0.2)
    stats.start(content_info(exhibit))
    StatsRecorder(stats, view.session, parent=view.session)
    yield Kiosk(view, stats, clock, touchscreen, qtbot)
    stats.close()


def test_a_day_of_visits_gives_exactly_these_figures(kiosk: Kiosk, tmp_path: Path,
                                                    qapp: QGuiApplication,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    k, clock = kiosk, kiosk.clock
    # The script starts each countdown at once; how long nobody had touched the screen is
    # what the test clock says, not the few real milliseconds the script took.
    still = [0]
    monkeypatch.setattr(k.view.session.idle, "still_ms", lambda: still[0])
    # 09:15, in English: two events, a photo full screen and zoomed, back to the start. 100 s.
    clock.at("09:15")
    k.tap("welcome")
    assert k.view.session.navigation.index == 0  # the welcome picture's event
    clock.wait(30)
    k.tap("nextButton")
    clock.wait(45)
    k.tap("eventPhoto")
    assert k.view.session.navigation.screen == Navigation.Screen.Photo
    pinch(k.view.window, k.device, QPoint(960, 540), 200, 700)  # zoom in
    assert next(i for i in all_items(k.view) if i.objectName() == "photoFrame").scale() > 2
    clock.wait(10)
    k.tap("closePhotoButton")
    clock.wait(15)
    k.tap("homeButton")
    # 10:40, Chinese chosen on the welcome screen: the third event, larger text, then the
    # visitor walks away. 40 + 20 + 10 s to the countdown, 20 s of countdown: 90 s.
    clock.at("10:40")
    k.tap("language-zh")
    k.tap("welcome")
    clock.wait(40)
    # The strip opens zoomed in near the current event; the visitor looks at the whole span
    # (the timeline's zoom is not a statistic) and taps 1991.
    k.view.session.timeline.setZoom(k.view.session.timeline.minZoom)
    follow(k.view.window)
    k.tap("marker-2")
    clock.wait(20)
    k.tap("optionsButton")
    k.tap("largeTextButton")
    clock.wait(10)
    still[0] = 10_000  # in use for 60 s, then 10 s of nobody touching
    k.view.session.idle.startCountdown()
    clock.wait(20)
    k.countdown_runs_out()
    # 14:05, English, switches to Chinese, swipes on, answers "Still there?", goes home.
    clock.at("14:05")
    k.tap("welcome")
    assert k.view.session.language.current() == "en"  # the last visitor's choices are gone
    clock.wait(25)
    k.tap("language-zh")
    clock.wait(35)
    mid = centre(next(i for i in all_items(k.view) if i.objectName() == "textPanel"))
    swipe(k.view.window, k.device, mid, mid - QPoint(600, 0))
    assert k.view.session.navigation.index == 1
    clock.wait(50)
    still[0] = 50_000  # answered: the visitor was there, the whole visit is in use
    k.view.session.idle.startCountdown()
    clock.wait(5)
    k.tap("continueButton")
    assert k.view.session.navigation.screen == Navigation.Screen.Event
    assert not k.view.session.idle.active
    clock.wait(10)
    k.tap("homeButton")
    # 14:20: a glance, then gone. 8 s, then 20 s of countdown.
    clock.at("14:20")
    k.tap("welcome")
    clock.wait(8)
    still[0] = 5_000  # 3 s in use
    k.view.session.idle.startCountdown()
    clock.wait(20)
    k.countdown_runs_out()
    assert k.stats.flush()

    report = build([k.stats.path])
    t = report.tables
    assert report.problems == []
    assert t["summary"].rows == [
        ("Hall A", "2026-11-24", "2026-11-24", 4, 7, "5 min 43 s", "1 min 35 s", "2 min 05 s",
         "4 min 48 s", "1 min 20 s")]  # in use: 100 + 60 + 125 + 3 s; median of 3, 60, 100, 125
    assert t["visits_per_day"].rows == [("2026-11-24", 4)]
    assert [r for r in t["visits_per_hour"].rows if r[1]] == [
        ("09:00", 1), ("10:00", 1), ("14:00", 2)]
    assert len(t["visits_per_hour"].rows) == 24
    assert t["visit_length"].rows == [  # time in use, then the whole visit
        ("under 30 s", 1, "25.0 %", 1, "25.0 %"), ("30 s – 1 min", 0, "0.0 %", 0, "0.0 %"),
        ("1 – 2 min", 2, "50.0 %", 2, "50.0 %"), ("2 – 5 min", 1, "25.0 %", 1, "25.0 %"),
        ("5 – 10 min", 0, "0.0 %", 0, "0.0 %"), ("10 min or more", 0, "0.0 %", 0, "0.0 %")]
    first, second, third = ((e.id, e.title.get("en"), e.title.get("zh"))
                            for e in k.view.session.exhibit.events[:3])
    # event 1: 30 + 40 + 25 + 35 + 8 s; event 2: 45 + 10 + 15 and 50 + 10 s (the 5 s of
    # countdown do not count); event 3: 20 + 10 s, until "Still there?" appeared.
    assert t["events_by_views"].rows == [
        (1, 1, *first, 4, "2 min 18 s", "35 s", "100.0 %"),
        (2, 2, *second, 2, "2 min 10 s", "1 min 05 s", "50.0 %"),
        (3, 3, *third, 1, "30 s", "30 s", "25.0 %")]
    assert t["events_by_time"].rows == t["events_by_views"].rows
    story = t["story_reach"].rows
    assert len(story) == len(k.view.session.exhibit.events)
    assert [(r[0], r[4], r[5]) for r in story if r[4]] == [
        (1, 4, "100.0 %"), (2, 2, "50.0 %"), (3, 1, "25.0 %")]
    fourth = k.view.session.exhibit.events[3]
    assert story[3] == (4, fourth.id, fourth.title.get("en"), fourth.title.get("zh"), 0,
                        "0.0 %")
    assert t["events_per_visit"].rows == [
        ("1 event", 1, "25.0 %"), ("2 events", 3, "75.0 %"), ("3 – 4 events", 0, "0.0 %"),
        ("5 – 9 events", 0, "0.0 %"), ("10 events or more", 0, "0.0 %")]
    # "Back to the start" keeps the language: the 14:20 visitor began in Chinese.
    assert t["languages"].rows == [("中文", 2, 1, 3, "75.0 %"), ("English", 2, 0, 2, "50.0 %")]
    assert t["options"].rows == [("Larger text", 1, "25.0 %"), ("High contrast", 0, "0.0 %"),
                                 ("Less motion", 0, "0.0 %")]
    assert t["photos"].rows == [("photo opened full screen", 1, 1, "25.0 %"),
                                ("photo zoomed", 1, 1, "25.0 %")]
    assert t["endings"].rows == [
        ("ended: idle countdown ran out", 2, "50.0 %"), ("ended: back to the start", 2, "50.0 %"),
        ("ended: content reloaded", 0, "0.0 %"), ("\"Still there?\" shown", 3, "75.0 %"),
        ("\"Still there?\" answered (Continue)", 1, "25.0 %")]

    # The command line writes the same figures: CSV for a spreadsheet, one HTML file.
    out = tmp_path / "out"
    assert main(["stats", str(k.stats.path), "--html", str(out / "r.html"),
                 "--csv", str(out / "csv")]) == 0
    with (out / "csv" / "events_by_views.csv").open(encoding="utf-8-sig", newline="") as f:
        lines = list(csv.reader(f))
    assert lines[0][:5] == ["rank", "place in story", "event", "title (English)", "title (中文)"]
    assert lines[1] == [str(v) for v in t["events_by_views"].rows[0]]
    page = (out / "r.html").read_text(encoding="utf-8")
    assert first[1] in page and first[2] in page  # titles in both languages
    # all but the summary; one day is drawn as its hours, not as one column for the day
    assert page.count("<svg ") == len(t) - 2  # a chart for each table but two
    assert "http://" not in page and "https://" not in page and "<script" not in page


def test_statistics_off_records_nothing(make_view: MakeView, bundled: Exhibit,
                                        tmp_path: Path) -> None:
    view = make_view(bundled)
    off = Settings(statistics=False)
    assert start_statistics(off, view.session, tmp_path / "s.sqlite3") is None
    assert not (tmp_path / "s.sqlite3").exists()


def test_reloaded_content_ends_the_visit_and_starts_another(
        kiosk: Kiosk, bundled: Exhibit) -> None:
    k = kiosk
    k.clock.at("11:00")
    k.tap("welcome")
    k.clock.wait(12)
    shorter = dataclasses.replace(bundled, events=bundled.events[:5])
    k.view.session.set_exhibit(shorter)  # staff reload new content while a visitor reads
    k.clock.wait(3)
    k.tap("homeButton")
    assert k.stats.flush()
    report = build([k.stats.path])
    assert report.tables["endings"].rows[:3] == [
        ("ended: idle countdown ran out", 0, "0.0 %"), ("ended: back to the start", 1, "50.0 %"),
        ("ended: content reloaded", 1, "50.0 %")]
    assert report.tables["summary"].rows[0][3:5] == (2, 2)


def test_a_countdown_records_how_long_nobody_touched(
        make_view: MakeView, bundled: Exhibit, touchscreen: QPointingDevice, qtbot: QtBot,
        tmp_path: Path) -> None:
    view = make_view(dataclasses.replace(bundled, attract_interval=3600.0),
                     idle_timeout_ms=400, countdown_seconds=30)
    stats = Statistics(tmp_path / "s.sqlite3", "Hall A", "test", flush_seconds=0.2)
    stats.start(content_info(view.session.exhibit))
    StatsRecorder(stats, view.session, parent=view.session)
    k = Kiosk(view, stats, FakeClock(), touchscreen, qtbot)
    k.tap("welcome")
    qtbot.waitUntil(lambda: bool(view.session.idle.active), timeout=5000)
    assert stats.flush()
    import sqlite3

    conn = sqlite3.connect(stats.path)
    (detail,) = conn.execute("SELECT detail FROM actions WHERE kind = 'countdown'").fetchone()
    conn.close()
    stats.close()
    # the idle time after the last touch, in ms (a coarse Qt timer may fire 5 % early)
    assert 380 <= int(detail) < 5000
