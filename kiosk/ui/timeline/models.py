"""List models that carry the exhibit to QML, in the current language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from kiosk.core.i18n import year_label
from kiosk.core.model import Exhibit
from kiosk.core.strip_layout import TimelineLayout
from kiosk.ui.shared.theme import band_color

Index = QModelIndex | QPersistentModelIndex
FIRST_ROLE = Qt.ItemDataRole.UserRole + 1


class _RowModel(QAbstractListModel):
    """Rows from the exhibit and its timeline layout; texts follow the current language.
    A subclass names its roles and says what one row holds."""

    ROLES: tuple[str, ...] = ()

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
        return {FIRST_ROLE + i: QByteArray(name.encode()) for i, name in enumerate(self.ROLES)}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.count()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        position = role - FIRST_ROLE
        if not index.isValid() or not 0 <= index.row() < self.count() \
                or not 0 <= position < len(self.ROLES):
            return None
        return self.row(index.row())[self.ROLES[position]]

    def count(self) -> int:
        raise NotImplementedError

    def row(self, row: int) -> dict[str, Any]:
        raise NotImplementedError


class EventModel(_RowModel):
    ROLES = ("eventId", "title", "dateText", "markerX", "trueX", "highlight", "eraColor",
             "accessibleName")

    def count(self) -> int:
        return len(self._exhibit.events)

    def row(self, row: int) -> dict[str, Any]:
        event = self._exhibit.events[row]
        era = self._exhibit.era(event.era)
        return {
            "eventId": event.id,
            "title": event.title.get(self._lang),
            "dateText": event.date_text(self._lang),
            "markerX": self._timeline.markers[row],
            "trueX": self._timeline.true_x[row],
            "highlight": event.highlight,
            "eraColor": band_color(era.color) if era else "",
            "accessibleName": f"{event.date_text(self._lang)}: {event.title.get(self._lang)}",
        }


class EraModel(_RowModel):
    ROLES = ("title", "bandX", "bandWidth", "bandColor")

    def count(self) -> int:
        return len(self._exhibit.eras)

    def row(self, row: int) -> dict[str, Any]:
        era = self._exhibit.eras[row]
        band = self._timeline.eras[row]
        return {"title": era.title.get(self._lang), "bandX": band.x, "bandWidth": band.width,
                "bandColor": band_color(era.color)}


class TickModel(_RowModel):
    ROLES = ("tickX", "label")

    def count(self) -> int:
        return len(self._timeline.ticks)

    def row(self, row: int) -> dict[str, Any]:
        tick = self._timeline.ticks[row]
        label = year_label(tick.year, self._lang) if tick.labelled else ""
        return {"tickX": tick.x, "label": label}
