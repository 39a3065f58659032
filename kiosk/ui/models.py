"""List models that carry the exhibit to QML, in the current language."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from kiosk.content.model import Exhibit
from kiosk.theme import band_color
from kiosk.timeline import TimelineLayout

Index = QModelIndex | QPersistentModelIndex


class _LanguageModel(QAbstractListModel):
    """Rows from the exhibit and its timeline layout; texts follow the current language."""

    Roles: type[IntEnum]

    def __init__(self, exhibit: Exhibit, lang: str, timeline: TimelineLayout) -> None:
        super().__init__()
        self._exhibit = exhibit
        self._lang = lang
        self._timeline = timeline

    def set_language(self, lang: str) -> None:
        if lang != self._lang:
            self._lang = lang
            if self.rowCount():
                self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def set_content(self, exhibit: Exhibit, timeline: TimelineLayout) -> None:
        self.beginResetModel()
        self._exhibit = exhibit
        self._timeline = timeline
        self.endResetModel()

    def roleNames(self) -> dict[int, QByteArray]:
        return {role.value: QByteArray(role.name.encode()) for role in self.Roles}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        try:
            return self.value(index.row(), self.Roles(role))
        except ValueError:
            return None

    def value(self, row: int, role: Any) -> Any:
        raise NotImplementedError


class EventRole(IntEnum):
    eventId = Qt.ItemDataRole.UserRole + 1
    title = Qt.ItemDataRole.UserRole + 2
    dateText = Qt.ItemDataRole.UserRole + 3
    markerX = Qt.ItemDataRole.UserRole + 4
    trueX = Qt.ItemDataRole.UserRole + 5
    highlight = Qt.ItemDataRole.UserRole + 6
    eraColor = Qt.ItemDataRole.UserRole + 7


class EventModel(_LanguageModel):
    Roles = EventRole

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exhibit.events)

    def value(self, row: int, role: EventRole) -> Any:
        event = self._exhibit.events[row]
        era = self._exhibit.era(event.era)
        match role:
            case EventRole.eventId:
                return event.id
            case EventRole.title:
                return event.title.get(self._lang)
            case EventRole.dateText:
                return event.date_text(self._lang)
            case EventRole.markerX:
                return self._timeline.markers[row]
            case EventRole.trueX:
                return self._timeline.true_x[row]
            case EventRole.highlight:
                return event.highlight
            case EventRole.eraColor:
                return band_color(era.color) if era else ""
        return None


class EraRole(IntEnum):
    title = Qt.ItemDataRole.UserRole + 1
    bandX = Qt.ItemDataRole.UserRole + 2
    bandWidth = Qt.ItemDataRole.UserRole + 3
    bandColor = Qt.ItemDataRole.UserRole + 4


class EraModel(_LanguageModel):
    Roles = EraRole

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._exhibit.eras)

    def value(self, row: int, role: EraRole) -> Any:
        era = self._exhibit.eras[row]
        band = self._timeline.eras[row]
        match role:
            case EraRole.title:
                return era.title.get(self._lang)
            case EraRole.bandX:
                return band.x
            case EraRole.bandWidth:
                return band.width
            case EraRole.bandColor:
                return band_color(era.color)
        return None


class TickRole(IntEnum):
    tickX = Qt.ItemDataRole.UserRole + 1
    label = Qt.ItemDataRole.UserRole + 2


class TickModel(_LanguageModel):
    Roles = TickRole

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._timeline.ticks)

    def value(self, row: int, role: TickRole) -> Any:
        tick = self._timeline.ticks[row]
        match role:
            case TickRole.tickX:
                return tick.x
            case TickRole.label:
                return self._timeline.year_label(tick.year, self._lang) if tick.labelled else ""
        return None
