"""Watch a content folder and hand over new content only when the whole folder is valid."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

log = logging.getLogger("kiosk.watch")

Fingerprint = frozenset[tuple[str, int, int]]  # (path, size, modification time) of each file


def fingerprint(folder: Path) -> Fingerprint:
    """What the folder holds now, cheaply: every file's size and modification time.

    Links are not followed (a link loop must not hang the kiosk); hidden files (editors'
    swap files, .git) are left out."""
    found: set[tuple[str, int, int]] = set()
    for directory, subdirs, files in os.walk(folder, onerror=lambda error: None):
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            try:
                info = os.stat(os.path.join(directory, name), follow_symlinks=False)
            except (OSError, ValueError):
                continue
            found.add((os.path.join(directory, name), info.st_size, info.st_mtime_ns))
        found.update((directory + os.sep + d, -1, 0) for d in subdirs)
    return frozenset(found)


class ContentWatcher(QObject):
    """Calls `changed` once the folder has settled: no file has changed for `quiet_ms`.

    A half-saved file can be valid YAML (two of three events): the folder is compared with
    itself `quiet_ms` apart, and handed over only when nothing moved in between. Editors
    bring a new version by deleting the folder and copying it back: while it is gone, a
    slow check looks for it every `rearm_ms` and watches it again when it is back."""

    # An editor's save (even a write-to-temp-then-rename one) is a burst of a few ms. Two
    # quiet periods of 300 ms (events stop, then the fingerprint holds) cover it and leave
    # time to show the result within a second of the save (benchmarks/editor_feedback.py).
    def __init__(self, folder: Path, changed: Callable[[], None], quiet_ms: int = 300,
                 rearm_ms: int = 2000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._changed = changed
        self._watcher = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=quiet_ms)
        self._settle.timeout.connect(self._check_settled)
        self._rearm = QTimer(self, interval=rearm_ms)
        self._rearm.timeout.connect(self._check_back)
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched)
        self._seen = fingerprint(folder)
        self._rewatch()
        self._rearm.start()

    def _touched(self) -> None:
        self._settle.start()  # restarts the quiet period

    def _check_settled(self) -> None:
        now = fingerprint(self._folder)
        if now != self._seen:  # still moving: look again after another quiet period
            self._seen = now
            self._rewatch()
            self._settle.start()
            return
        if not self._folder.is_dir():  # gone (being replaced): wait for it to come back
            return
        self._rewatch()
        log.info("content folder changed: %s", self._folder)
        self._changed()

    def _check_back(self) -> None:
        """The folder was removed (the watch lost it): when it is back, watch it again."""
        if str(self._folder) in self._watcher.directories() or not self._folder.is_dir():
            return
        log.info("content folder is back: %s", self._folder)
        self._seen = fingerprint(self._folder)
        self._rewatch()
        self._settle.start()

    def _rewatch(self) -> None:
        """Editors save by replacing files, which drops them from the watch list: re-add."""
        if not self._folder.is_dir():
            return
        wanted = {str(self._folder)} | {path for path, _, _ in self._seen}
        current = set(self._watcher.files()) | set(self._watcher.directories())
        missing = sorted(path for path in wanted - current if os.path.exists(path))
        if missing:
            self._watcher.addPaths(missing)
