"""Visitor statistics on the staff panel: today's and this week's figures, a small chart of
the last seven days, and the report exported to a folder (a USB stick) in one tap. The
file is read, and the report written, in threads: the GUI thread only shows results."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import sqlite3
import statistics as stat
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QStorageInfo, Qt, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.services.guard import guarded
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.ui.statistics import database as stats_db
from kiosk.ui.statistics.writer import Statistics

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "StaffStatistics"]

log = logging.getLogger("kiosk.stats")
WEEK = 7


def removable_volumes(volumes: list[tuple[str, bool]] | None = None,
                      windows: bool = sys.platform == "win32",
                      system_drive: str = os.environ.get("SYSTEMDRIVE", "C:")) -> list[Path]:
    """Writable volumes that look like a USB stick: mounted under /media, /run/media or /mnt
    on Linux; any drive but the system's on Windows. `volumes` is (root, read-only) pairs,
    from Qt when not given."""
    if volumes is None:
        volumes = [(v.rootPath(), v.isReadOnly()) for v in QStorageInfo.mountedVolumes()
                   if v.isValid() and v.isReady()]
    found = []
    for root, readonly in volumes:
        if readonly:
            continue
        if windows:
            if root[:2].upper() != system_drive.upper()[:2]:
                found.append(Path(root))
        elif re.match(r"^/(media|run/media|mnt)/.+", root):
            found.append(Path(root))
    return found


def export_folder(setting: str, volumes: list[Path] | None = None) -> Path:
    """The setting's folder; else the first USB stick's kiosk-statistics folder; else a
    reports folder beside the statistics file."""
    if setting:
        return Path(setting).expanduser()
    volumes = removable_volumes() if volumes is None else volumes
    if volumes:
        return volumes[0] / "kiosk-statistics"
    return stats_db.default_path().parent / "reports"


def safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text).strip("-") or "kiosk"


def _minutes(seconds: int) -> str:
    from kiosk.ui.statistics.report import minutes  # the report's module: loaded when used

    return minutes(seconds)


@dataclass(frozen=True)
class PanelFigures:
    """What a refresh found: the summary lines and the chart's seven days."""

    summary: str
    days: list[dict[str, Any]]


def panel_figures(path: Path, today: dt.date) -> PanelFigures:
    """Read the week's figures from the statistics file (off the GUI thread: SQL)."""
    from kiosk.ui.statistics.report import time_in_use  # the report's, loaded when asked

    first = today - dt.timedelta(days=WEEK - 1)
    try:
        conn = stats_db.open_for_reading(path)
        try:
            rows = stats_db.visits_per_day(conn, first, today)
            # to the visitor's last touch: the idle time and the countdown left out
            lengths = time_in_use(conn, first)
            today_lengths = time_in_use(conn, today)
        finally:
            conn.close()
    except (stats_db.StatsFileError, sqlite3.Error) as exc:
        return PanelFigures(f"No statistics yet ({exc}).", [])
    top = max((n for _, n, _ in rows), default=0) or 1
    days = [{"label": dt.date.fromisoformat(day).strftime("%a"), "visits": n,
             "height": n / top} for day, n, _ in rows]
    return PanelFigures(f"Today: {_figures(today_lengths)}\n"
                        f"Last 7 days: {_figures(lengths)}", days)


@QmlElement
@QmlUncreatable("the staff panel's statistics come from StaffState.panel.stats")
class StaffStatistics(QObject):  # type: ignore[operator]  # (QmlUncreatable takes a reason)
    """What the staff panel shows of the statistics; `refresh()` when it opens. The SQL runs
    in a thread of its own: a slow disk never freezes the kiosk's screen."""

    summaryChanged = Signal()
    daysChanged = Signal()
    problemChanged = Signal()
    messageChanged = Signal()
    busyChanged = Signal()
    refreshed = Signal()  # the figures of the last refresh() are shown
    # from other threads, delivered on the GUI thread (queued)
    _loaded = Signal(object)
    _exported = Signal(str)
    _problem_heard = Signal(str)

    def __init__(self, statistics: Statistics, export_setting: str = "",
                 today: Callable[[], dt.date] = dt.date.today,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stats = statistics
        self._export_setting = export_setting
        self._today = today
        self._summary = ""
        self._days: list[dict[str, Any]] = []
        self._message = ""
        self._busy = False
        self._loading = False
        self._again = False  # refresh() asked again while a refresh ran
        queued = Qt.ConnectionType.QueuedConnection
        self._loaded.connect(self._on_loaded, queued)
        self._exported.connect(self._on_exported, queued)
        self._problem_heard.connect(self._on_problem, queued)
        self._problem = statistics.problem
        statistics.add_problem_listener(self._problem_heard.emit)

    @Property(str, notify=summaryChanged)
    def summary(self) -> str:
        return self._summary

    @Property("QVariantList", notify=daysChanged)  # type: ignore[arg-type]
    def days(self) -> list[dict[str, Any]]:
        """The last seven days: label, visits, and height from 0 to 1 for the chart."""
        return self._days

    @Property(str, notify=problemChanged)
    def problem(self) -> str:
        """What went wrong with recording, as the writer last said ('' when all is well)."""
        return self._problem

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        return self._message

    @Property(bool, notify=busyChanged)
    def busy(self) -> bool:
        return self._busy

    @guarded("StaffStatistics._on_problem", None)
    def _on_problem(self, problem: str) -> None:
        if problem != self._problem:
            self._problem = problem
            self.problemChanged.emit()

    @Slot()
    @guarded("StaffStatistics.refresh", None)
    def refresh(self) -> None:
        """Read the figures again, behind the screen: `refreshed` when they are shown."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        threading.Thread(target=self._load, args=(self._today(),), name="kiosk-stats-panel",
                         daemon=True).start()

    def _load(self, today: dt.date) -> None:
        try:
            self._stats.flush(2.0)
            figures = panel_figures(self._stats.path, today)
        except Exception as exc:  # a thread's error would end the kiosk
            log.exception("statistics: the staff panel's figures")
            figures = PanelFigures(f"No statistics ({exc}).", [])
        with contextlib.suppress(RuntimeError):  # the panel is gone (the kiosk is ending)
            self._loaded.emit(figures)

    @guarded("StaffStatistics._on_loaded", None)
    def _on_loaded(self, figures: PanelFigures) -> None:
        self._loading = False
        if figures.summary != self._summary:
            self._summary = figures.summary
            self.summaryChanged.emit()
        if figures.days != self._days:
            self._days = figures.days
            self.daysChanged.emit()
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.refreshed.emit()

    def _set_message(self, message: str) -> None:
        if message != self._message:
            self._message = message
            self.messageChanged.emit()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit()

    @Slot()
    @guarded("StaffStatistics.exportReport", None)
    def exportReport(self) -> None:
        """Write the report (HTML and CSV) and a copy of the statistics file to the export
        folder, in a thread; the panel says where when it is done."""
        if self._busy:
            return
        folder = export_folder(self._export_setting)
        self._set_busy(True)
        self._set_message(f"Exporting to {folder} …")
        threading.Thread(target=self._export, args=(folder, self._today()),
                         name="kiosk-stats-export", daemon=True).start()

    def _export(self, folder: Path, today: dt.date) -> None:
        from kiosk.services.settings import load_settings
        from kiosk.ui.statistics.report_html import branding, write

        stem = f"{safe_name(self._stats.kiosk)}-{today:%Y-%m-%d}"
        try:
            self._stats.flush(2.0)
            folder.mkdir(parents=True, exist_ok=True)
            copy = folder / f"{stem}.sqlite3"
            stats_db.copy_file(self._stats.path, copy)
            brand = branding(load_settings())
            write([copy], folder / f"{stem}.html", folder / f"{stem}-tables", brand=brand)
            message = f"Exported to {folder}: {stem}.html, its tables and the statistics file."
            if brand.problem:
                log.warning("%s", brand.problem)
                message += f" {brand.problem}."
            log.info("statistics exported to %s", folder)
        except (OSError, sqlite3.Error, stats_db.StatsFileError) as exc:
            message = f"The export failed: {exc}"
            log.error("statistics export to %s failed: %s", folder, exc)
        except Exception as exc:  # a thread's error would end the kiosk
            message = f"The export failed: {exc}"
            log.exception("statistics export to %s failed", folder)
        with contextlib.suppress(RuntimeError):  # the panel is gone (the kiosk is ending)
            self._exported.emit(message)

    @guarded("StaffStatistics._on_exported", None)
    def _on_exported(self, message: str) -> None:
        self._set_busy(False)
        self._set_message(message)


def _figures(lengths: list[int]) -> str:
    if not lengths:
        return "no visits"
    count = len(lengths)
    return (f"{count:,} visit{'s' if count != 1 else ''}, median time in use "
            f"{_minutes(round(stat.median(lengths)))}")
