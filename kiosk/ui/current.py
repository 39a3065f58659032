"""What the event on screen says, in the visitor's language: texts, photos, and the photos
of its neighbours for QML to decode ahead."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.content import i18n
from kiosk.content.markdown import kiosk_markdown
from kiosk.content.model import Exhibit
from kiosk.ui.language import Language
from kiosk.ui.navigation import Navigation
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.theme import band_color

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "CurrentEvent", "Pictures"]


class Pictures:
    """File URLs of the exhibit's photos. A reload bumps the generation, which makes Qt's
    image cache forget the pictures it holds."""

    def __init__(self, exhibit: Exhibit) -> None:
        self.exhibit = exhibit
        self.common_credit = exhibit.common_credit()
        self.generation = 0

    def set_exhibit(self, exhibit: Exhibit) -> None:
        self.exhibit = exhibit
        self.common_credit = exhibit.common_credit()
        self.generation += 1

    def url(self, event_index: int, media_index: int) -> str:
        path = self.exhibit.events[event_index].media[media_index].image
        if path is None:  # a video or sound without a poster
            return ""
        url = QUrl.fromLocalFile(str(path))
        url.setQuery(f"v={self.generation}")
        return url.toString()

    def item(self, event_index: int, media_index: int, lang: str) -> dict[str, Any]:
        """One photo as QML shows it."""
        media = self.exhibit.events[event_index].media[media_index]
        return {
            "source": self.url(event_index, media_index),
            "caption": media.caption.get(lang),
            # a credit every photo shares is said once, on the welcome screen
            "credit": "" if media.credit == self.common_credit
                      else media.credit.get(lang),
            "alt": media.alt.get(lang),
            "aspect": media.width / media.height if media.height else 1.5,
            "rotated": media.rotated,
            "kind": media.kind,  # "image", "video" or "audio" (kiosk.ui.media plays them)
        }


@QmlElement
@QmlSingleton
class CurrentEvent(QObject):
    textsChanged = Signal()  # another event, language or content; never a photo change
    photoChanged = Signal()  # the photos shown and decoded ahead, or their texts

    def __init__(self, navigation: Navigation, language: Language, pictures: Pictures,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._navigation = navigation
        self._language = language
        self._pictures = pictures
        navigation.eventChanged.connect(self.textsChanged)
        navigation.photoChanged.connect(self.photoChanged)
        language.languageChanged.connect(self.textsChanged)
        language.languageChanged.connect(self.photoChanged)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "current")

    @property
    def _lang(self) -> str:
        return self._language.current()

    @property
    def _exhibit(self) -> Exhibit:
        return self._pictures.exhibit

    @Property(str, notify=textsChanged)
    def title(self) -> str:
        return self._navigation.current_event.title.get(self._lang)

    @Property(str, notify=textsChanged)
    def date(self) -> str:
        return self._navigation.current_event.date_text(self._lang)

    @Property(str, notify=textsChanged)
    def body(self) -> str:
        """Markdown with only what the content format allows (kiosk.content.markdown)."""
        return kiosk_markdown(self._navigation.current_event.body.get(self._lang), self._lang)

    @Property(str, notify=textsChanged)
    def era(self) -> str:
        era = self._exhibit.era(self._navigation.current_event.era)
        return era.title.get(self._lang) if era else ""

    @Property(str, notify=textsChanged)
    def eraColor(self) -> str:
        era = self._exhibit.era(self._navigation.current_event.era)
        return band_color(era.color) if era else ""

    @Property("QVariantList", notify=textsChanged)  # type: ignore[arg-type]
    def sideLabels(self) -> list[str]:
        """Where the previous and next buttons lead: "2007–2011 · Olympic Volunteers", or
        "" at either end."""
        events = self._exhibit.events
        index = self._navigation.current_index()
        return [f"{events[i].date_text(self._lang)}{i18n.EVERY_LANGUAGE_SEPARATOR}"
                f"{events[i].label(self._lang)}" if 0 <= i < len(events) else ""
                for i in (index - 1, index + 1)]

    @Property("QVariantList", notify=textsChanged)  # type: ignore[arg-type]
    def photoNames(self) -> list[str]:
        """Each photo's accessible name: 'Photo 2 of 3'."""
        count = len(self._navigation.current_event.media)
        return [self._language.word("photo_of", i=i + 1, n=count) for i in range(count)]

    @Property("QVariantList", notify=photoChanged)  # type: ignore[arg-type]
    def neighbours(self) -> list[dict[str, Any]]:
        """The first photos of the previous and next events (empty where there is none),
        for QML to decode ahead."""
        index = self._navigation.current_index()
        events = self._exhibit.events
        return [self._pictures.item(i, 0, self._lang)
                if 0 <= i < len(events) and events[i].media else {}
                for i in (index - 1, index + 1)]

    @Property("QVariantMap", notify=photoChanged)  # type: ignore[arg-type]
    def photo(self) -> dict[str, Any]:
        """The photo shown (empty when the event has none)."""
        if not self._navigation.current_event.media:
            return {}
        navigation = self._navigation
        return self._pictures.item(navigation.current_index(), navigation.current_photo(),
                                   self._lang)

    @Property(str, notify=photoChanged)
    def creditLine(self) -> str:
        """Under a full-screen photo: its credit, and 'Photo 2 of 3' when there are more."""
        media = self._navigation.current_event.media
        if not media:
            return ""
        parts = [media[self._navigation.current_photo()].credit.get(self._lang)]
        if len(media) > 1:
            parts.append(self._language.word("photo_of", i=self._navigation.current_photo() + 1,
                                             n=len(media)))
        return i18n.CREDIT_SEPARATOR.join(part for part in parts if part)
