"""Which content is on screen, and the checks behind it.

At start the kiosk shows the last good copy of this exhibit at once (kiosk.services.
last_good) and validates the content folder on a worker thread: a folder that changed and
validates is kept and shown; one with errors leaves the copy on screen, and the content
report (with the staff sign) tells. Only with no copy of this exhibit is the folder read
before the first frame, and only when that fails too does the bundled exhibit show.
Reloads (a save under --watch, staff's Reload) go the same way, so a large folder never
holds the UI thread while it is read.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from kiosk.content import LoadResult, Problem, images, load_folder
from kiosk.content.loader import EXHIBIT_FILE, rest_between_files
from kiosk.content.problems import capped, listing, more_text
from kiosk.core.model import Exhibit
from kiosk.services import picture_checks
from kiosk.services.guard import guarded
from kiosk.services.last_good import Kept, LastGood, SourceChanged, fingerprint
from kiosk.services.paths import bundled_content
from kiosk.ui.shell.session import Session
from kiosk.ui.staff.content_report import ContentReport
from kiosk.ui.timeline.strip import WORKER_SWITCH_S

log = logging.getLogger("kiosk.keeper")

Loader = Callable[[Path], LoadResult]
KEPT_WORDS = "the last good content"
BUNDLED_WORDS = "the bundled exhibit"
QUIET_WAIT_MS = 20_000  # the check waits this long at most for the strip's worker
CHECK_REST_S = 0.01  # the check rests after each event file (about as long as one takes)


def guarded_load(folder: Path, load: Loader = load_folder) -> LoadResult:
    """Read the folder; whatever the loader raises (a bug, a file no rule foresaw) becomes an
    error on the folder, so that one file can never crash a start or a --watch reload into a
    restart loop: the last good (or the bundled) content stays on screen instead."""
    try:
        return load(folder)
    except Exception as exc:  # the loader's own problems are returned, not raised: a bug
        log.exception("content: reading %s failed", folder)
        return LoadResult(None, [Problem(EXHIBIT_FILE, 0, 0, "error", (
            f"the kiosk could not read this content ({type(exc).__name__}); the log has "
            "the details"))])


def log_problems(result: LoadResult) -> None:
    shown, more = capped(result.problems)  # a few per file: the log is not flooded
    for problem in shown:
        log.error("content: %s", problem)
    for file, count in more.items():
        log.error("content: %s", more_text(count, file))


def _resolved(folder: Path) -> Path:
    try:
        return folder.resolve()
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL byte: compare as given
        return folder.absolute()


@dataclass(frozen=True)
class Start:
    """What the kiosk shows first, and what it knows about the folder yet."""

    exhibit: Exhibit | None  # None: nothing to show at all
    result: LoadResult | None  # the folder's problems; None while they are being checked
    shows: str  # what is on screen, in words: "the last good content", ...
    kept: Kept | None  # the copy on screen, if it is one


def first_content(folder: Path, store: LastGood | None, load: Loader = load_folder,
                  checks: Path | None = None) -> Start:
    """Decide what the first frame shows (see the module's docstring). Quick when there is
    a copy of this exhibit: its index is read and each of its files stat'ed, no more.
    Without a store (tools, tests) the folder is read, as on a first start."""
    if checks is not None:
        picture_checks.load(checks)
    kept = store.load() if store is not None else None
    if kept is not None and kept.is_of(folder):
        images.remember(kept.pictures)
        if kept.answers_for(folder, fingerprint(folder)):  # unchanged: its answer stands
            log.info("showing the last good content kept %s (%s): %s is unchanged",
                     kept.saved, kept.folder, folder)
            return Start(kept.exhibit, LoadResult(kept.exhibit, list(kept.problems)),
                         KEPT_WORDS, kept)
        log.info("showing the last good content kept %s (%s) while %s is checked",
                 kept.saved, kept.folder, folder)
        return Start(kept.exhibit, None, KEPT_WORDS, kept)
    result = guarded_load(folder, load)
    if result.exhibit is not None:
        return Start(result.exhibit, result, "", None)
    log_problems(result)
    if _resolved(folder) != _resolved(bundled_content()):
        fallback = guarded_load(bundled_content()).exhibit
        if fallback is not None:
            log.error("showing the bundled exhibit until %s is fixed", folder)
            return Start(fallback, result, BUNDLED_WORDS, None)
    return Start(None, result, "", None)


@dataclass(frozen=True)
class _Checked:
    result: LoadResult
    kept: Kept | None  # a new copy, when the folder changed and validated
    unchanged: bool  # the folder is the copy on screen
    switch: bool  # a check (not the first start's copy of what it shows already)
    listed: str = ""  # the problems as the terminal shows them, made on the worker thread


class ContentKeeper(QObject):
    """Checks the content folder on a worker thread (at start and on each reload), keeps
    what validates, and puts it on screen; the report tells staff and editors."""

    _checked = Signal(object)  # a worker's answer, delivered on the UI thread
    settled = Signal()  # a check is over and its answer shown (tests, staff)

    def __init__(self, folder: Path, store: LastGood, session: Session,
                 report: ContentReport, start: Start, load: Loader = load_folder,
                 checks: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.store = store
        self.session = session
        self.report = report
        self.kept = start.kept
        self.shows = start.shows  # what is on screen while the folder has errors
        self._load = load
        self._checks = checks
        self._busy = False
        self._again = False
        self.phase = ""  # what the check is doing: reading, keeping (benchmarks tell it)
        self._learned = 0  # picture checks kept so far (those of the first start's read too)
        self._checked.connect(self._done, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._busy

    def check(self) -> None:
        """Read the folder again behind what is shown (a second request while one runs is
        done once it is over)."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        threading.Thread(target=self._work, name="content-check", daemon=True).start()

    def show_folder(self, folder: Path) -> None:
        """Show another content folder from now on (a release the kiosk switched to): it is
        checked like a reload, and goes on screen when it validates."""
        if folder == self.folder:
            return
        self.folder = folder
        self.check()

    def after(self, busy: Callable[[], bool], start: Callable[[], None],
              at_most_ms: int = QUIET_WAIT_MS) -> None:
        """Run `start` (check or keep) once `busy()` is false (the strip's typesetting
        worker: two Python workers at once stall the UI thread the longest), looked at
        twice a second, and at the latest after `at_most_ms`."""
        waited = [0]
        timer = QTimer(self, interval=500)

        def look() -> None:
            waited[0] += timer.interval()
            if not busy() or waited[0] >= at_most_ms:
                timer.stop()
                timer.deleteLater()
                start()

        timer.timeout.connect(look)
        if busy():
            timer.start()
        else:
            timer.deleteLater()
            start()

    def keep(self, result: LoadResult) -> None:
        """The first start's folder validated before the first frame: keep a copy of it,
        behind the screen (nothing to show anew: it is on screen)."""
        self._busy = True
        threading.Thread(target=self._work, args=(result,), name="content-keep",
                         daemon=True).start()

    def _work(self, validated: LoadResult | None = None) -> None:
        # Python's lock passes every 1 ms rather than 5 while this thread reads (as the
        # strip's typesetting worker does): the UI thread never waits long for its turn
        usual = sys.getswitchinterval()
        sys.setswitchinterval(min(usual, WORKER_SWITCH_S))
        images.one_at_a_time()  # no picture workers besides: the UI thread keeps a core
        rest_between_files(CHECK_REST_S)
        try:
            self._check_now(validated)
        finally:
            sys.setswitchinterval(usual)

    def _check_now(self, validated: LoadResult | None) -> None:
        try:
            before = fingerprint(self.folder)  # before it is read: a change after shows
            kept = self.kept
            unchanged = kept is not None and kept.matches(self.folder, before)
            self.phase = "reading"
            result = validated or guarded_load(self.folder, self._load)
            self.phase = "keeping"
            if self._checks is not None and images.learned() != self._learned:
                self._learned = images.learned()
                picture_checks.save(self._checks)
            new: Kept | None = None
            if result.exhibit is not None and not unchanged:
                try:
                    new = self.store.save(self.folder, result.exhibit, before, previous=kept,
                                          problems=result.problems)
                except SourceChanged as exc:
                    log.info("content changed while it was kept (%s); checked again later", exc)
                except OSError as exc:
                    log.warning("cannot keep a copy of the content in %s (%s)",
                                self.store.folder, exc)
            # the listing reads every file with a problem: on this thread, not the UI's
            listed = listing(result.problems, self.folder, str(self.folder)) \
                if validated is None and (result.problems or not unchanged) else ""
            self.phase = "done"
            self._checked.emit(_Checked(result, new, unchanged, validated is None, listed))
        except BaseException as exc:  # a bug: the kiosk goes on showing what it shows
            log.exception("content check failed")
            self._checked.emit(_Checked(LoadResult(None, [Problem(
                EXHIBIT_FILE, 0, 0, "error", f"the kiosk could not check this content "
                f"({type(exc).__name__}); the log has the details")]), None, False, True))

    @Slot(object)
    @guarded("ContentKeeper._done", None)
    def _done(self, checked: _Checked) -> None:
        result = checked.result
        if result.exhibit is not None:
            if checked.kept is not None:
                self.kept = checked.kept
            if checked.switch and not checked.unchanged:
                # the copy's exhibit when there is one: its photos are read from the copy,
                # so an editor's next save cannot change what is on screen under it
                exhibit = checked.kept.exhibit if checked.kept else result.exhibit
                self.session.set_exhibit(exhibit)
                log.info("content switched: %d events", len(exhibit.events))
            self.shows = KEPT_WORDS  # from now on, what stays when the folder breaks
            self.report.update(result.problems)
        else:
            log_problems(result)
            when = f" (kept {self.kept.saved.replace('T', ' ')[:16]} UTC)" \
                if self.kept is not None and self.shows == KEPT_WORDS else ""
            self.report.update(result.problems, kept=self.shows + when)
        if checked.listed:
            tell_terminal(self.folder, result, self.shows, reloaded=True, listed=checked.listed)
        self._busy = False
        if self._again:
            self._again = False
            self.check()
        self.settled.emit()


def tell_terminal(folder: Path, result: LoadResult, shows: str, reloaded: bool,
                  listed: str | None = None) -> None:
    """Editors watch the terminal too: every problem, then what the kiosk did about it
    (`listed`: the problems' listing, when it was made already)."""
    if result.exhibit is None:
        done = f"{shows} stays on screen" if reloaded else f"showing {shows} instead"
    else:
        done = "content reloaded" if reloaded else "content loaded"
    if listed is None:
        listed = listing(result.problems, folder, str(folder))
    print(f"{listed}; {done}", file=sys.stderr, flush=True)
