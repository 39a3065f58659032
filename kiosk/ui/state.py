"""The one controller QML talks to: which screen, event, photo, language, and idle time.

QML presents these properties and calls the slots; every decision is made here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, QUrl, Signal, Slot

from kiosk.content.i18n import LANGUAGE_NAMES, UI_STRINGS, ui_strings
from kiosk.content.model import Event, Exhibit
from kiosk.services.memory import trim
from kiosk.ui.markdown import kiosk_markdown
from kiosk.ui.models import EraModel, EventModel, TickModel
from kiosk.ui.render import FADE_FPS_SOFTWARE
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, band_color
from kiosk.ui.timeline import layout

WELCOME, EVENT, PHOTO = "welcome", "event", "photo"
COUNTDOWN_SECONDS = 20  # WCAG 2.2.1: at least 20 s to answer "still there?"


def every_language(key: str, languages: tuple[str, ...]) -> str:
    """A UI string in each of the exhibit's languages, e.g. 'Continue · 继续'."""
    values = UI_STRINGS[key]
    texts = dict.fromkeys(values.get(lang, values["en"]) for lang in languages)
    return " · ".join(texts)


class KioskState(QObject):
    screenChanged = Signal()
    textsChanged = Signal()  # current event, photo, language or content
    displayChanged = Signal()
    idleChanged = Signal()
    attractChanged = Signal()
    attractCaptionChanged = Signal()  # a new attract picture, or a new language

    def __init__(self, exhibit: Exhibit, *, idle_timeout_ms: int | None = None,
                 countdown_seconds: int = COUNTDOWN_SECONDS, tick_ms: int = 1000,
                 reduced_motion: bool = False, default_language: str | None = None,
                 fade_fps: int = FADE_FPS_SOFTWARE,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._wanted_home = default_language
        self._screen = WELCOME
        self._index = 0
        self._photo = 0
        self._lang = self._home_language()
        self._large_text = False
        self._high_contrast = False
        self._default_reduced_motion = reduced_motion
        self._reduced_motion = reduced_motion
        self._generation = 0  # bumps on reload so QML asks for the new pictures
        self._attract = 0
        self._fade_fps = fade_fps
        timeline = layout(exhibit)
        self._timeline_width = timeline.width
        self.events = EventModel(exhibit, self._lang, timeline)
        self.eras = EraModel(exhibit, self._lang, timeline)
        self.ticks = TickModel(exhibit, self._lang, timeline)

        self._idle_timeout_ms = idle_timeout_ms
        self._countdown_total = countdown_seconds
        self._remaining = 0
        self._idle_timer = QTimer(self, singleShot=True)
        self._idle_timer.timeout.connect(self._on_idle)
        self._tick_timer = QTimer(self, interval=tick_ms)
        self._tick_timer.timeout.connect(self._on_tick)
        self._attract_timer = QTimer(self)
        self._attract_timer.timeout.connect(self.advanceAttract)
        # Half a second after the visitor stops moving, hand freed memory back.
        self._trim_timer = QTimer(self, singleShot=True, interval=500)
        self._trim_timer.timeout.connect(trim)
        self._apply_timers()
        self._idle_timer.start()
        self._attract_timer.start()

    # --- content -----------------------------------------------------------------------------

    @property
    def exhibit(self) -> Exhibit:
        return self._exhibit

    def set_exhibit(self, exhibit: Exhibit) -> None:
        """Swap in new content at once; the current event stays on screen if it still exists."""
        current_id = self.current_event.id
        self._exhibit = exhibit
        self._generation += 1
        timeline = layout(exhibit)
        self._timeline_width = timeline.width
        for model in (self.events, self.eras, self.ticks):
            model.set_content(exhibit, timeline)
        if self._lang not in exhibit.languages:
            self._set_language(self._home_language())
        new_index = exhibit.event_index(current_id)
        self._index = new_index if new_index is not None else 0
        if new_index is None and self._screen != WELCOME:
            self._set_screen(EVENT)
        self._photo = min(self._photo, max(0, len(self.current_event.media) - 1))
        self._attract = 0
        self._apply_timers()
        self.textsChanged.emit()
        self.attractChanged.emit()
        self.attractCaptionChanged.emit()

    def _apply_timers(self) -> None:
        timeout = self._idle_timeout_ms
        if timeout is None:
            timeout = round(self._exhibit.idle_timeout * 1000)
        self._idle_timer.setInterval(timeout)
        self._attract_timer.setInterval(round(self._exhibit.attract_interval * 1000))

    def _home_language(self) -> str:
        """The staff's default language if the exhibit has it, else the exhibit's."""
        if self._wanted_home in self._exhibit.languages:
            return self._wanted_home or ""
        return self._exhibit.default_language

    @property
    def current_event(self) -> Event:
        return self._exhibit.events[self._index]

    # --- screen and navigation ---------------------------------------------------------------

    def _set_screen(self, screen: str) -> None:
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()

    @Property(str, notify=screenChanged)
    def screen(self) -> str:
        return self._screen

    @Property(int, notify=textsChanged)
    def currentIndex(self) -> int:
        return self._index

    @Property(int, notify=textsChanged)
    def eventCount(self) -> int:
        return len(self._exhibit.events)

    @Slot(int)
    def openEvent(self, index: int) -> None:
        if not 0 <= index < len(self._exhibit.events):
            return
        if index != self._index:
            self._index = index
            self._photo = 0
            self.textsChanged.emit()
            self._trim_timer.start()
        self._set_screen(EVENT)

    @Slot()
    def begin(self) -> None:
        """From the welcome screen: open the event its picture shows."""
        self.openEvent(self._attract_events()[self._attract])

    @Slot(result=bool)
    def next(self) -> bool:
        if self._index + 1 >= len(self._exhibit.events):
            return False
        self.openEvent(self._index + 1)
        return True

    @Slot(result=bool)
    def previous(self) -> bool:
        if self._index == 0:
            return False
        self.openEvent(self._index - 1)
        return True

    @Slot()
    def goHome(self) -> None:
        self._set_screen(WELCOME)

    # --- photos ------------------------------------------------------------------------------

    @Slot(int)
    def openPhoto(self, index: int) -> None:
        if 0 <= index < len(self.current_event.media):
            self.showPhoto(index)
            self._set_screen(PHOTO)

    @Slot(int)
    def showPhoto(self, index: int) -> None:
        if 0 <= index < len(self.current_event.media) and index != self._photo:
            self._photo = index
            self.textsChanged.emit()

    @Slot()
    def closePhoto(self) -> None:
        if self._screen == PHOTO:
            self._set_screen(EVENT)
            self._trim_timer.start()

    @Property(int, notify=textsChanged)
    def photoIndex(self) -> int:
        return self._photo

    @Property(list, notify=textsChanged)
    def photos(self) -> list[dict[str, Any]]:
        return [self._photo_dict(self._index, i) for i in range(len(self.current_event.media))]

    @Property(list, notify=textsChanged)
    def neighbours(self) -> list[dict[str, Any]]:
        """The first photos of the previous and next events (empty where there is none),
        for QML to decode ahead."""
        return [self._photo_dict(i, 0)
                if 0 <= i < len(self._exhibit.events) and self._exhibit.events[i].media
                else {} for i in (self._index - 1, self._index + 1)]

    def _photo_dict(self, event_index: int, media_index: int) -> dict[str, Any]:
        media = self._exhibit.events[event_index].media[media_index]
        return {
            "source": self.photo_url(event_index, media_index),
            "caption": media.caption.get(self._lang),
            "credit": media.credit,
            "alt": media.alt.get(self._lang),
            "aspect": media.width / media.height if media.height else 1.5,
            "rotated": media.rotated,
        }

    def photo_url(self, event_index: int, media_index: int) -> str:
        """A file URL; the generation makes Qt's image cache forget pictures after a reload."""
        path = self._exhibit.events[event_index].media[media_index].image
        url = QUrl.fromLocalFile(str(path))
        url.setQuery(f"v={self._generation}")
        return url.toString()

    # --- texts of the current event ----------------------------------------------------------

    @Property(str, notify=textsChanged)
    def eventTitle(self) -> str:
        return self.current_event.title.get(self._lang)

    @Property(str, notify=textsChanged)
    def eventDate(self) -> str:
        return self.current_event.date_text(self._lang)

    @Property(str, notify=textsChanged)
    def eventBody(self) -> str:
        return kiosk_markdown(self.current_event.body.get(self._lang), self._lang)

    @Property(str, notify=textsChanged)
    def eventEra(self) -> str:
        era = self._exhibit.era(self.current_event.era)
        return era.title.get(self._lang) if era else ""

    @Property(str, notify=textsChanged)
    def eventEraColor(self) -> str:
        era = self._exhibit.era(self.current_event.era)
        return band_color(era.color) if era else ""

    @Property(str, notify=textsChanged)
    def exhibitTitle(self) -> str:
        return self._exhibit.title.get(self._lang)

    @Property(str, notify=textsChanged)
    def exhibitSubtitle(self) -> str:
        return self._exhibit.subtitle.get(self._lang)

    @Property(float, notify=textsChanged)
    def attractInterval(self) -> float:
        return self._exhibit.attract_interval

    @Property(float, notify=textsChanged)
    def timelineWidth(self) -> float:
        return self._timeline_width

    # --- language ----------------------------------------------------------------------------

    @Property(str, notify=textsChanged)
    def language(self) -> str:
        return self._lang

    @Property(list, notify=textsChanged)
    def languages(self) -> list[dict[str, str]]:
        return [{"code": code, "name": LANGUAGE_NAMES.get(code, code.upper())}
                for code in self._exhibit.languages]

    @Property(dict, notify=textsChanged)
    def strings(self) -> dict[str, str]:
        return ui_strings(self._lang)

    @Property(dict, notify=textsChanged)
    def everyLanguage(self) -> dict[str, str]:
        """Texts shown in all languages at once, for visitors who have not chosen yet."""
        return {key: every_language(key, self._exhibit.languages)
                for key in ("touch", "still_there", "continue")}

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang in self._exhibit.languages:
            self._set_language(lang)

    def _set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            for model in (self.events, self.eras, self.ticks):
                model.set_language(lang)
            self.textsChanged.emit()
            self.attractCaptionChanged.emit()

    # --- display options ---------------------------------------------------------------------

    @Property(bool, notify=displayChanged)
    def largeText(self) -> bool:
        return self._large_text

    @Property(bool, notify=displayChanged)
    def highContrast(self) -> bool:
        return self._high_contrast

    @Property(bool, notify=displayChanged)
    def reducedMotion(self) -> bool:
        return self._reduced_motion

    @Property(dict, notify=displayChanged)
    def colors(self) -> dict[str, str]:
        return HIGH_CONTRAST if self._high_contrast else NORMAL

    @Slot()
    def toggleLargeText(self) -> None:
        self._large_text = not self._large_text
        self.displayChanged.emit()

    @Slot()
    def toggleHighContrast(self) -> None:
        self._high_contrast = not self._high_contrast
        self.displayChanged.emit()

    @Slot()
    def toggleReducedMotion(self) -> None:
        self._reduced_motion = not self._reduced_motion
        self.displayChanged.emit()

    # --- welcome screen's attract cycle ------------------------------------------------------

    def _attract_events(self) -> list[int]:
        highlighted = [i for i, e in enumerate(self._exhibit.events) if e.highlight and e.media]
        return highlighted or [i for i, e in enumerate(self._exhibit.events) if e.media] or [0]

    @Slot()
    def advanceAttract(self) -> None:
        if self._screen == WELCOME:
            self._attract = (self._attract + 1) % len(self._attract_events())
            self.attractChanged.emit()
            self.attractCaptionChanged.emit()
            # each picture is a fresh 8 MB decode: over days, the heap kept what they freed
            self._trim_timer.start()

    @Property(dict, notify=attractChanged)
    def attract(self) -> dict[str, Any]:
        index = self._attract_events()[self._attract]
        event = self._exhibit.events[index]
        return {"index": index, "source": self.photo_url(index, 0) if event.media else ""}

    @Property(int, constant=True)
    def attractFadeFps(self) -> int:
        """Frames a second of the attract cross-fade: what this machine draws cheaply."""
        return self._fade_fps

    @Property(str, notify=attractCaptionChanged)
    def attractCaption(self) -> str:
        """'1981–1991  ·  UNV Assistance Project', for the picture the welcome screen shows."""
        event = self._exhibit.events[self._attract_events()[self._attract]]
        return f"{event.date_text(self._lang)}  ·  {event.title.get(self._lang)}"

    # --- idle --------------------------------------------------------------------------------

    @Slot()
    def touch(self) -> None:
        """Any touch, click, drag or wheel: the visitor is here."""
        if self._remaining:
            self._remaining = 0
            self._tick_timer.stop()
            self.idleChanged.emit()
        self._idle_timer.start()

    @Property(bool, notify=idleChanged)
    def idleActive(self) -> bool:
        return self._remaining > 0

    @Property(int, notify=idleChanged)
    def idleRemaining(self) -> int:
        return self._remaining

    @Property(int, constant=True)
    def idleTotal(self) -> int:
        return self._countdown_total

    def _display_is_default(self) -> bool:
        return (not self._large_text and not self._high_contrast
                and self._reduced_motion == self._default_reduced_motion)

    def _on_idle(self) -> None:
        if self._screen == WELCOME:
            self.reset()  # nothing on screen to lose: no need to ask
            return
        self.startCountdown()

    @Slot()
    def startCountdown(self) -> None:
        """Ask "still there?"; without an answer, reset when the countdown ends."""
        self._remaining = self._countdown_total
        self._tick_timer.start()
        self.idleChanged.emit()

    def _on_tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._remaining = 0
            self._tick_timer.stop()
            self.reset()
        self.idleChanged.emit()

    @Slot()
    def reset(self) -> None:
        """Back to the welcome screen, default language, first event, default display."""
        self._set_screen(WELCOME)
        self._set_language(self._home_language())
        if self._index != 0 or self._photo != 0:
            self._index = 0
            self._photo = 0
            self.textsChanged.emit()
        if not self._display_is_default():
            self._large_text = self._high_contrast = False
            self._reduced_motion = self._default_reduced_motion
            self.displayChanged.emit()
        self._idle_timer.start()
