"""Watch a content folder and hand over new content only when the whole folder is valid."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

log = logging.getLogger("kiosk.watch")

Fingerprint = frozenset[tuple[str, int, int]]  # (path, size, modification time) of each file
Identity = tuple[str, int, int] | None  # the folder's real path, device and inode; None: gone


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


def identity(folder: Path) -> Identity:
    """Which folder the path names now, in one stat: an atomic `mv` of a new folder into place
    or an `ln -sfn` swap of a link to the content keeps the path and changes this."""
    try:
        info = os.stat(folder)  # follows a link to the content
        return os.path.realpath(folder), info.st_dev, info.st_ino
    except (OSError, ValueError):
        return None


class ContentWatcher(QObject):
    """Calls `changed` once the folder has settled: nothing in it has changed for `quiet_ms`.

    A half-written file can be valid YAML (two of three events): after a change, the folder's
    fingerprint (every file's size and modification time) is taken every `quiet_ms` / 5, and
    the content is handed over only when it has held still for a whole `quiet_ms`, whatever
    the file system reported (a slow copy, a network share that sends no events). A touch
    that changed nothing hands nothing over.

    The path itself is checked every `rearm_ms`, one stat: a folder moved into its place, a
    link swapped to another folder, or a folder deleted and copied back is watched anew and
    its content handed over. While the folder is gone (or empty), nothing in it is watched."""

    # An editor's save (even a write-to-temp-then-rename one) is a burst of a few ms. A copy
    # that pauses mid-file cannot be told from a finished save except by waiting: a second
    # of stillness covers a slow stick or share, and still shows an editor's save about a
    # second later (benchmarks/editor_feedback.py). A pause longer than that is a finished
    # save as far as anyone can tell: the rest comes as the next change.
    def __init__(self, folder: Path, changed: Callable[[], None], quiet_ms: int = 1000,
                 rearm_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._changed = changed
        self._quiet = quiet_ms / 1000
        self._watcher = QFileSystemWatcher(self)
        self._interval = max(20, quiet_ms // 5)
        self._sample = QTimer(self, interval=self._interval)
        self._sample.timeout.connect(self._check_settled)
        self._rearm = QTimer(self, interval=rearm_ms)
        self._rearm.timeout.connect(self._check_back)
        self._watcher.directoryChanged.connect(self._touched)
        self._watcher.fileChanged.connect(self._touched)
        self._identity = identity(folder)
        self._seen = fingerprint(folder)
        self._handed: tuple[Identity, Fingerprint] = (self._identity, self._seen)
        self._still_since = time.monotonic()
        self._rewatch()
        self._rearm.start()

    def _touched(self) -> None:
        """Something moved: watch the folder until it holds still."""
        if not self._sample.isActive():
            self._seen = self._fingerprint()  # the change itself was just now
            self._still_since = time.monotonic()
            self._sample.start()

    def _fingerprint(self) -> Fingerprint:
        """The folder's fingerprint, sampled less often when it is slow to take (a folder of
        20,000 photos). That only delays the hand-over: a pause shorter than the quiet period
        is still seen, as the sample that would hand over is taken after the period."""
        begun = time.monotonic()
        now = fingerprint(self._folder)
        cost_ms = (time.monotonic() - begun) * 1000
        self._sample.setInterval(max(self._interval, round(3 * cost_ms)))
        return now

    def _check_settled(self) -> None:
        now, where = self._fingerprint(), identity(self._folder)
        if where != self._identity:  # another folder in its place: watch that one
            self._identity = where
            self._release()
        if not now:  # gone or emptied (being replaced): wait for it to come back
            self._seen = now
            self._sample.stop()
            self._release()
            return
        if now != self._seen:  # still moving: the quiet period starts again
            self._seen = now
            self._still_since = time.monotonic()
            self._rewatch()
            return
        self._rewatch()
        if time.monotonic() - self._still_since < self._quiet - 0.01:  # a timer may be early
            return
        self._sample.stop()
        if (where, now) == self._handed:
            return  # touched, but nothing changed: nothing to reload
        self._handed = (where, now)
        log.info("content folder changed: %s", self._folder)
        self._changed()

    def _check_back(self) -> None:
        """Cheaply, every `rearm_ms`: is the folder another one now (moved into place, a link
        swapped), or back after it was removed?"""
        where = identity(self._folder)
        if where == self._identity and (where is None or str(self._folder) in
                                        self._watcher.directories()):
            return
        if where is not None and fingerprint(self._folder):
            log.info("content folder replaced, or back: %s", self._folder)
            self._touched()

    def _release(self) -> None:
        """Let go of every watched path. On Windows a watch holds the folder open, and a
        deleted folder that is still open stays behind, empty, until it is let go: nothing
        could be copied back in its place. A swapped link is watched by its old target."""
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)

    def _rewatch(self) -> None:
        """Editors save by replacing files, which drops them from the watch list: re-add."""
        if not self._folder.is_dir():
            return
        wanted = {str(self._folder)} | {path for path, _, _ in self._seen}
        current = set(self._watcher.files()) | set(self._watcher.directories())
        missing = sorted(path for path in wanted - current if os.path.exists(path))
        if missing:
            self._watcher.addPaths(missing)
