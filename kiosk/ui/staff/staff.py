"""What staff see and do: a PIN pad behind a hidden gesture, then reload, problems,
diagnostics and exit. Visitors never reach the panel without the PIN; the content's
problems are on the pad already (they are not secret), so staff know what to fix.

`StaffState` decides (who may open the panel, when the lockout ends, whether exit has been
confirmed) and publishes what each part shows to three small view-models, one per concern:
`StaffPin` (the pad), `StaffPanel` (the panel's figures) and `StaffExit` (the question).
Each of their properties has its own notify signal, emitted only when its value changes;
costly figures (memory, the log) are computed when the panel opens, never in a getter."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from math import ceil
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QmlUncreatable, QQmlEngine

from kiosk import __version__
from kiosk.services.guard import guarded
from kiosk.services.logs import recent_lines
from kiosk.services.memory import process_mb
from kiosk.services.pin import MAX_DIGITS, PinGate
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.staff.content_report import ContentReport, breakable, command

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "STAFF_CHORD", "StaffExit", "StaffPanel",
           "StaffPin", "StaffState"]

log = logging.getLogger("kiosk.staff")


STAFF_CHORD = "Ctrl+Alt+Shift+K"  # opens the PIN pad from a keyboard (view.InputGuard)


@runtime_checkable
class Refreshed(Protocol):
    """A part of the panel another feature gives (the visitor statistics): read afresh
    each time the panel opens. The shell hands it over; staff does not import it."""

    def refresh(self) -> None: ...


EXIT_QUESTION = ("Exit the kiosk? Visitors will see the computer's desktop until the kiosk is "
                 "started again.")
LOG_LINES = 8


def _change(owner: QObject, name: str, value: Any, signal: Any) -> None:
    """Set `owner._<name>` and emit its notify signal, only if the value changed."""
    if getattr(owner, "_" + name) != value:
        setattr(owner, "_" + name, value)
        signal.emit()


@QmlElement
@QmlUncreatable("the PIN pad's state comes from StaffState.pin")
class StaffPin(QObject):  # type: ignore[operator]  # (QmlUncreatable takes a reason)
    """The PIN pad: whether it shows, the dots typed, whether keys take digits, its message."""

    openChanged = Signal()
    dotsChanged = Signal()
    entryEnabledChanged = Signal()
    messageChanged = Signal()

    def __init__(self, configured: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._configured = configured
        self._open = False
        self._dots = " "
        self._entryEnabled = configured
        self._message = ""

    @Property(bool, notify=openChanged)
    def open(self) -> bool:
        return self._open

    @Property(str, notify=dotsChanged)
    def dots(self) -> str:
        """One dot per digit typed (never the digits), a space when there is none."""
        return self._dots

    @Property(bool, constant=True)
    def configured(self) -> bool:
        """A PIN is set (kiosk set-pin; read at the start)."""
        return self._configured

    @Property(bool, notify=entryEnabledChanged)
    def entryEnabled(self) -> bool:
        return self._entryEnabled

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        """The lockout left, a wrong PIN, or how to set one."""
        return self._message

    def show(self, *, open: bool, dots: str, entry_enabled: bool, message: str) -> None:
        _change(self, "open", open, self.openChanged)
        _change(self, "dots", dots, self.dotsChanged)
        _change(self, "entryEnabled", entry_enabled, self.entryEnabledChanged)
        _change(self, "message", message, self.messageChanged)


@QmlElement
@QmlUncreatable("the staff panel's state comes from StaffState.panel")
class StaffPanel(QObject):  # type: ignore[operator]  # (QmlUncreatable takes a reason)
    """The staff panel: the answer to what staff did, the content's and settings' problems,
    diagnostics and the log (as of the panel's opening), and the visitor statistics."""

    openChanged = Signal()
    messageChanged = Signal()
    problemsTitleChanged = Signal()
    settingsProblemsChanged = Signal()
    diagnosticsChanged = Signal()
    recentLogChanged = Signal()

    def __init__(self, statistics: QObject | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._statistics = statistics
        self._open = False
        self._message = ""
        self._problemsTitle = ""
        self._settingsProblems: list[str] = []
        self._diagnostics = ""
        self._recentLog = ""

    @Property(bool, notify=openChanged)
    def open(self) -> bool:
        return self._open

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        """The answer to the last thing staff did ('Content reloaded.')."""
        return self._message

    @Property(str, notify=problemsTitleChanged)
    def problemsTitle(self) -> str:
        return self._problemsTitle

    @Property("QVariantList", notify=settingsProblemsChanged)  # type: ignore[arg-type]
    def settingsProblems(self) -> list[str]:
        return self._settingsProblems

    @Property(str, notify=diagnosticsChanged)
    def diagnostics(self) -> str:
        """Versions, folders, uptime and memory, as of the last refresh."""
        return self._diagnostics

    @Property(str, notify=recentLogChanged)
    def recentLog(self) -> str:
        return self._recentLog

    @Property(str, constant=True)
    def logTitle(self) -> str:
        return f"Recent log lines (the last {LOG_LINES})"

    @Property(QObject, constant=True)
    def stats(self) -> QObject | None:
        """Visitor statistics for the panel; None when they are turned off."""
        return self._statistics

    def show(self, *, open: bool, message: str, problems_title: str,
             settings_problems: list[str]) -> None:
        _change(self, "open", open, self.openChanged)
        _change(self, "message", message, self.messageChanged)
        _change(self, "problemsTitle", problems_title, self.problemsTitleChanged)
        _change(self, "settingsProblems", settings_problems, self.settingsProblemsChanged)

    def show_figures(self, diagnostics: str, recent_log: str) -> None:
        _change(self, "diagnostics", diagnostics, self.diagnosticsChanged)
        _change(self, "recentLog", recent_log, self.recentLogChanged)


@QmlElement
@QmlUncreatable("the exit question's state comes from StaffState.exit")
class StaffExit(QObject):  # type: ignore[operator]  # (QmlUncreatable takes a reason)
    """Leaving the kiosk: whether staff may, and the question asked first."""

    allowedChanged = Signal()
    confirmingChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allowed = False
        self._confirming = False

    @Property(bool, notify=allowedChanged)
    def allowed(self) -> bool:
        """In the panel after the PIN; or, with no PIN set, after the key chord."""
        return self._allowed

    @Property(bool, notify=confirmingChanged)
    def confirming(self) -> bool:
        return self._confirming

    @Property(str, constant=True)
    def question(self) -> str:
        return EXIT_QUESTION

    def show(self, *, allowed: bool, confirming: bool) -> None:
        _change(self, "allowed", allowed, self.allowedChanged)
        _change(self, "confirming", confirming, self.confirmingChanged)


@QmlElement
@QmlSingleton
class StaffState(QObject):
    """Every decision the PIN pad and the staff panel need: who may open the panel, when the
    lockout ends, whether exit has been confirmed. QML reads the three parts (`pin`, `panel`,
    `exit`) and calls the slots here."""

    def __init__(self, gate: PinGate, reload: Callable[[], object],
                 exit_kiosk: Callable[[], None], report: ContentReport,
                 settings_file: Path | None, log_file: Path | None,
                 parent: QObject | None = None, *,
                 statistics: QObject | None = None) -> None:
        """`statistics`: the visitor statistics' part of the panel (kiosk.ui.statistics.panel),
        refreshed each time the panel opens; None when statistics are off."""
        super().__init__(parent)
        if statistics is not None:
            statistics.setParent(self)
        self._pin = StaffPin(gate.configured, self)
        self._panel = StaffPanel(statistics, self)
        self._exit = StaffExit(self)
        self._statistics = statistics
        self._gate = gate
        self._reload = reload
        self._exit_kiosk = exit_kiosk
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
        self._publish()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "staff")

    @property
    def report(self) -> ContentReport:
        return self._report

    @Property(StaffPin, constant=True)
    def pin(self) -> StaffPin:
        return self._pin

    @Property(StaffPanel, constant=True)
    def panel(self) -> StaffPanel:
        return self._panel

    @Property(StaffExit, constant=True)
    def exit(self) -> StaffExit:
        return self._exit

    # --- what each part shows, from the decisions here ---------------------------------------

    def _can_exit(self) -> bool:
        return self._panel_open or (self._pin_open and self._keyboard
                                    and not self._gate.configured)

    def _pin_message(self) -> str:
        if self._pin_open and self._lockout_left > 0:
            return f"Too many wrong PINs. Try again in {self._lockout_left}\u00a0s."
        if self._pin_open and not self._gate.configured:
            where = breakable(str(self._settings_file or "kiosk.toml"))
            leave = ("You can leave the kiosk now with Exit kiosk." if self._keyboard else
                     f"To leave the kiosk without a PIN, press {STAFF_CHORD} on a keyboard.")
            return (f"No staff PIN is set. To set one, run  {command('kiosk set-pin')}  on "
                    f"this computer (it writes {where}), then restart the kiosk. {leave}")
        return breakable(self._notice)

    def _publish(self) -> None:
        """Tell each part what it shows now; only what changed is signalled."""
        self._pin.show(open=self._pin_open, dots=" ".join("●" * len(self._entered)) or " ",
                       entry_enabled=self._gate.configured and self._lockout_left <= 0,
                       message=self._pin_message())
        count = len(self._report.problems) + len(self._settings_problems)
        self._panel.show(open=self._panel_open, message=breakable(self._notice),
                         problems_title="Content problems" if count else "No content problems",
                         settings_problems=[breakable(line) for line in self._settings_problems])
        self._exit.show(allowed=self._can_exit(), confirming=self._confirming_exit)

    def _refresh_panel(self) -> None:
        """The panel's costly figures (memory, the log), read as it opens."""
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
        self._panel.show_figures(breakable("\n".join(lines)),
                                 breakable("\n".join(recent_lines(LOG_LINES))))
        if isinstance(self._statistics, Refreshed):
            self._statistics.refresh()

    # --- what staff do ------------------------------------------------------------------------

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
        self._entered = ""
        self._pin_open = True
        self._keyboard = self._keyboard or keyboard
        self._notice = ""
        self._confirming_exit = False
        self._close_timer.start()
        self._follow_lockout()
        log.info("staff PIN pad opened (%s)", "key chord" if keyboard else "corner")
        self._publish()

    @Slot(str)
    @guarded("StaffState.typeDigit", None)
    def typeDigit(self, digit: str) -> None:
        if digit.isdigit() and len(digit) == 1 and len(self._entered) < MAX_DIGITS:
            self._entered += digit
            self._publish()

    @Slot()
    @guarded("StaffState.deleteDigit", None)
    def deleteDigit(self) -> None:
        if self._entered:
            self._entered = self._entered[:-1]
            self._publish()

    @Slot()
    @guarded("StaffState.submitPin", None)
    def submitPin(self) -> None:
        """OK on the pad: check what was typed, and start again."""
        pin, self._entered = self._entered, ""
        self.enterPin(pin)

    @Slot(str)
    @guarded("StaffState.enterPin", None)
    def enterPin(self, pin: str) -> None:
        opened = False
        if self._gate.wait_seconds() > 0:
            pass  # the message already counts down
        elif self._gate.attempt(pin):
            log.info("staff PIN accepted")
            self._pin_open = False
            self._panel_open = opened = True
            self._notice = ""
        else:
            log.warning("wrong staff PIN")
            self._notice = "Wrong PIN."
        self._close_timer.start()
        self._follow_lockout()
        if opened:
            self._refresh_panel()
        self._publish()

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
        self._publish()

    def _report_changed(self) -> None:
        if self._checking:
            self._checking = False
            self._notice = ("The content has errors; the last good content stays on screen."
                            if self._report.error_count() else "Content reloaded.")
        self._publish()

    def show_settings_problems(self, problems: Sequence[str]) -> None:
        self._settings_problems = list(problems)
        self._publish()

    @Slot()
    @guarded("StaffState.exitKiosk", None)
    def exitKiosk(self) -> None:
        """The Exit button: ask first, it is next to buttons staff use every day."""
        if self._can_exit():
            self._confirming_exit = True
            self._close_timer.start()
            self._publish()

    @Slot()
    @guarded("StaffState.confirmExit", None)
    def confirmExit(self) -> None:
        if self._can_exit() and self._confirming_exit:
            log.info("staff exit")
            self._exit_kiosk()

    @Slot()
    @guarded("StaffState.cancelExit", None)
    def cancelExit(self) -> None:
        self._confirming_exit = False
        self._publish()

    @Slot()
    @guarded("StaffState.close", None)
    def close(self) -> None:
        self._entered = ""
        self._pin_open = self._panel_open = self._confirming_exit = self._keyboard = False
        self._notice = ""
        self._lockout_timer.stop()
        self._publish()

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
        self._publish()
