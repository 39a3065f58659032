"""Is anybody there? After a quiet while, "Still there?" with a countdown; without an
answer, `timedOut` (the session then resets the kiosk for the next visitor)."""

from __future__ import annotations

from PySide6.QtCore import Property, QElapsedTimer, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.services.guard import guarded
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Idle"]

COUNTDOWN_SECONDS = 20  # WCAG 2.2.1: at least 20 s to answer "still there?"


@QmlElement
@QmlSingleton
class Idle(QObject):
    countdownChanged = Signal()  # the countdown started, ticked, or ended
    timedOut = Signal()  # nobody answered, or nobody was there on the welcome screen

    def __init__(self, navigation: Navigation, language: Language, timeout_ms: int,
                 countdown_seconds: int = COUNTDOWN_SECONDS, tick_ms: int = 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._navigation = navigation
        self._language = language
        self._total = countdown_seconds
        self._remaining = 0
        self._still = QElapsedTimer()  # since the last touch: the statistics' idle time
        self._still.start()
        self._idle_timer = QTimer(self, singleShot=True, interval=timeout_ms)
        self._idle_timer.timeout.connect(self._on_idle)
        self._tick_timer = QTimer(self, interval=tick_ms)
        self._tick_timer.timeout.connect(self._on_tick)
        language.languageChanged.connect(self.countdownChanged)  # the message's language
        self._idle_timer.start()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "idle")

    def set_timeout(self, timeout_ms: int) -> None:
        self._idle_timer.setInterval(timeout_ms)

    def restart(self) -> None:
        self._still.start()
        self._idle_timer.start()

    def still_ms(self) -> int:
        """Milliseconds since the last touch (or screen change): when the countdown starts,
        the time nobody touched the screen, which a visit's time in use leaves out."""
        return int(self._still.elapsed())

    @Slot()
    @guarded("Idle.touch", None)
    def touch(self) -> None:
        """Any touch, click, drag or wheel: the visitor is here."""
        if self._remaining:
            self._remaining = 0
            self._tick_timer.stop()
            self.countdownChanged.emit()
        self._still.start()
        self._idle_timer.start()

    def asking(self) -> bool:
        """Is "Still there?" on screen?"""
        return self._remaining > 0

    @Property(bool, notify=countdownChanged)
    def active(self) -> bool:
        return self.asking()

    @Property(int, notify=countdownChanged)
    def remaining(self) -> int:
        return self._remaining

    @Property(int, notify=countdownChanged)
    def total(self) -> int:
        return self._total

    @Property(float, notify=countdownChanged)
    def fraction(self) -> float:
        """How much of the countdown is left, for the ring."""
        return self._remaining / self._total if self._total else 0.0

    @Property(str, notify=countdownChanged)
    def message(self) -> str:
        """'Returning to the start in 17 s', in the visitor's language."""
        return self._language.word("returning", n=self._remaining)

    @guarded("Idle._on_idle", None)
    def _on_idle(self) -> None:
        if self._navigation.current_screen() == Navigation.Screen.Welcome:
            self.timedOut.emit()  # nothing on screen to lose: no need to ask
            return
        self.startCountdown()

    @Slot()
    @guarded("Idle.startCountdown", None)
    def startCountdown(self) -> None:
        """Ask "still there?"; without an answer, time out when the countdown ends."""
        self._remaining = self._total
        self._tick_timer.start()
        self.countdownChanged.emit()

    @guarded("Idle._on_tick", None)
    def _on_tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._remaining = 0
            self._tick_timer.stop()
            self.timedOut.emit()
        self.countdownChanged.emit()
