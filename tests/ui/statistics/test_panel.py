"""Visitor figures on the staff panel, and the report exported in one tap."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.core.model import Exhibit
from kiosk.services.pin import PinGate, hash_pin
from kiosk.ui.shell.view import KioskView, create_view
from kiosk.ui.staff.content_report import ContentReport
from kiosk.ui.staff.staff import StaffState
from kiosk.ui.statistics.panel import StaffStatistics, export_folder, removable_volumes
from kiosk.ui.statistics.records import CountdownShown
from kiosk.ui.statistics.report import build
from kiosk.ui.statistics.writer import Statistics, content_info
from tests.ui.conftest import all_items, centre, item, settle, tap

PIN = "2468"
TODAY = dt.date(2026, 11, 24)


def recorded(path: Path, exhibit: Exhibit) -> Statistics:
    """Three visits today, one yesterday and one four days ago, each 60 s long."""
    clock = [0.0]
    when = [dt.datetime(2026, 11, 24, 10)]
    stats = Statistics(path, "Hall A", "test", clock=lambda: clock[0], now=lambda: when[0])
    stats.start(content_info(exhibit))
    for days_ago in (0, 0, 0, 1, 4):
        when[0] = dt.datetime(2026, 11, 24, 10) - dt.timedelta(days=days_ago)
        stats.visit_start("en")
        stats.view(exhibit.events[0].id)
        clock[0] += 60
        stats.visit_end("home")
    assert stats.flush()
    return stats


def test_panel_shows_this_week_and_exports_the_report(
        qapp: QGuiApplication, bundled: Exhibit, touchscreen: QPointingDevice, qtbot: QtBot,
        tmp_path: Path) -> None:
    stats = recorded(tmp_path / "statistics.sqlite3", bundled)
    usb = tmp_path / "usb"
    figures = StaffStatistics(stats, str(usb), today=lambda: TODAY)
    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: [], lambda: None,
                       ContentReport(bundled.folder, editor_view=False), None, None,
                       statistics=figures)
    view = create_view(bundled, (1920, 1080), staff=staff, kiosk_mode=True)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    staff.requestAccess()
    with qtbot.waitSignal(figures.refreshed):  # read behind the screen as the panel opens
        for digit in [*PIN, "OK"]:
            tap(view.window, touchscreen, centre(item(view, f"pin-{digit}")))
    assert staff.panel.open
    assert item(view, "statsSummary").property("text") == (
        "Today: 3 visits, median time in use 1 min 00 s\n"
        "Last 7 days: 5 visits, median time in use 1 min 00 s")
    bars = [d["visits"] for d in figures.days]
    assert bars == [0, 0, 1, 0, 0, 1, 3]  # oldest first; today last
    assert [d["label"] for d in figures.days][-1] == "Tue"
    assert len([i for i in all_items(view) if i.parentItem() is not None
                and i.parentItem().objectName() == "statsChart"]) >= 7
    settle()  # the figures just arrived: the panel is laid out again at the next frame
    export = item(view, "statsExport")
    assert export.height() >= 64
    tap(view.window, touchscreen, centre(export))
    # the export runs on a thread: its answer comes as the message (busy until then)
    qtbot.waitUntil(lambda: figures.message.startswith("Exported to"), timeout=60_000)
    assert not figures.busy and figures.message.startswith(f"Exported to {usb}")
    assert sorted(p.name for p in usb.iterdir()) == [
        "Hall-A-2026-11-24-tables", "Hall-A-2026-11-24.html", "Hall-A-2026-11-24.sqlite3"]
    assert "Visitor statistics" in (usb / "Hall-A-2026-11-24.html").read_text(encoding="utf-8")
    copy = build([usb / "Hall-A-2026-11-24.sqlite3"])  # the copy reports as the original
    assert copy.tables["summary"].rows == build([stats.path]).tables["summary"].rows
    view.window.close()
    stats.close()


def test_export_goes_to_a_usb_stick_when_there_is_one(tmp_path: Path) -> None:
    linux = [("/", False), ("/boot/efi", False), ("/media/staff/KIOSK", False),
             ("/media/staff/CDROM", True)]
    assert removable_volumes(linux, windows=False) == [Path("/media/staff/KIOSK")]
    windows = [("C:/", False), ("D:/", True), ("E:/", False)]
    assert removable_volumes(windows, windows=True, system_drive="C:") == [Path("E:/")]
    assert export_folder("", [Path("/media/staff/KIOSK")]) == Path(
        "/media/staff/KIOSK/kiosk-statistics")
    assert export_folder(str(tmp_path), [Path("/media/staff/KIOSK")]) == tmp_path
    assert export_folder("", []).name == "reports"  # beside the statistics file


def shown_without_pin(exhibit: Exhibit, figures: StaffStatistics) -> KioskView:
    """A kiosk window whose staff panel (no PIN set) shows these statistics."""
    staff = StaffState(PinGate(""), lambda: [], lambda: None,
                       ContentReport(exhibit.folder, editor_view=False), None, None,
                       statistics=figures)
    view = create_view(exhibit, (1920, 1080), staff=staff)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    return view


def test_panel_says_when_statistics_are_not_recorded(qapp: QGuiApplication, bundled: Exhibit,
                                                     qtbot: QtBot, tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    stats = Statistics(blocker / "statistics.sqlite3", "Hall A", "test")
    stats.start(content_info(bundled))
    figures = StaffStatistics(stats, today=lambda: TODAY)
    view = shown_without_pin(bundled, figures)
    with qtbot.waitSignal(figures.refreshed):
        figures.refresh()  # as when the panel opens
    assert figures.problem.startswith("Statistics are not being recorded")
    assert item(view, "statsSummary").property("text").startswith("No statistics yet")
    view.window.close()
    stats.close()


@pytest.mark.posix  # Windows refuses to delete a file that is open
def test_panel_says_when_the_statistics_file_was_deleted_and_started_again(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot, tmp_path: Path) -> None:
    stats = recorded(tmp_path / "statistics.sqlite3", bundled)
    stats.path.unlink()  # staff "clearing" the statistics while the kiosk runs
    stats.visit_start("en")
    stats.visit_end("home")
    assert stats.flush()
    figures = StaffStatistics(stats, today=lambda: TODAY)
    view = shown_without_pin(bundled, figures)
    with qtbot.waitSignal(figures.refreshed):
        figures.refresh()
    assert figures.problem.startswith(
        "The statistics file was deleted while the kiosk ran; a new one was started at 10:00")
    # the new file holds the visit after the deletion (four days ago, as the fake clock is)
    assert "Last 7 days: 1 visit," in item(view, "statsSummary").property("text")
    view.window.close()
    stats.close()


def test_the_panel_counts_time_in_use_without_the_idle_time_and_countdown(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot, tmp_path: Path) -> None:
    """A visitor who walks away: 30 s of use, 90 s untouched, 20 s of countdown. The panel
    says 30 s, as the report's "to the last touch" does, not the whole 2 min 20 s."""
    clock = [1000.0]
    stats = Statistics(tmp_path / "statistics.sqlite3", "Hall A", "test",
                       clock=lambda: clock[0], now=lambda: dt.datetime(2026, 11, 24, 10))
    stats.start(content_info(bundled))
    stats.visit_start("en")
    stats.view(bundled.events[0].id)
    clock[0] += 30 + 90
    stats.note(CountdownShown(90000))  # as the recorder writes it: ms untouched
    clock[0] += 20
    stats.visit_end("timeout")
    assert stats.flush()
    figures = StaffStatistics(stats, str(tmp_path / "usb"), today=lambda: TODAY)
    with qtbot.waitSignal(figures.refreshed):
        figures.refresh()
    assert figures.summary == ("Today: 1 visit, median time in use 30 s\n"
                               "Last 7 days: 1 visit, median time in use 30 s")
    stats.close()


def test_the_panel_hears_of_a_recording_problem_while_it_is_open(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot, tmp_path: Path) -> None:
    """The writer runs into trouble after the panel was shown: the panel's line changes
    without a refresh, and the signal arrives on the GUI thread."""
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    stats = Statistics(blocker / "statistics.sqlite3", "Hall A", "test")
    figures = StaffStatistics(stats, today=lambda: TODAY)
    view = shown_without_pin(bundled, figures)
    line = item(view, "statsProblem")
    assert line.property("text") == ""
    threads: list[bool] = []
    figures.problemChanged.connect(lambda: threads.append(QThread.currentThread() is qapp.thread()))
    with qtbot.waitSignal(figures.problemChanged):
        stats.start(content_info(bundled))  # the writer finds it cannot write
    assert threads == [True]
    assert line.property("text").startswith("Statistics are not being recorded")
    view.window.close()
    stats.close()


def test_a_slow_disk_does_not_freeze_the_screen_while_the_panel_reads(
        qapp: QGuiApplication, bundled: Exhibit, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """refresh() returns at once; the GUI thread goes on (a timer fires) while the writer
    is still flushing; the figures come when the file answers."""
    stats = recorded(tmp_path / "statistics.sqlite3", bundled)
    figures = StaffStatistics(stats, today=lambda: TODAY)
    flushing, answer, flushed = threading.Event(), threading.Event(), threading.Event()
    real_flush = stats.flush

    def slow_flush(timeout: float = 10.0) -> bool:
        flushing.set()
        answer.wait(20)  # a disk that takes its time
        flushed.set()
        return real_flush(timeout)

    monkeypatch.setattr(stats, "flush", slow_flush)
    seen: list[bool] = []  # for each timer tick: was the flush still going on?
    figures.refresh()
    QTimer.singleShot(10, lambda: seen.append(flushing.is_set() and not flushed.is_set()))
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [True]  # the event loop ran during the flush
    assert figures.summary == ""  # nothing yet
    with qtbot.waitSignal(figures.refreshed):
        answer.set()
    assert figures.summary.startswith("Today: 3 visits")
    assert [d["visits"] for d in figures.days] == [0, 0, 1, 0, 0, 1, 3]
    stats.close()
