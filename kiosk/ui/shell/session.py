"""One visitor session on one exhibit: the view-models QML sees, and how they work together.

Each view-model has one concern and its own signals; this class only wires them: the idle
countdown's time-out resets everything for the next visitor, a reload hands the new
content to each, and freed memory goes back after the visitor stops moving.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.core.model import Event, Exhibit
from kiosk.services.guard import guarded
from kiosk.services.memory import Trimmer
from kiosk.ui.display.display import Display
from kiosk.ui.event.current import CurrentEvent
from kiosk.ui.idle.idle import COUNTDOWN_SECONDS, Idle
from kiosk.ui.language.language import Language
from kiosk.ui.media.player import MediaState
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.pictures import Pictures
from kiosk.ui.shared.render import FADE_FPS_SOFTWARE
from kiosk.ui.shared.theme import font_family
from kiosk.ui.shared.typesetter import Typeset
from kiosk.ui.timeline.exhibition import Exhibition
from kiosk.ui.timeline.strip import Timeline
from kiosk.ui.welcome.attract import Attract


class Session(QObject):
    def __init__(self, exhibit: Exhibit, *, idle_timeout_ms: int | None = None,
                 countdown_seconds: int = COUNTDOWN_SECONDS, tick_ms: int = 1000,
                 reduced_motion: bool = False, default_language: str | None = None,
                 fade_fps: int = FADE_FPS_SOFTWARE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._idle_timeout_ms = idle_timeout_ms
        self.pictures = Pictures(exhibit)
        self.navigation = Navigation(exhibit, self)
        self.language = Language(exhibit, default_language, self)
        self.display = Display(reduced_motion, self)
        self.current = CurrentEvent(self.navigation, self.language, self.pictures, self)
        self.exhibition = Exhibition(exhibit, self.language, self)
        self.attract = Attract(self.navigation, self.language, self.pictures, fade_fps, self)
        self.idle = Idle(self.navigation, self.language, self._idle_ms(), countdown_seconds,
                         tick_ms, self)
        self.media = MediaState(self.navigation, self.language, self.display, self.pictures,
                                self.idle, self)
        self.timeline = Timeline(exhibit, self.language, self.display, self, self.navigation)
        self.typeset = Typeset(self, family=lambda: font_family(self.language.current()))
        self.idle.timedOut.connect(self.reset)
        self._trimmer = Trimmer(self)  # kept: a signal does not keep its receiver alive
        self.navigation.eventChanged.connect(self._trimmer.soon)
        self.navigation.screenChanged.connect(self._trimmer.soon)
        # each attract picture is a fresh decode of the screen's size: over days on the
        # welcome screen, the heap kept what they freed (a soak grew 144 -> 181 MB)
        self.attract.pictureChanged.connect(self._trimmer.soon)

    def parts(self) -> dict[str, QObject]:
        """The view-models by name, for the QML singletons (kiosk.ui.shared.qmlmodule)."""
        return {"navigation": self.navigation, "language": self.language,
                "display": self.display, "current": self.current,
                "exhibition": self.exhibition, "attract": self.attract, "idle": self.idle,
                "timeline": self.timeline, "typeset": self.typeset, "media": self.media}

    @property
    def exhibit(self) -> Exhibit:
        return self._exhibit

    @property
    def current_event(self) -> Event:
        return self.navigation.current_event

    def photo_url(self, event_index: int, media_index: int) -> str:
        return self.pictures.url(event_index, media_index)

    def _idle_ms(self) -> int:
        if self._idle_timeout_ms is not None:
            return self._idle_timeout_ms
        return round(self._exhibit.idle_timeout * 1000)

    def set_exhibit(self, exhibit: Exhibit) -> None:
        """Swap in new content at once; the current event stays on screen if it still exists."""
        self._exhibit = exhibit
        # Photos and the place first, so that whatever QML reads next matches.
        self.pictures.set_exhibit(exhibit)
        self.navigation.set_exhibit(exhibit)
        self.media.set_exhibit()
        self.exhibition.set_exhibit(exhibit)
        self.language.set_exhibit(exhibit)
        self.attract.restart()
        self.timeline.set_exhibit(exhibit)
        self.idle.set_timeout(self._idle_ms())

    @guarded("Session.reset", None)
    def reset(self) -> None:
        """Back to the welcome screen, home language, first event, default display."""
        self.navigation.home()
        self.language.reset()
        self.display.reset()
        self.timeline.resetZoom()  # a new visitor starts where the events are named
        self.idle.restart()
