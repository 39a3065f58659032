"""What staff see and do: a PIN pad behind a hidden gesture, then reload, problems,
diagnostics and exit. Visitors never reach it without the PIN."""

from __future__ import annotations

import logging
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk import __version__
from kiosk.services.logs import recent_lines
from kiosk.services.pin import MAX_DIGITS, PinGate
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "StaffState", "memory_mb"]

log = logging.getLogger("kiosk.staff")


def memory_mb() -> float:
    """Resident memory of this process, in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024


@QmlElement
@QmlSingleton
class StaffState(QObject):
    changed = Signal()
    pinChanged = Signal()  # a digit typed or deleted

    def __init__(self, gate: PinGate, reload: Callable[[], list[str]],
                 exit_kiosk: Callable[[], None], content_folder: Path,
                 settings_file: Path | None, log_file: Path | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gate = gate
        self._reload = reload
        self._exit = exit_kiosk
        self._folder = content_folder
        self._settings_file = settings_file
        self._log_file = log_file
        self._started = time.monotonic()
        self._pin_open = False
        self._panel_open = False
        self._message = ""
        self._entered = ""
        self._problems: list[str] = []
        self._close_timer = QTimer(self, singleShot=True, interval=120_000)
        self._close_timer.timeout.connect(self.close)  # never left open for visitors

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "staff")

    @Property(bool, notify=changed)
    def pinPadOpen(self) -> bool:
        return self._pin_open

    @Property(bool, notify=changed)
    def panelOpen(self) -> bool:
        return self._panel_open

    @Property(bool, notify=changed)
    def pinConfigured(self) -> bool:
        return self._gate.configured

    @Property(str, notify=changed)
    def message(self) -> str:
        return self._message

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def problems(self) -> list[str]:
        return self._problems

    @Property(str, notify=changed)
    def diagnostics(self) -> str:
        uptime = int(time.monotonic() - self._started)
        lines = [
            f"kiosk {__version__}, Python {sys.version.split()[0]}, pid {os.getpid()}",
            f"content: {self._folder}",
            f"settings: {self._settings_file or '(defaults)'}",
            f"log: {self._log_file or '(none)'}",
            f"uptime: {uptime // 86400} d {uptime % 86400 // 3600} h "
            f"{uptime % 3600 // 60} min",
            f"memory: {memory_mb():.0f} MB",
            "",
            *recent_lines(8),
        ]
        return "\n".join(lines)

    @Slot()
    def requestAccess(self) -> None:
        """The hidden corner was held, or the key chord pressed."""
        if self._panel_open:
            return
        self._forget_pin()
        self._pin_open = True
        errors = self.error_count()
        parts = []
        if errors:
            parts.append(f"The content has {errors} error{'s' if errors != 1 else ''}; the "
                         "bundled or last good exhibit is shown.")
        if not self._gate.configured:
            parts.append("No staff PIN is set. On this computer run:  kiosk set-pin  (it "
                         f"writes {self._settings_file or 'kiosk.toml'}), then restart the "
                         "kiosk.")
        elif errors:
            parts.append("Enter the PIN to see the problems.")
        self._message = " ".join(parts)
        self._close_timer.start()
        log.info("staff PIN pad opened")
        self.changed.emit()

    @Property(str, notify=pinChanged)
    def pinDots(self) -> str:
        """One dot per digit typed (never the digits), a space when there is none."""
        return " ".join("●" * len(self._entered)) or " "

    @Slot(str)
    def typeDigit(self, digit: str) -> None:
        if digit.isdigit() and len(digit) == 1 and len(self._entered) < MAX_DIGITS:
            self._entered += digit
            self.pinChanged.emit()

    @Slot()
    def deleteDigit(self) -> None:
        if self._entered:
            self._entered = self._entered[:-1]
            self.pinChanged.emit()

    @Slot()
    def submitPin(self) -> None:
        """OK on the pad: check what was typed, and start again."""
        pin, self._entered = self._entered, ""
        self.pinChanged.emit()
        self.enterPin(pin)

    def _forget_pin(self) -> None:
        if self._entered:
            self._entered = ""
            self.pinChanged.emit()

    @Slot(str)
    def enterPin(self, pin: str) -> None:
        wait = self._gate.wait_seconds()
        if wait > 0:
            self._message = f"Too many wrong PINs. Try again in {wait:.0f} s."
        elif self._gate.attempt(pin):
            log.info("staff PIN accepted")
            self._pin_open = False
            self._panel_open = True
            self._message = ""
        else:
            log.warning("wrong staff PIN")
            wait = self._gate.wait_seconds()
            self._message = (f"Wrong PIN. Try again in {wait:.0f} s." if wait > 0
                             else "Wrong PIN.")
        self._close_timer.start()
        self.changed.emit()

    @Slot()
    def reload(self) -> None:
        self._problems = self._reload()
        self._message = ("The content has errors; the last good content stays on screen."
                         if self.error_count() else "Content reloaded.")
        self._close_timer.start()
        self.changed.emit()

    def error_count(self) -> int:
        """Errors among the problem lines (`file:line:col: error: ...`)."""
        return sum(": error:" in line for line in self._problems)

    def show_problems(self, problems: list[str]) -> None:
        """Content problems found outside the panel (start-up, --watch): staff only."""
        self._problems = problems
        self.changed.emit()

    @Slot()
    def exitKiosk(self) -> None:
        if self._panel_open:
            log.info("staff exit")
            self._exit()

    @Slot()
    def close(self) -> None:
        self._forget_pin()
        self._pin_open = self._panel_open = False
        self._message = ""
        self.changed.emit()
