"""The kiosk's QML module: the view-models register under its name, beside the QML files
its qmldir lists. Each view-model is a singleton per QML engine: `attach` gives an
engine its view-models before it loads, and each singleton's create() asks `part_for`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtQml import QJSEngine, QQmlEngine

from kiosk.services.paths import qml_dir

QML_IMPORT_NAME = "kiosk.ui"
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
                          "build windows with kiosk.ui.shell.view.create_view")
    QQmlEngine.setObjectOwnership(found, QQmlEngine.ObjectOwnership.CppOwnership)
    return found


def module_dir() -> Path:
    """The module's folder: its URI's parts below the QML import path (Qt's rule)."""
    return qml_dir().joinpath(*QML_IMPORT_NAME.split("."))


def qml_files() -> list[Path]:
    """Every QML file of the module, as its qmldir lists them (in sub-folders or not)."""
    folder = module_dir()
    lines = (folder / "qmldir").read_text(encoding="utf-8").splitlines()
    return [folder / line.split()[-1] for line in lines if line.strip().endswith(".qml")]
