"""What staff see and do: a PIN pad behind a hidden gesture, then reload, problems,
diagnostics and exit. Visitors never reach the panel without the PIN; the content's
problems are on the pad already (they are not secret), so staff know what to fix."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from math import ceil
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk import __version__
from kiosk.services.guard import guarded
from kiosk.services.logs import recent_lines
from kiosk.services.memory import process_mb
from kiosk.services.pin import MAX_DIGITS, PinGate
from kiosk.ui.problems import ContentReport, breakable, command
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "STAFF_CHORD", "StaffState"]

log = logging.getLogger("kiosk.staff")


STAFF_CHORD = "Ctrl+Alt+Shift+K"  # opens the PIN pad from a keyboard (view.InputGuard)


@runtime_checkable
class Refreshed(Protocol):
    """A part of the panel another feature gives (the visitor statistics): read afresh
    each time the panel opens. The shell hands it over; staff does not import it."""

    def refresh(self) -> None: ...


@QmlElement
@QmlSingleton
class StaffState(QObject):
    """What the PIN pad and the staff panel show, and every decision they need: who may
    open the panel, when the lockout ends, whether exit has been confirmed."""

    changed = Signal()
    pinChanged = Signal()  # a digit typed or deleted
    panelOpened = Signal()  # the right PIN: what the panel shows is read afresh

    def __init__(self, gate: PinGate, reload: Callable[[], object],
                 exit_kiosk: Callable[[], None], report: ContentReport,
                 settings_file: Path | None, log_file: Path | None,
                 parent: QObject | None = None, *,
                 statistics: QObject | None = None) -> None:
        """`statistics`: the visitor statistics' part of the panel (kiosk.ui.staff_stats),
        refreshed each time the panel opens; None when statistics are off."""
        super().__init__(parent)
        self._statistics = statistics
        if statistics is not None:
            statistics.setParent(self)
            if isinstance(statistics, Refreshed):
                self.panelOpened.connect(statistics.refresh)
        self._gate = gate
        self._reload = reload
        self._exit = exit_kiosk
        self._report = report
        self._settings_file = settings_file
        self._log_file = log_file
        self._started = time.monotonic()
        self._pin_open = False
        self._panel_open = False
        self._confirming_exit = False
        self._keyboard = False  # opened with the key chord: a keyboard, so not a visitor
        self._notice = ""  # the last answer to something staff did
        self._settings_problems: list[str] = []
        self._lockout_left = 0  # whole seconds, as the pad shows them
        self._entered = ""
        self._close_timer = QTimer(self, singleShot=True, interval=120_000)
        self._close_timer.timeout.connect(self.close)  # never left open for visitors
        self._lockout_timer = QTimer(self, interval=1000)  # the countdown, live
        self._lockout_timer.timeout.connect(self._tick)
        self._checking = False  # a reload asked for, its answer not yet in the report
        report.changed.connect(self._report_changed)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "staff")

    @property
    def report(self) -> ContentReport:
        return self._report

    @Property(bool, notify=changed)
    def pinPadOpen(self) -> bool:
        return self._pin_open

    @Property(bool, notify=changed)
    def panelOpen(self) -> bool:
        return self._panel_open

    @Property(QObject, notify=changed)  # set once; qmllint wants a notify
    def stats(self) -> QObject | None:
        """Visitor statistics for the panel; None when they are turned off."""
        return self._statistics

    @Property(bool, notify=changed)
    def pinConfigured(self) -> bool:
        return self._gate.configured

    @Property(bool, notify=changed)
    def confirmingExit(self) -> bool:
        return self._confirming_exit

    @Property(bool, notify=changed)
    def canExit(self) -> bool:
        """In the panel after the PIN; or, with no PIN set, after the key chord."""
        return self._panel_open or (self._pin_open and self._keyboard
                                    and not self._gate.configured)

    @Property(bool, notify=changed)
    def pinEntryEnabled(self) -> bool:
        return self._gate.configured and self._lockout_left <= 0

    @Property(str, notify=changed)
    def message(self) -> str:
        """The PIN pad's or panel's answer: the lockout left, a wrong PIN, how to set one."""
        if self._pin_open and self._lockout_left > 0:
            return f"Too many wrong PINs. Try again in {self._lockout_left}\u00a0s."
        if self._pin_open and not self._gate.configured:
            where = breakable(str(self._settings_file or "kiosk.toml"))
            leave = ("You can leave the kiosk now with Exit kiosk." if self._keyboard else
                     f"To leave the kiosk without a PIN, press {STAFF_CHORD} on a keyboard.")
            return (f"No staff PIN is set. To set one, run  {command('kiosk set-pin')}  on "
                    f"this computer (it writes {where}), then restart the kiosk. {leave}")
        return breakable(self._notice)

    @Property(str, notify=changed)
    def exitQuestion(self) -> str:
        return ("Exit the kiosk? Visitors will see the computer's desktop until the kiosk is "
                "started again.")

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def settingsProblems(self) -> list[str]:
        return [breakable(line) for line in self._settings_problems]

    @Property(str, notify=changed)
    def problemsTitle(self) -> str:
        count = len(self._report.problems) + len(self._settings_problems)
        return "Content problems" if count else "No content problems"

    @Property(str, notify=changed)
    def logTitle(self) -> str:
        return "Recent log lines (the last 8)"

    @Property(str, notify=changed)
    def diagnostics(self) -> str:
        uptime = int(time.monotonic() - self._started)
        lines = [
            f"kiosk {__version__}, Python {sys.version.split()[0]}, pid {os.getpid()}",
            f"content: {self._report.folder}",
            f"settings: {self._settings_file or '(defaults)'}",
            f"log: {self._log_file or '(none)'}",
            f"uptime: {uptime // 86400} d {uptime % 86400 // 3600} h "
            f"{uptime % 3600 // 60} min",
            f"memory: {process_mb(os.getpid()):.0f} MB",
        ]
        return breakable("\n".join(lines))

    @Property(str, notify=changed)
    def recentLog(self) -> str:
        return breakable("\n".join(recent_lines(8)))

    @Slot()
    @guarded("StaffState.requestAccess", None)
    def requestAccess(self) -> None:
        """The hidden corner was held (a touch: maybe a visitor)."""
        self._open_pad(keyboard=False)

    @Slot()
    @guarded("StaffState.keyChord", None)
    def keyChord(self) -> None:
        """Ctrl+Alt+Shift+K: someone with a keyboard, which visitors do not have."""
        self._open_pad(keyboard=True)

    def _open_pad(self, keyboard: bool) -> None:
        if self._panel_open:
            return
        self._forget_pin()
        self._pin_open = True
        self._keyboard = self._keyboard or keyboard
        self._notice = ""
        self._confirming_exit = False
        self._close_timer.start()
        self._follow_lockout()
        log.info("staff PIN pad opened (%s)", "key chord" if keyboard else "corner")
        self.changed.emit()

    @Property(str, notify=pinChanged)
    def pinDots(self) -> str:
        """One dot per digit typed (never the digits), a space when there is none."""
        return " ".join("●" * len(self._entered)) or " "

    @Slot(str)
    @guarded("StaffState.typeDigit", None)
    def typeDigit(self, digit: str) -> None:
        if digit.isdigit() and len(digit) == 1 and len(self._entered) < MAX_DIGITS:
            self._entered += digit
            self.pinChanged.emit()

    @Slot()
    @guarded("StaffState.deleteDigit", None)
    def deleteDigit(self) -> None:
        if self._entered:
            self._entered = self._entered[:-1]
            self.pinChanged.emit()

    @Slot()
    @guarded("StaffState.submitPin", None)
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
    @guarded("StaffState.enterPin", None)
    def enterPin(self, pin: str) -> None:
        if self._gate.wait_seconds() > 0:
            pass  # the message already counts down
        elif self._gate.attempt(pin):
            log.info("staff PIN accepted")
            self._pin_open = False
            self._panel_open = True
            self._notice = ""
            self.panelOpened.emit()
        else:
            log.warning("wrong staff PIN")
            self._notice = "Wrong PIN."
        self._close_timer.start()
        self._follow_lockout()
        self.changed.emit()

    @Slot()
    @guarded("StaffState.reload", None)
    def reload(self) -> None:
        """Read the content again: behind the screen (the answer comes with the report's
        next change), or at once (tools and tests)."""
        self._checking = True
        self._reload()
        if self._checking:
            self._notice = "Checking the content…"
        self._close_timer.start()
        self.changed.emit()

    def _report_changed(self) -> None:
        if self._checking:
            self._checking = False
            self._notice = ("The content has errors; the last good content stays on screen."
                            if self._report.error_count() else "Content reloaded.")
        self.changed.emit()

    def show_settings_problems(self, problems: Sequence[str]) -> None:
        self._settings_problems = list(problems)
        self.changed.emit()

    @Slot()
    @guarded("StaffState.exitKiosk", None)
    def exitKiosk(self) -> None:
        """The Exit button: ask first, it is next to buttons staff use every day."""
        if self.canExit:
            self._confirming_exit = True
            self._close_timer.start()
            self.changed.emit()

    @Slot()
    @guarded("StaffState.confirmExit", None)
    def confirmExit(self) -> None:
        if self.canExit and self._confirming_exit:
            log.info("staff exit")
            self._exit()

    @Slot()
    @guarded("StaffState.cancelExit", None)
    def cancelExit(self) -> None:
        self._confirming_exit = False
        self.changed.emit()

    @Slot()
    @guarded("StaffState.close", None)
    def close(self) -> None:
        self._forget_pin()
        self._pin_open = self._panel_open = self._confirming_exit = self._keyboard = False
        self._notice = ""
        self._lockout_timer.stop()
        self.changed.emit()

    def _follow_lockout(self) -> None:
        """Seconds left, as shown; the timer ticks only while the pad shows a lockout."""
        self._lockout_left = ceil(self._gate.wait_seconds())
        if self._pin_open and self._lockout_left > 0:
            if not self._lockout_timer.isActive():
                self._lockout_timer.start()
        else:
            self._lockout_timer.stop()

    @guarded("StaffState._tick", None)
    def _tick(self) -> None:
        self._follow_lockout()
        if self._lockout_left <= 0:
            self._notice = "You can enter the PIN again."
        self.changed.emit()
