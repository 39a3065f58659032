"""Visitor statistics on the staff panel: today's and this week's figures, a small chart of
the last seven days, and the report exported to a folder (a USB stick) in one tap."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import statistics as stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, QStorageInfo, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.services import stats_db
from kiosk.services.guard import guarded
from kiosk.services.stats import Statistics
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

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
    from kiosk.services.stats_report import minutes  # the report's module: loaded when used

    return minutes(seconds)


@QmlElement
@QmlUncreatable("the staff panel's statistics come from StaffState.stats")
class StaffStatistics(QObject):  # type: ignore[operator]  # (QmlUncreatable takes a reason)
    """What the staff panel shows of the statistics; `refresh()` when it opens."""

    changed = Signal()
    _exported = Signal(str)  # from the export thread, delivered on the UI thread

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
        self._exported.connect(self._on_exported)

    @Property(str, notify=changed)
    def summary(self) -> str:
        return self._summary

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def days(self) -> list[dict[str, Any]]:
        """The last seven days: label, visits, and height from 0 to 1 for the chart."""
        return self._days

    @Property(str, notify=changed)
    def problem(self) -> str:
        return self._stats.problem

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        return self._busy

    @Slot()
    @guarded("StaffStatistics.refresh", None)
    def refresh(self) -> None:
        from kiosk.services.stats_report import time_in_use  # the report's, loaded when asked

        self._stats.flush(2.0)
        today = self._today()
        first = today - dt.timedelta(days=WEEK - 1)
        try:
            conn = stats_db.open_for_reading(self._stats.path)
            try:
                rows = stats_db.visits_per_day(conn, first, today)
                # to the visitor's last touch: the idle time and the countdown left out
                lengths = time_in_use(conn, first)
                today_lengths = time_in_use(conn, today)
            finally:
                conn.close()
        except (stats_db.StatsFileError, sqlite3.Error) as exc:
            self._summary = f"No statistics yet ({exc})."
            self._days = []
            self.changed.emit()
            return
        top = max((n for _, n, _ in rows), default=0) or 1
        self._days = [{"label": dt.date.fromisoformat(day).strftime("%a"), "visits": n,
                       "height": n / top} for day, n, _ in rows]
        self._summary = (f"Today: {_figures(today_lengths)}\n"
                         f"Last 7 days: {_figures(lengths)}")
        self.changed.emit()

    @Slot()
    @guarded("StaffStatistics.exportReport", None)
    def exportReport(self) -> None:
        """Write the report (HTML and CSV) and a copy of the statistics file to the export
        folder, in a thread; the panel says where when it is done."""
        if self._busy:
            return
        self._stats.flush(2.0)
        folder = export_folder(self._export_setting)
        self._busy = True
        self._message = f"Exporting to {folder} …"
        self.changed.emit()
        threading.Thread(target=self._export, args=(folder,), name="kiosk-stats-export",
                         daemon=True).start()

    def _export(self, folder: Path) -> None:
        from kiosk.services.settings import load_settings
        from kiosk.services.stats_html import branding, write

        stem = f"{safe_name(self._stats.kiosk)}-{self._today():%Y-%m-%d}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            copy = folder / f"{stem}.sqlite3"
            source = stats_db.open_for_reading(self._stats.path)
            try:
                target = sqlite3.connect(str(copy))
                source.backup(target)  # consistent even while the kiosk writes
                target.execute("PRAGMA journal_mode=DELETE")  # one file to carry away
                target.close()
            finally:
                source.close()
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
        self._exported.emit(message)

    @guarded("StaffStatistics._on_exported", None)
    def _on_exported(self, message: str) -> None:
        self._busy = False
        self._message = message
        self.changed.emit()


def _figures(lengths: list[int]) -> str:
    if not lengths:
        return "no visits"
    count = len(lengths)
    return (f"{count:,} visit{'s' if count != 1 else ''}, median time in use "
            f"{_minutes(round(stat.median(lengths)))}")
