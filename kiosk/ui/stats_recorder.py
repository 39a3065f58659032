"""Statistics from the outside: the recorder listens to the view-models' signals and tells
the Statistics service what a visitor did. No view-model knows it is there.

Which signals it listens to is written in one place, `_connect`.
"""

from __future__ import annotations

import logging
import platform
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk import __version__
from kiosk.content.model import Exhibit
from kiosk.services import stats_db
from kiosk.services.guard import guarded
from kiosk.services.settings import Settings
from kiosk.services.stats import Statistics, content_info
from kiosk.ui.navigation import Navigation
from kiosk.ui.session import Session

log = logging.getLogger("kiosk.stats")

WELCOME, PHOTO = Navigation.Screen.Welcome, Navigation.Screen.Photo
# Videos and sounds (issue 19): "event:video" when a visitor taps play; when the player lets
# go, "event:percent watched:captions language" ("off" when captions were off or absent)
MEDIA_PLAY, MEDIA_WATCHED = "media_play", "media_watched"


class StatsRecorder(QObject):
    """Turns screen, event, language, display and idle changes into a visit's record."""

    def __init__(self, statistics: Statistics, session: Session,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statistics = statistics
        self._session = session
        self._exhibit: Exhibit = session.exhibit
        self._screen = session.navigation.current_screen()
        self._event = session.current_event.id
        self._language = session.language.current()
        self._countdown = False
        self._connect()

    def _connect(self) -> None:
        session = self._session
        session.navigation.screenChanged.connect(self._on_screen)
        session.navigation.eventChanged.connect(self._on_event)
        session.navigation.photoZoomed.connect(self._on_zoom)
        session.language.languageChanged.connect(self._on_language)
        display = session.display
        display.largeTextChanged.connect(
            lambda: self._on_option("large_text", bool(display.largeText)))
        display.highContrastChanged.connect(
            lambda: self._on_option("high_contrast", bool(display.highContrast)))
        display.reducedMotionChanged.connect(
            lambda: self._on_option("reduced_motion", bool(display.reducedMotion)))
        session.idle.countdownChanged.connect(self._on_idle)
        session.media.played.connect(
            lambda event, kind: self.statistics.action(MEDIA_PLAY, f"{event}:{kind}"))
        session.media.watched.connect(lambda event, share, lang: self.statistics.action(
            MEDIA_WATCHED, f"{event}:{round(share * 100)}:{lang or 'off'}"))

    # --- what the signals mean for a visit ----------------------------------------------------

    @guarded("StatsRecorder._on_screen", None)
    def _on_screen(self) -> None:
        before, self._screen = self._screen, self._session.navigation.current_screen()
        stats = self.statistics
        if self._screen == WELCOME:
            # The countdown ran out if it was still showing when the welcome screen came.
            stats.visit_end("timeout" if self._countdown else "home")
            self._countdown = False
        elif before == WELCOME:
            self._begin()
        elif self._screen == PHOTO:
            stats.action(stats_db.PHOTO_OPEN)

    def _begin(self) -> None:
        self._event = self._session.current_event.id
        self._language = self._session.language.current()
        self.statistics.visit_start(self._language)
        self.statistics.view(self._event)
        if self._screen == PHOTO:
            self.statistics.action(stats_db.PHOTO_OPEN)

    @guarded("StatsRecorder._on_event", None)
    def _on_event(self) -> None:
        if self._session.exhibit is not self._exhibit:  # new content: a new visit if one goes on
            self._exhibit = self._session.exhibit
            self.statistics.set_content(content_info(self._exhibit))
            if self._screen != WELCOME:
                self._begin()
            return
        event = self._session.current_event.id
        if event != self._event and self._screen != WELCOME:
            self._event = event
            self.statistics.view(event)

    @guarded("StatsRecorder._on_language", None)
    def _on_language(self) -> None:
        language = self._session.language.current()
        if language != self._language:
            self._language = language
            if self._screen != WELCOME:
                self.statistics.action(stats_db.LANGUAGE, language)

    def _on_option(self, option: str, on: bool) -> None:
        if on:
            self.statistics.action(stats_db.OPTION, option)

    @guarded("StatsRecorder._on_zoom", None)
    def _on_zoom(self) -> None:
        self.statistics.action(stats_db.PHOTO_ZOOM)

    @guarded("StatsRecorder._on_idle", None)
    def _on_idle(self) -> None:
        active = bool(self._session.idle.active)
        if active and not self._countdown:
            self._countdown = True  # with how long nobody had touched: not time in use
            self.statistics.action(stats_db.COUNTDOWN, str(self._session.idle.still_ms()))
        elif not active and self._countdown:
            self._countdown = False
            if self._screen != WELCOME:
                self.statistics.action(stats_db.COUNTDOWN_ANSWERED)


def start_statistics(settings: Settings, session: Session,
                     path: Path | None = None) -> StatsRecorder | None:
    """Start recording for the kiosk's session, unless the settings turn statistics off."""
    if not settings.statistics:
        log.info("statistics: off (setting 'statistics = false')")
        return None
    name = settings.kiosk_name or platform.node() or "kiosk"
    statistics = Statistics(path or stats_db.default_path(), name, __version__,
                            retention_days=settings.statistics_days)
    statistics.start(content_info(session.exhibit))
    log.info("statistics: recording to %s as '%s'", statistics.path, name)
    return StatsRecorder(statistics, session, parent=session)
