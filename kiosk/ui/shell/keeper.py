"""Which content is on screen, and the checks behind it.

At start the kiosk shows the last good copy of this exhibit at once (kiosk.services.
last_good) and validates the content folder in a child process (kiosk.services.
content_check): a folder that changed and validates is kept and shown; one with errors
leaves the copy on screen, and the content report (with the staff sign) tells. Only with no
copy of this exhibit is the folder read before the first frame, and only when that fails too
does the bundled exhibit show. Reloads (a save under --watch, staff's Reload) go the same
way: the UI thread (and the heartbeat the supervisor listens to) never waits for a check.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from kiosk.content import LoadResult, Problem, images, load_folder
from kiosk.content.loader import EXHIBIT_FILE
from kiosk.content.problems import capped, listing, more_text
from kiosk.core.model import Exhibit
from kiosk.services import content_check, picture_checks
from kiosk.services.guard import guarded
from kiosk.services.last_good import Fingerprint, Kept, LastGood, fingerprint
from kiosk.services.paths import bundled_content
from kiosk.ui.shell.session import Session
from kiosk.ui.staff.content_report import ContentReport

log = logging.getLogger("kiosk.keeper")

Loader = Callable[[Path], LoadResult]
KEPT_WORDS = "the last good content"
BUNDLED_WORDS = "the bundled exhibit"
QUIET_WAIT_MS = 20_000  # the check waits this long at most for the strip's worker


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
    files: Fingerprint | None = None  # the folder's files when it was read for the screen


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
    files = fingerprint(folder)  # before it is read: the check behind tells a change since
    result = guarded_load(folder, load)
    if result.exhibit is not None:
        return Start(result.exhibit, result, "", None, files)
    log_problems(result)
    if _resolved(folder) != _resolved(bundled_content()):
        fallback = guarded_load(bundled_content()).exhibit
        if fallback is not None:
            log.error("showing the bundled exhibit until %s is fixed", folder)
            return Start(fallback, result, BUNDLED_WORDS, None)
    return Start(None, result, "", None)


class ContentKeeper(QObject):
    """Checks the content folder in a child process (at start and on each reload), keeps
    what validates, and puts it on screen; the report tells staff and editors."""

    _checked = Signal(object)  # the child's answer, delivered on the UI thread
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
        self._shown = start.kept.files if start.kept is not None else start.files
        self._load = load  # passed to the child by name: a module-level function
        self._checks = checks
        self._busy = False
        self._again = False
        self._running: content_check.Running | None = None
        self.phase = ""  # "checking" while the child runs, "done" (benchmarks tell it)
        self.last: content_check.Answer | None = None  # the last answer (tests, benchmarks)
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
        self._start(told=False)

    def keep(self, result: LoadResult) -> None:
        """The first start's folder validated before the first frame (its problems told):
        keep a copy of it, behind the screen. The child reads it again; nothing changes on
        screen unless the folder changed since. What its pictures' checks found goes to the
        child through the kept checks: none is decoded twice."""
        if self._checks is not None and images.learned():
            picture_checks.save(self._checks)
        self._start(told=True)

    def stop(self) -> None:
        """The kiosk ends: so does a check under way."""
        if self._running is not None:
            self._running.stop()

    def _start(self, told: bool) -> None:
        self._busy = True
        self.phase = "checking"
        request = content_check.Request(self.folder, self.store.folder, self._checks,
                                        self._shown, told, self._load)
        try:
            self._running = content_check.start(request, self._checked.emit)
        except (OSError, ValueError, RuntimeError) as exc:  # no process can be started
            log.exception("cannot start the content check")
            self._checked.emit(content_check.failed(f"no check could start: {exc}"))

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
        worker: the first seconds' processor goes to the screen), looked at twice a second,
        and at the latest after `at_most_ms`."""
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

    @Slot(object)
    @guarded("ContentKeeper._done", None)
    def _done(self, answer: content_check.Answer) -> None:
        self.last = answer
        self._running = None
        self.phase = "done"
        result = answer.result
        log.info("content checked in %.1f s (%d pictures decoded)", answer.seconds,
                 answer.pictures_checked)
        if answer.valid and answer.exhibit is not None:
            if answer.kept is not None:
                self.kept = answer.kept
            if not answer.same_as_shown(self._shown):
                self.session.set_exhibit(answer.exhibit)
                self._shown = answer.files
                log.info("content switched: %d events", len(answer.exhibit.events))
            self.shows = KEPT_WORDS  # from now on, what stays when the folder breaks
            self.report.update(answer.problems)
        else:
            log_problems(result)
            when = f" (kept {self.kept.saved.replace('T', ' ')[:16]} UTC)" \
                if self.kept is not None and self.shows == KEPT_WORDS else ""
            self.report.update(answer.problems, kept=self.shows + when)
        if answer.listed:
            text = told(result, self.shows, reloaded=True, listed=answer.listed)
            _TERMINAL.say(text)  # never on this thread: a terminal nobody reads blocks
        self._busy = False
        if self._again:
            self._again = False
            self.check()
        self.settled.emit()


def tell_terminal(folder: Path, result: LoadResult, shows: str, reloaded: bool,
                  listed: str | None = None) -> None:
    """Editors watch the terminal too: every problem, then what the kiosk did about it
    (`listed`: the problems' listing, when it was made already)."""
    if listed is None:
        listed = listing(result.problems, folder, str(folder))
    print(told(result, shows, reloaded, listed), file=sys.stderr, flush=True)


def told(result: LoadResult, shows: str, reloaded: bool, listed: str) -> str:
    """The terminal's words for a check: its listing, then what the kiosk did."""
    if result.exhibit is None:
        done = f"{shows} stays on screen" if reloaded else f"showing {shows} instead"
    else:
        done = "content reloaded" if reloaded else "content loaded"
    return f"{listed}; {done}"


class _Terminal:
    """Writes to the terminal (stderr) on a thread of its own. A kiosk whose output goes to
    a pipe that nobody reads (a service manager's, a script's) blocks on the write once the
    pipe is full (64 kB: two listings of a 1,000-event exhibit's warnings); on the UI thread
    that froze the screen for good and the supervisor restarted the kiosk again and again.
    What cannot be written while the writer is blocked is left out (the log has it)."""

    def __init__(self) -> None:
        self._waiting: queue.Queue[str] = queue.Queue(maxsize=4)
        self._writer: threading.Thread | None = None

    def say(self, text: str) -> None:
        if self._writer is None:
            self._writer = threading.Thread(target=self._write, name="terminal", daemon=True)
            self._writer.start()
        with contextlib.suppress(queue.Full):
            self._waiting.put_nowait(text)

    def _write(self) -> None:
        while True:
            text = self._waiting.get()
            with contextlib.suppress(OSError, ValueError):
                print(text, file=sys.stderr, flush=True)


_TERMINAL = _Terminal()
