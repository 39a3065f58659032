"""Assemble the kiosk's window: fonts, state, models and QML."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk.content.model import Exhibit
from kiosk.paths import assets_dir, qml_dir
from kiosk.ui.state import KioskState

FONT_FAMILY = "Noto Sans CJK SC"
_TOUCH_EVENTS = {QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                 QEvent.Type.TabletPress}


class LoadError(RuntimeError):
    """The QML did not load: a packaging or programming error, never a content one."""


def load_fonts() -> str:
    """Register the shipped fonts and make them every text's default; returns the family."""
    families: set[str] = set()
    for path in sorted((assets_dir() / "fonts").glob("*.otf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    family = FONT_FAMILY if FONT_FAMILY in families else next(iter(families), "")
    if family:
        font = QFont(family)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        QGuiApplication.setFont(font)
    return family


class PresenceFilter(QObject):
    """Every touch, click or wheel anywhere in the window tells the state someone is here."""

    def __init__(self, state: KioskState) -> None:
        super().__init__(state)
        self._state = state

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _TOUCH_EVENTS:
            self._state.touch()
        return False


@dataclass
class KioskView:
    engine: QQmlApplicationEngine
    window: QQuickWindow
    state: KioskState


def create_view(exhibit: Exhibit, size: tuple[int, int] = (1920, 1080),
                state: KioskState | None = None) -> KioskView:
    """Build the window (not yet shown) for an exhibit."""
    state = state or KioskState(exhibit)
    engine = QQmlApplicationEngine()
    state.setParent(engine)  # QML must never outlive the state it binds to
    engine.setInitialProperties({
        "kiosk": state, "eventModel": state.events, "eraModel": state.eras,
        "tickModel": state.ticks, "width": size[0], "height": size[1],
    })
    engine.load(str(qml_dir() / "Main.qml"))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        raise LoadError("the kiosk's QML did not load; see the log for the QML errors")
    window = roots[0]
    window.installEventFilter(PresenceFilter(state))
    window.resize(QSize(*size))
    return KioskView(engine, window, state)
