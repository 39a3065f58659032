"""The content check in a child process: read and validate the content folder, check its
pictures, keep a copy of it when it validates, and list its problems, all away from the
running kiosk.

Why a process, not a thread: Python runs one thread at a time, and the kiosk's UI thread
needs Python's lock for every value QML reads from a view-model. A check on a worker thread
(thousands of small YAML objects, picture checks, a copy written as JSON) held the UI thread
long enough that the supervisor took a working kiosk for frozen and killed it, again and
again, whenever the content folder changed (issue 29). A child process has its own lock and,
at a lower priority, leaves the processor to the kiosk; the kiosk shows what it shows until
the answer comes.

Plain Python, no Qt: the child imports only the content rules and the store. The child is
started with the "spawn" method on every system (Windows has no fork, and a forked copy of
a Qt program is not safe to run); the packaged program calls
`multiprocessing.freeze_support()` first thing (kiosk/__main__.py) so that its executable
started as a child runs the check, not a second kiosk.

    running = start(Request(folder, store_folder, checks_file, shown, told), answered)
    # answered(Answer) is called once, on a thread of this module's own
    running.stop()  # the kiosk ends: the check ends with it
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import multiprocessing
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

import psutil

from kiosk.content import LoadResult, Problem, images, load_folder
from kiosk.content.loader import EXHIBIT_FILE
from kiosk.content.problems import listing
from kiosk.core.model import Event, Exhibit
from kiosk.services import picture_checks
from kiosk.services.last_good import Fingerprint, Kept, LastGood, SourceChanged, fingerprint

if sys.platform == "win32":  # Windows' Pipe() gives a PipeConnection (as typeshed says)
    from multiprocessing.connection import PipeConnection

    Answers = Connection | PipeConnection
else:
    Answers = Connection

log = logging.getLogger("kiosk.content_check")

Loader = Callable[[Path], LoadResult]
EVENTS_PER_PIECE = 50  # events sent to the kiosk at a time (about 20 ms to unpickle)


@dataclass(frozen=True)
class Request:
    """What to check, and what the kiosk knows already."""

    folder: Path  # the content folder
    store: Path  # the last good store's folder (kiosk.services.paths.last_good_dir)
    checks: Path | None  # the picture checks kept across starts; None: none kept
    shown: Fingerprint | None  # the folder's files as they were for the content on screen
    told: bool = False  # the content on screen had its problems told (the first start's)
    load: Loader = load_folder  # a module-level function: it is passed to the child by name


@dataclass(frozen=True)
class Answer:
    """What the check found. `exhibit` is what to show (the new copy's when one was kept:
    its photos are read from the copy, which an editor's next save cannot change)."""

    valid: bool  # the folder has no error
    problems: list[Problem]
    exhibit: Exhibit | None  # None when not valid
    files: Fingerprint  # the folder's files, taken before it was read
    kept: Kept | None = None  # a new copy, when the folder changed and validated
    listed: str = ""  # the problems as the terminal shows them ("" when nothing to tell)
    pictures_checked: int = 0  # pictures decoded by this check (the others were known)
    seconds: float = 0.0  # how long the child took
    records: list[logging.LogRecord] = field(default_factory=list)  # its log, to re-log

    @property
    def result(self) -> LoadResult:
        return LoadResult(self.exhibit if self.valid else None, self.problems)

    def same_as_shown(self, shown: Fingerprint | None) -> bool:
        return shown is not None and self.files == shown


def failed(reason: str, files: Fingerprint | None = None) -> Answer:
    """The answer when the check itself failed (a bug, a child that died): the kiosk goes on
    showing what it shows, and the report says so."""
    return Answer(False, [Problem(EXHIBIT_FILE, 0, 0, "error", (
        f"the kiosk could not check this content ({reason}); the log has the details"))],
        None, files or {})


def check(request: Request) -> Answer:
    """The check itself, as the child runs it (tests may call it in their own process)."""
    begun = time.monotonic()
    if request.checks is not None:
        picture_checks.load(request.checks)
    store = LastGood(request.store)
    kept = store.load()
    if kept is not None and not kept.is_of(request.folder):
        kept = None
    if kept is not None:
        images.remember(kept.pictures)
    known = images.learned()
    before = fingerprint(request.folder)  # before it is read: a change after it shows
    try:
        result = request.load(request.folder)
    except Exception as exc:  # the loader's own problems are returned, not raised: a bug
        log.exception("content: reading %s failed", request.folder)
        return failed(type(exc).__name__, before)
    pictures = images.learned() - known
    if request.checks is not None and pictures:
        picture_checks.save(request.checks)
    new: Kept | None = None
    if result.exhibit is not None and not (kept is not None
                                           and kept.matches(request.folder, before)):
        try:
            new = store.save(request.folder, result.exhibit, before, previous=kept,
                             problems=result.problems)
        except SourceChanged as exc:
            log.info("content changed while it was kept (%s); checked again later", exc)
        except OSError as exc:
            log.warning("cannot keep a copy of the content in %s (%s)", store.folder, exc)
    same = request.shown is not None and before == request.shown
    listed = "" if request.told and same else \
        listing(result.problems, request.folder, str(request.folder)) \
        if result.problems or not same else ""
    shown = new.exhibit if new is not None else result.exhibit
    return Answer(result.exhibit is not None, result.problems, shown, before, new, listed,
                  pictures, time.monotonic() - begun)


class _Kept(logging.Handler):
    """The child's log records, made plain (message formatted, traceback as text) so that
    they travel back to the kiosk and go into its log."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self._format = logging.Formatter()

    def emit(self, record: logging.LogRecord) -> None:
        plain = logging.makeLogRecord(record.__dict__)
        plain.msg, plain.args = record.getMessage(), None
        if record.exc_info:
            plain.exc_text = self._format.formatException(record.exc_info)
        plain.exc_info = None
        self.records.append(plain)


def _lower_priority() -> None:
    """The child yields the processor to the kiosk (two cores, one of them the UI's)."""
    lower = getattr(psutil, "BELOW_NORMAL_PRIORITY_CLASS", 10)  # Windows has classes
    with contextlib.suppress(psutil.Error, OSError):
        psutil.Process().nice(lower)


def _child(request: Request, out: Connection) -> None:
    """The child process's whole life: check, answer, end."""
    _lower_priority()
    kept = _Kept()
    root = logging.getLogger()
    root.addHandler(kept)
    root.setLevel(logging.INFO)
    try:
        answer = check(request)
    except BaseException as exc:  # a bug: the kiosk goes on showing what it shows
        log.exception("content check failed")
        answer = failed(type(exc).__name__)
    answer = dataclasses.replace(answer, records=kept.records)
    _send(answer, out)
    out.close()


def _send(answer: Answer, out: Connection) -> None:
    """The answer, its events a few at a time: the kiosk unpickles each piece in one call
    that holds Python's lock (the 1,000-event exhibit whole: 0.3-0.7 s of a frozen screen),
    and its UI thread gets the lock back between pieces."""
    events = answer.exhibit.events if answer.exhibit is not None else ()
    hollow = dataclasses.replace(answer.exhibit, events=()) if answer.exhibit else None
    out.send((len(events), dataclasses.replace(
        answer, exhibit=hollow, kept=dataclasses.replace(answer.kept, exhibit=hollow)
        if answer.kept is not None and hollow is not None else answer.kept)))
    for first in range(0, len(events), EVENTS_PER_PIECE):
        out.send(events[first:first + EVENTS_PER_PIECE])


def _receive(answers: Answers) -> Answer:
    """The answer _send sent, whole again."""
    received: tuple[int, Answer] = answers.recv()
    count, answer = received
    events: list[Event] = []
    while len(events) < count:
        events.extend(answers.recv())
    if answer.exhibit is None:
        return answer
    exhibit = dataclasses.replace(answer.exhibit, events=tuple(events))
    return dataclasses.replace(answer, exhibit=exhibit, kept=dataclasses.replace(
        answer.kept, exhibit=exhibit) if answer.kept is not None else None)


class Running:
    """A check under way in its child process."""

    def __init__(self, process: BaseProcess, answers: Answers) -> None:
        self.process = process
        self._answers = answers
        self._stopped = False

    def stop(self) -> None:
        """End the check now (the kiosk is ending); no answer is given."""
        self._stopped = True
        if self.process.is_alive():
            self.process.terminate()

    def _wait(self, answered: Callable[[Answer], None]) -> None:
        answer: Answer | None = None
        try:
            ready = wait([self._answers, self.process.sentinel])
            if self._answers in ready or self._answers.poll():
                answer = _receive(self._answers)
        except (EOFError, OSError):
            answer = None
        self.process.join()
        self._answers.close()
        if self._stopped:
            return
        if answer is None:
            log.error("the content check ended without an answer (exit code %s)",
                      self.process.exitcode)
            answer = failed(f"the check ended with code {self.process.exitcode}")
        for record in answer.records:
            logging.getLogger(record.name).handle(record)
        answered(answer)


def start(request: Request, answered: Callable[[Answer], None]) -> Running:
    """Start a check in a child process; `answered` is called once with its answer, from a
    thread of this module's (a Qt caller emits a queued signal there)."""
    context = multiprocessing.get_context("spawn")
    answers, out = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(request, out), name="content-check",
                              daemon=True)  # ends with the kiosk
    process.start()
    out.close()  # the child holds its end: EOF here when it dies
    running = Running(process, answers)
    threading.Thread(target=running._wait, args=(answered,), name="content-check-answer",
                     daemon=True).start()
    return running
