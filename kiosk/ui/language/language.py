"""Which language the visitor reads, and the kiosk's own words in it (from kiosk.core.i18n)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.core import i18n
from kiosk.core.model import Exhibit
from kiosk.services.guard import guarded
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for
from kiosk.ui.shared.theme import font_family

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Language"]


@QmlElement
@QmlSingleton
class Language(QObject):
    languageChanged = Signal()  # the visitor's language, or the exhibit's languages

    def __init__(self, exhibit: Exhibit, home: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._exhibit = exhibit
        self._wanted_home = home
        self._code = self.home()
        self._words = i18n.ui_strings(self._code, exhibit.words)  # read often: made once

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "language")

    def home(self) -> str:
        """The staff's default language if the exhibit has it, else the exhibit's."""
        if self._wanted_home in self._exhibit.languages:
            return self._wanted_home or ""
        return self._exhibit.default_language

    def set_exhibit(self, exhibit: Exhibit) -> None:
        self._exhibit = exhibit
        if self._code not in exhibit.languages:
            self._code = self.home()
        self._words = i18n.ui_strings(self._code, exhibit.words)  # its words may differ
        self.languageChanged.emit()

    def current(self) -> str:
        return self._code

    def word(self, key: str, **numbers: int) -> str:
        """One of the kiosk's words in the current language, the exhibit's own first."""
        return i18n.word(key, self._code, self._exhibit.words, **numbers)

    def reset(self) -> None:
        self._set(self.home())

    def _set(self, code: str) -> None:
        if code != self._code:
            self._code = code
            self._words = i18n.ui_strings(code, self._exhibit.words)
            self.languageChanged.emit()

    @Slot(str)
    @guarded("Language.setLanguage", None)
    def setLanguage(self, code: str) -> None:
        if code in self._exhibit.languages:
            self._set(code)

    @Property(str, notify=languageChanged)
    def code(self) -> str:
        return self._code

    @Property("QVariantList", notify=languageChanged)  # type: ignore[arg-type]
    def languages(self) -> list[dict[str, Any]]:
        """The language switch's buttons: code, name, and whether it is the current one."""
        words = self._exhibit.words
        return [{"code": code, "name": i18n.language_name(code, words),
                 "current": code == self._code} for code in self._exhibit.languages]

    @Property("QVariantMap", notify=languageChanged)  # type: ignore[arg-type]
    def words(self) -> dict[str, str]:
        """The kiosk's own words in the current language, by key (kiosk.core.i18n)."""
        return self._words

    @Property("QVariantMap", notify=languageChanged)  # type: ignore[arg-type]
    def everyLanguage(self) -> dict[str, str]:
        """Texts shown in all languages at once, for visitors who have not chosen yet."""
        return {key: i18n.every_language(key, self._exhibit.languages, self._exhibit.words)
                for key in ("touch", "still_there", "continue")}

    @Property(bool, notify=languageChanged)
    def cjk(self) -> bool:
        return i18n.is_cjk(self._code)

    @Property(bool, notify=languageChanged)
    def rtl(self) -> bool:
        """Written right to left: the layout mirrors and swipes turn round."""
        return i18n.is_rtl(self._code)

    @Property(str, notify=languageChanged)
    def fontFamily(self) -> str:
        """The family the visitor's language is set in (kiosk.ui.shared.theme)."""
        return font_family(self._code)

    @Property(bool, notify=languageChanged)
    def exhibitRtl(self) -> bool:
        """The exhibit's own (first) language is written right to left. The screen's corners
        (the language switch, the title bar) follow it, not the visitor's choice, so that a
        language switch never moves the buttons a visitor has just used."""
        return i18n.is_rtl(self._exhibit.default_language)

    @Slot(str, result="QStringList")
    @guarded("Language.inEach", list[str]())
    def inEach(self, key: str) -> list[str]:
        """One of the kiosk's words in each of the exhibit's languages: to size a button for
        the longest, so that it keeps its place and size when the language changes."""
        return [i18n.word(key, lang, self._exhibit.words) for lang in self._exhibit.languages]

    @Property(float, notify=languageChanged)
    def bodyLineHeight(self) -> float:
        return i18n.body_line_height(self._code)

    @Property(int, notify=languageChanged)
    def bodyMeasure(self) -> int:
        return i18n.body_measure(self._code)
