"""The kiosk following an inbox of releases (issue 22): it looks at the inbox every few
seconds on a worker thread, takes the newest complete and valid release into its own store
(kiosk.releases), and shows the store's current release, switching only on the welcome
screen so that no visitor sees the story change under their finger. Staff go back to an
older release, or forward again, from the staff panel; the kiosk writes its status file for
`kiosk fleet status` at each switch and every few minutes.

The releases' rules are Qt-free (kiosk.releases); this view-model only schedules them and
tells the shell which content folder to show (`showFolder`)."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.releases.fleet import HEARTBEAT_EVERY, current_status, write_status
from kiosk.releases.inbox import Follower, InboxView
from kiosk.releases.store import ReleaseStore, StoredRelease, StoreError
from kiosk.services.guard import guarded
from kiosk.ui.shared.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, part_for

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Releases"]

log = logging.getLogger("kiosk.releases")

LOOK_EVERY_MS = 5_000  # an inbox look costs a directory listing while nothing changed
MAX_SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class _Looked:
    """A worker's answer, delivered on the UI thread."""

    kept: list[StoredRelease] | None  # the store's releases after the look (None: unread)
    problems: tuple[str, ...]  # why the inbox or a release in it was passed over

    @property
    def current(self) -> StoredRelease | None:
        return next((r for r in self.kept or () if r.current), None)


@QmlElement
@QmlSingleton
class Releases(QObject):
    """Which release the kiosk shows, and the staff panel's list of kept releases."""

    changed = Signal()  # the list, the release shown, the pending one or the problems
    showFolder = Signal(Path)  # show this content folder now (the shell loads it)
    _looked = Signal(object)

    def __init__(self, store: ReleaseStore | None, follower: Follower | None, *,
                 on_welcome: Callable[[], bool] = lambda: True,
                 status_folder: Path | None = None, kiosk_name: str = "kiosk",
                 showing: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._follower = follower
        self._on_welcome = on_welcome
        self._status_folder = status_folder
        self._kiosk_name = kiosk_name
        self._shown = showing  # the release on screen (its folder name)
        self._pending: StoredRelease | None = None  # waits for the welcome screen
        self._kept: list[StoredRelease] = store.releases() if store else []
        self._problems: tuple[str, ...] = ()
        self._busy = False
        self._stopping = threading.Event()
        self._looked.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self, interval=LOOK_EVERY_MS)
        self._timer.timeout.connect(self.look)
        self._status_timer = QTimer(self, interval=int(HEARTBEAT_EVERY.total_seconds() * 1000))
        self._status_timer.timeout.connect(self.write_status)

    @staticmethod
    def create(engine: QQmlEngine) -> QObject:
        return part_for(engine, "releases")

    # --- the shell's side -----------------------------------------------------------------

    def start(self) -> None:
        """Look now and every few seconds (after the first frame: nothing delays it)."""
        if self._store is None:
            return
        self._timer.start()
        self._status_timer.start()
        self.look()
        self.write_status()

    def stop(self) -> None:
        self._stopping.set()
        self._timer.stop()
        self._status_timer.stop()

    @Slot()
    def look(self) -> None:
        """Look at the inbox and the store on a worker thread (one look at a time)."""
        if self._busy or self._store is None:
            return
        self._busy = True
        threading.Thread(target=self._work, name="release-look", daemon=True).start()

    @Slot()
    @guarded("Releases.atWelcome", None)
    def atWelcome(self) -> None:
        """The kiosk is back on its welcome screen: a release that waited goes on now."""
        if self._pending is not None and self._on_welcome():
            self._show(self._pending)

    # --- what QML shows -------------------------------------------------------------------

    @Property(bool, notify=changed)
    def following(self) -> bool:
        return self._store is not None

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]
    def rows(self) -> list[dict[str, object]]:
        return [{"name": r.name, "version": r.manifest.version,
                 "published": r.manifest.published_at.strftime("%Y-%m-%d %H:%M UTC"),
                 "by": r.manifest.published_by, "shown": r.name == self._shown,
                 "current": r.current} for r in self._kept]

    @Property(str, notify=changed)
    def shownText(self) -> str:
        shown = next((r for r in self._kept if r.name == self._shown), None)
        if self._store is None:
            return ""
        if shown is None:
            return "Shows its own content folder: no release taken yet."
        text = (f"Shows version {shown.manifest.version}, published "
                f"{shown.manifest.published_at.strftime('%Y-%m-%d %H:%M')} UTC")
        if self._pending is not None:
            text += (f"; version {self._pending.manifest.version} is ready and goes on at "
                     "the next return to the welcome screen")
        return text

    @Property(str, notify=changed)
    def problemText(self) -> str:
        return "\n".join(self._problems[:MAX_SHOWN_PROBLEMS])

    @Property(bool, notify=changed)
    def canGoBack(self) -> bool:
        index = self._shown_index()
        return index is not None and index + 1 < len(self._kept)

    @Property(bool, notify=changed)
    def canGoForward(self) -> bool:
        index = self._shown_index()
        return index is not None and index > 0

    def _shown_index(self) -> int | None:
        return next((i for i, r in enumerate(self._kept) if r.name == self._shown), None)

    @property
    def shown(self) -> str | None:
        return self._shown

    @property
    def problems(self) -> tuple[str, ...]:
        return self._problems

    # --- staff ----------------------------------------------------------------------------

    @Slot()
    @guarded("Releases.back", None)
    def back(self) -> None:
        """Show the next older kept release now (staff asked: no waiting)."""
        self._select(+1, "staff went back")

    @Slot()
    @guarded("Releases.forward", None)
    def forward(self) -> None:
        self._select(-1, "staff went forward")

    def _select(self, step: int, how: str) -> None:
        index = self._shown_index()
        if self._store is None or index is None or not 0 <= index + step < len(self._kept):
            return
        try:
            chosen = self._store.select(self._kept[index + step].name, how)
        except StoreError as exc:
            self._problems = (str(exc), *self._problems)
            self.changed.emit()
            return
        self._kept = self._store.releases()
        self._show(chosen)

    # --- the worker -----------------------------------------------------------------------

    def _work(self) -> None:
        assert self._store is not None
        problems: list[str] = []
        try:
            if self._follower is not None:
                view: InboxView = self._follower.look(cancel=self._stopping.is_set)
                if view.problem:
                    problems.append(view.problem)
                problems += [f"passed over {i.summary()}" for i in view.ignored]
                if view.chosen is not None and not self._stopping.is_set():
                    try:
                        taken = self._store.take(view.chosen, cancel=self._stopping.is_set,
                                                 showing=self._shown)
                        if taken.added:
                            log.info("release %s taken into the store", taken.release.name)
                    except StoreError as exc:
                        problems.append(str(exc))
            # every kept release's manifest, read here rather than on the UI thread
            kept: list[StoredRelease] | None = self._store.releases()
        except Exception as exc:  # a bug: the kiosk goes on showing what it shows
            log.exception("looking at the releases failed")
            problems.append(f"the releases could not be read ({type(exc).__name__})")
            kept = None
        for problem in problems:
            log.info("releases: %s", problem)
        self._looked.emit(_Looked(kept, tuple(problems)))

    @Slot(object)
    @guarded("Releases._arrived", None)
    def _arrived(self, looked: _Looked) -> None:
        self._busy = False
        if looked.kept is not None:
            self._kept = looked.kept
        self._problems = looked.problems
        current = looked.current
        if current is not None and current.name != self._shown:
            if self._on_welcome():
                self._show(current)
                return
            self._pending = current
            log.info("release %s waits for the welcome screen", current.name)
        self.changed.emit()

    def _show(self, release: StoredRelease) -> None:
        previous, self._shown, self._pending = self._shown, release.name, None
        log.info("showing release %s (was %s)", release.name, previous or "the content folder")
        self.changed.emit()
        self.showFolder.emit(release.content)
        self.write_status()

    @Slot()
    def write_status(self) -> None:
        """The status file for `kiosk fleet status` (a few hundred bytes; its heartbeat)."""
        if self._store is None or self._status_folder is None:
            return
        try:
            status = current_status(self._kiosk_name, self._store, self._problems,
                                    dt.datetime.now(dt.UTC), showing=self._shown)
            write_status(self._status_folder, status)
        except OSError as exc:
            log.warning("cannot write the status file in %s (%s)", self._status_folder, exc)


def not_following() -> Releases:
    """The staff panel's part when no inbox is set: it shows nothing."""
    return Releases(None, None)

