"""Watch a content folder and hand over new content only when the whole folder is valid."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

log = logging.getLogger("kiosk.watch")


class ContentWatcher(QObject):
    """Calls `changed` once the folder has been quiet for a moment after edits."""

    def __init__(self, folder: Path, changed: Callable[[], None], quiet_ms: int = 700,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._changed = changed
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self, singleShot=True, interval=quiet_ms)
        self._debounce.timeout.connect(self._fire)
        self._watcher.directoryChanged.connect(self._debounce.start)
        self._watcher.fileChanged.connect(self._debounce.start)
        self._rewatch()

    def _rewatch(self) -> None:
        """Editors save by replacing files, which drops them from the watch list: re-add."""
        paths = [self._folder, *(p for p in self._folder.rglob("*")
                                 if not any(part.startswith(".") for part in
                                            p.relative_to(self._folder).parts))]
        wanted = {str(p) for p in paths if p.exists()}
        current = set(self._watcher.files()) | set(self._watcher.directories())
        missing = sorted(wanted - current)
        if missing:
            self._watcher.addPaths(missing)

    def _fire(self) -> None:
        self._rewatch()
        log.info("content folder changed: %s", self._folder)
        self._changed()
