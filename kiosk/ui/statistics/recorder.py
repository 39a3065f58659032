"""Statistics from the outside: the recorder listens to the view-models' signals and tells
the Statistics service what a visitor did. No view-model knows it is there.

Which signals it listens to is written in one place, `_connect`.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject

from kiosk import __version__
from kiosk.core.model import Event, Exhibit
from kiosk.services.guard import guarded
from kiosk.services.settings import Settings
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.statistics import database as stats_db
from kiosk.ui.statistics.records import (
    CountdownAnswered,
    CountdownShown,
    LanguageChosen,
    MediaPlayed,
    MediaWatched,
    OptionTurnedOn,
    PhotoOpened,
    PhotoZoomed,
)
from kiosk.ui.statistics.writer import Statistics, content_info

log = logging.getLogger("kiosk.stats")

WELCOME, PHOTO = Navigation.Screen.Welcome, Navigation.Screen.Photo


class Session(Protocol):
    """What the recorder watches: the visitor's session (kiosk.ui.shell.session.Session), which
    composes the features; the recorder only listens to their signals."""

    navigation: Navigation
    language: Language
    display: Any  # the display options (kiosk.ui.display.display): largeText... and their signals
    idle: Any  # the idle countdown (kiosk.ui.idle.idle): active, still_ms, countdownChanged
    media: Any  # the player (kiosk.ui.media.player): played(event, kind), watched(...)

    @property
    def exhibit(self) -> Exhibit: ...

    @property
    def current_event(self) -> Event: ...


class StatsRecorder(QObject):
    """Turns screen, event, language, display and idle changes into a visit's record."""

    def __init__(self, statistics: Statistics, session: Session,
                 parent: QObject | None = None, release: Callable[[], str] = str) -> None:
        super().__init__(parent)
        self.statistics = statistics
        self._release = release  # the release shown now (kiosk.ui.fleet.releases), "" for none
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
            lambda event, kind: self.statistics.note(MediaPlayed(event, kind)))
        session.media.watched.connect(lambda event, share, lang: self.statistics.note(
            MediaWatched(event, share, lang or "")))

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
            stats.note(PhotoOpened())

    def _begin(self) -> None:
        self._event = self._session.current_event.id
        self._language = self._session.language.current()
        self.statistics.visit_start(self._language)
        self.statistics.view(self._event)
        if self._screen == PHOTO:
            self.statistics.note(PhotoOpened())

    @guarded("StatsRecorder._on_event", None)
    def _on_event(self) -> None:
        if self._session.exhibit is not self._exhibit:  # new content: a new visit if one goes on
            self._exhibit = self._session.exhibit
            self.statistics.set_content(content_info(self._exhibit, self._release()))
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
                self.statistics.note(LanguageChosen(language))

    def _on_option(self, option: str, on: bool) -> None:
        if on:
            self.statistics.note(OptionTurnedOn(option))

    @guarded("StatsRecorder._on_zoom", None)
    def _on_zoom(self) -> None:
        self.statistics.note(PhotoZoomed())

    @guarded("StatsRecorder._on_idle", None)
    def _on_idle(self) -> None:
        active = bool(self._session.idle.active)
        if active and not self._countdown:
            self._countdown = True  # with how long nobody had touched: not time in use
            self.statistics.note(CountdownShown(self._session.idle.still_ms()))
        elif not active and self._countdown:
            self._countdown = False
            if self._screen != WELCOME:
                self.statistics.note(CountdownAnswered())


def start_statistics(settings: Settings, session: Session, path: Path | None = None,
                     release: Callable[[], str] = str) -> StatsRecorder | None:
    """Start recording for the kiosk's session, unless the settings turn statistics off."""
    if not settings.statistics:
        log.info("statistics: off (setting 'statistics = false')")
        return None
    name = settings.kiosk_name or platform.node() or "kiosk"
    statistics = Statistics(path or stats_db.default_path(), name, __version__,
                            retention_days=settings.statistics_days)
    statistics.start(content_info(session.exhibit, release()))
    log.info("statistics: recording to %s as '%s'", statistics.path, name)
    # the session's child: it lives as long as what it watches
    return StatsRecorder(statistics, session, release=release,
                         parent=session if isinstance(session, QObject) else None)
