"""The exhibit as a whole, in the visitor's language: its title, subtitle and credit."""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.core.i18n import HOME_ARROW
from kiosk.core.model import Exhibit
from kiosk.services.guard import guarded
from kiosk.ui.language.language import Language
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Exhibition"]


@QmlElement
@QmlSingleton
class Exhibition(QObject):
    titleChanged = Signal()  # new language or content

    def __init__(self, exhibit: Exhibit, language: Language,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._language = language
        language.languageChanged.connect(self._language_changed)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "exhibition")

    def set_exhibit(self, exhibit: Exhibit) -> None:
        self._exhibit = exhibit
        self.titleChanged.emit()

    @guarded("Exhibition._language_changed", None)
    def _language_changed(self) -> None:
        self.titleChanged.emit()

    @Property(str, notify=titleChanged)
    def title(self) -> str:
        return self._exhibit.title.get(self._language.current())

    @Property(str, notify=titleChanged)
    def homeLabel(self) -> str:
        """The top bar's way back to the start: the title after a back arrow."""
        return f"{HOME_ARROW}{self.title}"

    @Property(str, notify=titleChanged)
    def subtitle(self) -> str:
        return self._exhibit.subtitle.get(self._language.current())

    @Property(str, notify=titleChanged)
    def credit(self) -> str:
        """The credit all the exhibit's photos share, in the visitor's language, or ""."""
        common = self._exhibit.common_credit()
        return common.get(self._language.current()) if common is not None else ""
