"""The video or audio item on screen (issue 19): what the player shows and when it may hold a
decoder, the caption of the moment in the visitor's language, and how far visitors watched.

QML's player presents; this decides. Nothing plays until a visitor taps play (`play`), and
anything that takes the visitor elsewhere (another photo or event, the welcome screen, the
"still there?" countdown, new content) unloads the file (`loaded` false): Qt Multimedia then
closes it and frees its decoder. While a video plays the idle timer is held off (the
visitor is watching, not gone); paused or finished, it runs as on any screen.

Captions are read from the files validation accepted, once each, and looked up by time
(bisect): a language switch changes the text at once, mid-cue.
"""

from __future__ import annotations

import bisect
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.content.captions import CaptionError, Cue, read_cues
from kiosk.content.files import FileProblem
from kiosk.core.model import Media
from kiosk.services.guard import guarded
from kiosk.ui.language.language import Language
from kiosk.ui.shared.navigation import Navigation
from kiosk.ui.shared.pictures import Pictures
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

if TYPE_CHECKING:  # (imported, Qt Multimedia starts and looks for the sound system: only
    # when a video is on screen, as QML loads it)
    from PySide6.QtMultimedia import QVideoFrame

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "MediaState"]
log = logging.getLogger("kiosk.media")
HOLD_IDLE_MS = 1000  # while playing, the idle timer is restarted at most this often


class _Track:
    """One caption file's cues, with their start times for bisect."""

    def __init__(self, cues: tuple[Cue, ...]) -> None:
        self.cues = cues
        self.starts = [cue.start for cue in cues]

    def at(self, seconds: float) -> str:
        """The text of the cues on screen at `seconds` (overlapping ones joined)."""
        index = bisect.bisect_right(self.starts, seconds)
        shown = [cue.text for cue in self.cues[max(0, index - 8):index] if seconds < cue.end]
        return "\n".join(shown)


@QmlElement
@QmlSingleton
class MediaState(QObject):
    itemChanged = Signal()  # another item (or language, for captions), or loaded/unloaded
    captionChanged = Signal()
    failedChanged = Signal()
    played = Signal(str, str)  # event id, kind: a visitor tapped play (statistics)
    watched = Signal(str, float, str)  # event id, share watched 0..1, captions language or ""

    def __init__(self, navigation: Navigation, language: Language, display: Any,
                 pictures: Pictures, idle: Any, parent: QObject | None = None) -> None:
        """`display`: the display options (kiosk.ui.display.display: `captions`, `captionsChanged`);
        `idle`: the idle countdown (kiosk.ui.idle.idle: `restart()`, `asking()`,
        `countdownChanged`). The shell hands them over: features do not import each other."""
        super().__init__(parent)
        self._navigation = navigation
        self._language = language
        self._display = display
        self._pictures = pictures
        self._idle = idle
        self._loaded = False
        self._playing = False
        self._position_ms = 0
        self._furthest_ms = 0
        self._held_at = -HOLD_IDLE_MS
        self._caption = ""
        self._failed = ""
        self._tracks: dict[Path, _Track | None] = {}
        self._item_key: tuple[int, int] = (-1, -1)
        navigation.eventChanged.connect(self._moved)
        navigation.photoChanged.connect(self._moved)
        navigation.screenChanged.connect(self._on_screen)
        language.languageChanged.connect(self._on_language)
        display.captionsChanged.connect(self._on_language)
        idle.countdownChanged.connect(self._on_idle)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "media")

    # --- what is on screen ------------------------------------------------------------------

    def _media(self) -> Media | None:
        event = self._navigation.current_event
        index = self._navigation.current_photo()
        if not 0 <= index < len(event.media):
            return None
        media = event.media[index]
        return media if media.playable else None

    @Property(str, notify=itemChanged)
    def kind(self) -> str:
        """"video" or "audio" when the item shown plays, else ""."""
        media = self._media()
        return media.kind if media else ""

    @Property(str, notify=itemChanged)
    def source(self) -> str:
        """The file's URL while loaded, else "": an empty source frees the decoder."""
        media = self._media()
        if media is None or not self._loaded or media.playable is None:
            return ""
        return QUrl.fromLocalFile(str(media.playable)).toString()

    @Property(bool, notify=itemChanged)
    def loaded(self) -> bool:
        return self._loaded

    @Property(bool, notify=itemChanged)
    def hasPoster(self) -> bool:
        media = self._media()
        return bool(media and media.image)

    @Property(float, notify=itemChanged)
    def duration(self) -> float:
        """Seconds, as validation found (the player's own figure once it has the file)."""
        media = self._media()
        return media.duration if media else 0.0

    @Property(str, notify=captionChanged)
    def caption(self) -> str:
        return self._caption

    @Property(str, notify=failedChanged)
    def failed(self) -> str:
        """A short message when the file could not be played (changed since validation)."""
        return self._failed

    @Slot(int, result=str)
    def clock(self, ms: int) -> str:
        """"1:05" (or "1:02:05"): the time beside the scrubber."""
        seconds = max(0, ms) // 1000
        hours, rest = divmod(seconds, 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else \
            f"{rest // 60}:{rest % 60:02d}"

    # --- what the visitor does --------------------------------------------------------------

    @Slot()
    @guarded("MediaState.play", None)
    def play(self) -> None:
        """The visitor tapped play: load the file (QML plays it once loaded)."""
        media = self._media()
        if media is None:
            return
        if not self._loaded:
            self._loaded = True
            self._position_ms = self._furthest_ms = 0
            self._item_key = (self._navigation.current_index(), self._navigation.current_photo())
            self._set_failed("")
            self.itemChanged.emit()
            self.played.emit(self._navigation.current_event.id, media.kind)

    @Slot(bool)
    @guarded("MediaState.setPlaying", None)
    def setPlaying(self, playing: bool) -> None:
        """The player started or stopped (paused, finished): the idle timer runs when not."""
        self._playing = playing
        if playing:
            self._idle.restart()

    @Slot(int)
    @guarded("MediaState.setPosition", None)
    def setPosition(self, ms: int) -> None:
        """Where the player is: the caption of that moment, and how far the visitor got."""
        self._position_ms = max(0, ms)
        self._furthest_ms = max(self._furthest_ms, self._position_ms)
        if self._playing and self._position_ms - self._held_at >= HOLD_IDLE_MS:
            self._held_at = self._position_ms
            self._idle.restart()  # watching: nobody needs asking "still there?"
        elif self._position_ms < self._held_at:
            self._held_at = self._position_ms  # (a jump back with the scrubber)
        self._update_caption()

    @Slot(QObject)
    @guarded("MediaState.watchFrames", None)
    def watchFrames(self, sink: QObject) -> None:
        """Follow a video's frames as they reach the screen: each carries its own time, so a
        caption shows with the frame of its cue (the player's position signal comes every
        other frame, up to 3 frames late)."""
        sink.videoFrameChanged.connect(self._on_frame)  # type: ignore[attr-defined]

    def _on_frame(self, frame: QVideoFrame) -> None:
        if self._loaded and frame.isValid() and frame.startTime() >= 0:
            self.setPosition(frame.startTime() // 1000)

    @Slot(str)
    @guarded("MediaState.fail", None)
    def fail(self, reason: str) -> None:
        """The player could not play the file: the poster and a short message stay, the
        kiosk goes on (the file changed or went away after validation)."""
        media = self._media()
        log.warning("cannot play %s: %s", media.playable if media else "?", reason)
        self._set_failed(self._language.word("cannot_play"))
        self.unload()

    @Slot()
    @guarded("MediaState.unload", None)
    def unload(self) -> None:
        """Stop and free the decoder; tell the statistics how far the visitor watched."""
        if not self._loaded:
            if self._caption:
                self._caption = ""
                self.captionChanged.emit()
            self.itemChanged.emit()  # (another item is on screen)
            return
        self._loaded = False
        self._playing = False
        self._report_watched()
        self._position_ms = 0
        self._caption = ""
        self.captionChanged.emit()
        self.itemChanged.emit()

    def _report_watched(self) -> None:
        event_index, media_index = self._item_key
        events = self._pictures.exhibit.events
        if not (0 <= event_index < len(events) and 0 <= media_index
                < len(events[event_index].media)):
            return
        media = events[event_index].media[media_index]
        share = min(1.0, self._furthest_ms / 1000 / media.duration) if media.duration else 0.0
        lang = self._language.current() if self._display.captions and media.captions else ""
        self.watched.emit(events[event_index].id, share, lang)

    # --- captions ---------------------------------------------------------------------------

    def _track(self, path: Path | None) -> _Track | None:
        if path is None:
            return None
        if path not in self._tracks:
            try:
                self._tracks[path] = _Track(read_cues(self._pictures.exhibit.folder, path))
            except (CaptionError, FileProblem) as exc:  # changed since validation
                log.warning("captions %s not shown: %s", path, exc)
                self._tracks[path] = None
        return self._tracks[path]

    def _update_caption(self) -> None:
        media = self._media()
        text = ""
        if media is not None and self._loaded and self._display.captions:
            track = self._track(media.captions_for(self._language.current(),
                                                   self._pictures.exhibit.default_language))
            text = track.at(self._position_ms / 1000) if track else ""
        if text != self._caption:
            self._caption = text
            self.captionChanged.emit()

    def _on_language(self) -> None:
        self._update_caption()
        if self._failed:
            self._set_failed(self._language.word("cannot_play"))

    def _moved(self) -> None:
        self._set_failed("")
        self.unload()

    def _on_screen(self) -> None:
        if self._navigation.current_screen() == Navigation.Screen.Welcome:
            self.unload()

    def _on_idle(self) -> None:
        if self._idle.asking():
            self.unload()  # "still there?": nobody is watching; the poster waits

    def _set_failed(self, message: str) -> None:
        if message != self._failed:
            self._failed = message
            self.failedChanged.emit()

    def set_exhibit(self) -> None:
        """New content: the files may have changed; read captions again when asked."""
        self._tracks.clear()
        self.unload()
