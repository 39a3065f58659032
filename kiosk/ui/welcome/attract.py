"""The welcome screen's attract cycle: a highlighted event's picture every few seconds, with
its date and title; a touch opens the event the picture shows."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.core import i18n
from kiosk.services.guard import guarded
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.pictures import Pictures
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.shared.render import FADE_FPS_SOFTWARE

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Attract"]


@QmlElement
@QmlSingleton
class Attract(QObject):
    pictureChanged = Signal()  # a new picture to show
    captionChanged = Signal()  # a new picture, or a new language
    intervalChanged = Signal()

    def __init__(self, navigation: Navigation, language: Language, pictures: Pictures,
                 fade_fps: int = FADE_FPS_SOFTWARE, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fade_fps = fade_fps
        self._navigation = navigation
        self._language = language
        self._pictures = pictures
        self._position = 0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.advance)
        language.languageChanged.connect(self.captionChanged)
        self.restart()

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "attract")

    def restart(self) -> None:
        """From the first picture, at the exhibit's pace (after a reload too)."""
        self._position = 0
        self._timer.start(round(self._pictures.exhibit.attract_interval * 1000))
        self.intervalChanged.emit()
        self.pictureChanged.emit()
        self.captionChanged.emit()

    def _events(self) -> list[int]:
        events = self._pictures.exhibit.events
        # (a picture to show: a video's poster counts, a video without one does not)
        pictured = [i for i, e in enumerate(events) if e.media and e.media[0].image]
        highlighted = [i for i in pictured if events[i].highlight]
        return highlighted or pictured or [0]

    @Slot()
    @guarded("Attract.advance", None)
    def advance(self) -> None:
        if self._navigation.current_screen() == Navigation.Screen.Welcome:
            self._position = (self._position + 1) % len(self._events())
            self.pictureChanged.emit()
            self.captionChanged.emit()

    @Slot()
    @guarded("Attract.begin", None)
    def begin(self) -> None:
        """The visitor touched the welcome screen: open the event its picture shows."""
        self._navigation.openEvent(self.event_index())

    def event_index(self) -> int:
        """The event the picture belongs to."""
        return self._events()[self._position % len(self._events())]

    @Property(int, notify=pictureChanged)
    def index(self) -> int:
        return self.event_index()

    @Property(str, notify=pictureChanged)
    def source(self) -> str:
        event = self._pictures.exhibit.events[self.event_index()]
        return self._pictures.url(self.event_index(), 0) if event.media else ""

    @Property(str, notify=captionChanged)
    def caption(self) -> str:
        """'1981–1991  ·  UNV Assistance Project', for the picture the welcome screen shows."""
        event = self._pictures.exhibit.events[self.event_index()]
        lang = self._language.current()
        return f"{event.date_text(lang)}{i18n.CAPTION_SEPARATOR}{event.title.get(lang)}"

    @Property(float, notify=intervalChanged)
    def interval(self) -> float:
        """Seconds between pictures."""
        return self._pictures.exhibit.attract_interval

    @Property(int, constant=True)
    def fadeFps(self) -> int:
        """Frames a second of the cross-fade: what this machine draws cheaply
        (kiosk/ui/shared/render.py)."""
        return self._fade_fps
