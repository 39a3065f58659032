"""Statistics from the outside: the recorder listens to the kiosk's signals and tells the
Statistics service what a visitor did. The UI state knows nothing of it.

The signals it listens to are named in one place, `_connect`: when the view-models change,
that is the one function to change.
"""

from __future__ import annotations

import logging
import platform
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk import __version__
from kiosk.content.model import Exhibit
from kiosk.services import stats_db
from kiosk.services.settings import Settings
from kiosk.services.stats import Statistics, content_info
from kiosk.ui.state import WELCOME, KioskState

log = logging.getLogger("kiosk.stats")

OPTIONS = ("large_text", "high_contrast", "reduced_motion")


class StatsRecorder(QObject):
    """Turns screen, event, language, display and idle changes into a visit's record."""

    def __init__(self, statistics: Statistics, state: KioskState,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statistics = statistics
        self._state = state
        self._exhibit: Exhibit = state.exhibit
        self._screen: str = str(state.screen)
        self._event = state.current_event.id
        self._language: str = str(state.language)
        self._options = self._read_options()
        self._countdown = False
        self._connect()

    def _connect(self) -> None:
        state = self._state
        state.screenChanged.connect(self._on_screen)
        state.textsChanged.connect(self._on_texts)
        state.displayChanged.connect(self._on_display)
        state.idleChanged.connect(self._on_idle)

    def _read_options(self) -> dict[str, bool]:
        state = self._state
        return {"large_text": bool(state.largeText), "high_contrast": bool(state.highContrast),
                "reduced_motion": bool(state.reducedMotion)}

    # --- what the signals mean for a visit ----------------------------------------------------

    def _on_screen(self) -> None:
        before, self._screen = self._screen, str(self._state.screen)
        stats = self.statistics
        if self._screen == WELCOME:
            stats.visit_end("timeout" if self._countdown else "home")
            self._countdown = False
            return
        if before == WELCOME:
            self._begin()
        elif self._screen == "photo":
            stats.action(stats_db.PHOTO_OPEN)

    def _begin(self) -> None:
        self._event = self._state.current_event.id
        self.statistics.visit_start(str(self._state.language))
        self.statistics.view(self._event)
        if self._screen == "photo":
            self.statistics.action(stats_db.PHOTO_OPEN)

    def _on_texts(self) -> None:
        stats = self.statistics
        if self._state.exhibit is not self._exhibit:  # new content: a new visit if one goes on
            self._exhibit = self._state.exhibit
            stats.set_content(content_info(self._exhibit))
            self._language = str(self._state.language)
            if self._screen != WELCOME:
                self._begin()
            return
        event, language = self._state.current_event.id, str(self._state.language)
        if language != self._language:
            self._language = language
            if stats.visiting:
                stats.action(stats_db.LANGUAGE, language)
        if event != self._event and self._screen != WELCOME:
            self._event = event
            stats.view(event)

    def _on_display(self) -> None:
        now = self._read_options()
        for option in OPTIONS:
            if now[option] and not self._options[option]:
                self.statistics.action(stats_db.OPTION, option)
        self._options = now

    def _on_idle(self) -> None:
        active = bool(self._state.idleActive)
        if active and not self._countdown:
            self._countdown = True
            self.statistics.action(stats_db.COUNTDOWN)
        elif not active and self._countdown:
            self._countdown = False
            if self._screen != WELCOME:
                self.statistics.action(stats_db.COUNTDOWN_ANSWERED)

    def photo_zoomed(self) -> None:
        self.statistics.action(stats_db.PHOTO_ZOOM)


def start_statistics(settings: Settings, state: KioskState,
                     path: Path | None = None) -> StatsRecorder | None:
    """Start recording for the kiosk's state, unless the settings turn statistics off."""
    if not settings.statistics:
        log.info("statistics: off (setting 'statistics = false')")
        return None
    name = settings.kiosk_name or platform.node() or "kiosk"
    statistics = Statistics(path or stats_db.default_path(), name, __version__,
                            retention_days=settings.statistics_days)
    statistics.start(content_info(state.exhibit))
    log.info("statistics: recording to %s as '%s'", statistics.path, name)
    return StatsRecorder(statistics, state, parent=state)
