"""The QML module `Kiosk`: the view-models register under this name, beside the QML files
of kiosk/ui/qml/Kiosk/. Each view-model is a singleton per QML engine: `attach` gives an
engine its view-models before it loads, and each singleton's create() asks `part_for`."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtQml import QJSEngine, QQmlEngine

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1
_PREFIX = "kiosk."  # the engine's dynamic properties that hold its view-models


def attach(engine: QQmlEngine, parts: Mapping[str, QObject]) -> None:
    """The view-models this engine's QML sees, by name ("navigation", "staff", ...)."""
    for name, part in parts.items():
        engine.setProperty(_PREFIX + name, part)


def part_for(engine: QJSEngine, name: str) -> QObject:
    """The engine's view-model `name`: what a singleton's create() returns. Whoever made it
    keeps it (C++ ownership), so the engine never deletes it."""
    found = engine.property(_PREFIX + name)
    if not isinstance(found, QObject):
        raise LookupError(f"this QML engine has no kiosk view-model {name!r}; "
                          "build windows with kiosk.ui.view.create_view")
    QQmlEngine.setObjectOwnership(found, QQmlEngine.ObjectOwnership.CppOwnership)
    return found
