"""Where the visitor is: which screen, which event, which photo. Every bound is checked
here; QML asks (next, showPhoto, a finished swipe) and binds to the answer."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Property, QEnum, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.core.model import Event, Exhibit
from kiosk.services.guard import guarded
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Navigation"]

SWIPE_FRACTION = 0.15  # a swipe moves on when the finger went this share of the width...
SWIPE_SPEED = 1200.0  # ...or left at this many px/s
END_RESISTANCE = 0.25  # past the first or last event, a drag follows the finger this much


@QmlElement
@QmlSingleton
class Navigation(QObject):
    @QEnum
    class Screen(IntEnum):
        Welcome = 0
        Event = 1
        Photo = 2

    screenChanged = Signal()
    eventChanged = Signal()  # another event (or new content): not on a photo change
    photoChanged = Signal()  # another photo of the same event
    countChanged = Signal()
    photoZoomed = Signal()  # the visitor zoomed into the photo (for the statistics)

    def __init__(self, exhibit: Exhibit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._screen = Navigation.Screen.Welcome
        self._index = 0
        self._photo = 0

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "navigation")

    # --- state -------------------------------------------------------------------------------

    @property
    def current_event(self) -> Event:
        return self._exhibit.events[self._index]

    def current_screen(self) -> Navigation.Screen:
        return self._screen

    def current_index(self) -> int:
        return self._index

    def current_photo(self) -> int:
        return self._photo

    def set_exhibit(self, exhibit: Exhibit) -> None:
        """New content: the current event stays on screen if it still exists."""
        current_id = self.current_event.id
        self._exhibit = exhibit
        new_index = exhibit.event_index(current_id)
        self._index = new_index if new_index is not None else 0
        if new_index is None and self._screen != Navigation.Screen.Welcome:
            self._set_screen(Navigation.Screen.Event)
        self._photo = min(self._photo, max(0, len(self.current_event.media) - 1))
        self.countChanged.emit()
        self.eventChanged.emit()
        self.photoChanged.emit()

    def _set_screen(self, screen: Navigation.Screen) -> None:
        if screen != self._screen:
            self._screen = screen
            self.screenChanged.emit()

    @Property(int, notify=screenChanged)
    def screen(self) -> int:
        return int(self._screen)

    @Property(int, notify=eventChanged)
    def index(self) -> int:
        return self._index

    @Property(int, notify=countChanged)
    def count(self) -> int:
        return len(self._exhibit.events)

    @Property(bool, notify=eventChanged)
    def hasNext(self) -> bool:
        return self._index + 1 < len(self._exhibit.events)

    @Property(bool, notify=eventChanged)
    def hasPrevious(self) -> bool:
        return self._index > 0

    @Property(int, notify=photoChanged)
    def photoIndex(self) -> int:
        return self._photo

    @Property(int, notify=eventChanged)
    def photoCount(self) -> int:
        return len(self.current_event.media)

    # --- events ------------------------------------------------------------------------------

    @Slot(int)
    @guarded("Navigation.openEvent", None)
    def openEvent(self, index: int) -> None:
        if not 0 <= index < len(self._exhibit.events):
            return
        if index != self._index:
            self._index = index
            self._photo = 0
            self.eventChanged.emit()
            self.photoChanged.emit()
        self._set_screen(Navigation.Screen.Event)

    @Slot(result=bool)
    @guarded("Navigation.next", False)
    def next(self) -> bool:
        if self._index + 1 >= len(self._exhibit.events):
            return False
        self.openEvent(self._index + 1)
        return True

    @Slot(result=bool)
    @guarded("Navigation.previous", False)
    def previous(self) -> bool:
        if self._index == 0:
            return False
        self.openEvent(self._index - 1)
        return True

    @Slot()
    @guarded("Navigation.goHome", None)
    def goHome(self) -> None:
        self._set_screen(Navigation.Screen.Welcome)

    def home(self) -> None:
        """Back to the welcome screen and the first event, as for a new visitor."""
        self._set_screen(Navigation.Screen.Welcome)
        if self._index != 0 or self._photo != 0:
            self._index = 0
            self._photo = 0
            self.eventChanged.emit()
            self.photoChanged.emit()

    # --- swipes ------------------------------------------------------------------------------

    @Slot(float, float, float, result=int)
    @guarded("Navigation.swipeEvents", 0)
    def swipeEvents(self, dx: float, speed: float, width: float) -> int:
        """A finished swipe over the event: moves on or back if it went far or fast enough.
        Returns the direction moved (1 next, -1 previous, 0 stayed) for the slide-in."""
        if (dx < -SWIPE_FRACTION * width or speed < -SWIPE_SPEED) and self.next():
            return 1
        if (dx > SWIPE_FRACTION * width or speed > SWIPE_SPEED) and self.previous():
            return -1
        return 0

    @Slot(float, result=float)
    @guarded("Navigation.dragOffset", 0.0)
    def dragOffset(self, dx: float) -> float:
        """Where the page follows a drag: all the way, or resisting past either end."""
        at_end = (dx < 0 and not self.hasNext) or (dx > 0 and not self.hasPrevious)
        return dx * END_RESISTANCE if at_end else dx

    @Slot(float, float, result=int)
    @guarded("Navigation.swipePhotos", 0)
    def swipePhotos(self, dx: float, width: float) -> int:
        """A finished swipe over a full-screen photo: the next or previous photo."""
        if dx < -SWIPE_FRACTION * width and self._photo + 1 < len(self.current_event.media):
            self.showPhoto(self._photo + 1)
            return 1
        if dx > SWIPE_FRACTION * width and self._photo > 0:
            self.showPhoto(self._photo - 1)
            return -1
        return 0

    # --- photos ------------------------------------------------------------------------------

    @Slot(int)
    @guarded("Navigation.openPhoto", None)
    def openPhoto(self, index: int) -> None:
        if 0 <= index < len(self.current_event.media):
            self.showPhoto(index)
            self._set_screen(Navigation.Screen.Photo)

    @Slot(int)
    @guarded("Navigation.showPhoto", None)
    def showPhoto(self, index: int) -> None:
        if 0 <= index < len(self.current_event.media) and index != self._photo:
            self._photo = index
            self.photoChanged.emit()

    @Slot()
    @guarded("Navigation.closePhoto", None)
    def closePhoto(self) -> None:
        if self._screen == Navigation.Screen.Photo:
            self._set_screen(Navigation.Screen.Event)

    @Slot()
    @guarded("Navigation.zoomedIn", None)
    def zoomedIn(self) -> None:
        """The viewer tells that the visitor zoomed the photo in (pinch or wheel)."""
        if self._screen == Navigation.Screen.Photo:
            self.photoZoomed.emit()
