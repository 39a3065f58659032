"""The composition root: plain run options in, the kiosk's window out. It builds the
services, the view-models and the view, and wires them together; `kiosk run` ends here."""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QImageReader
from PySide6.QtQuick import QQuickWindow

from kiosk import __version__
from kiosk.content import LoadResult, load_folder
from kiosk.content.limits import MAX_DECODE_MB
from kiosk.content.model import Exhibit
from kiosk.services import exits
from kiosk.services.memory import limit_arenas
from kiosk.services.paths import bundled_content, content_folder
from kiosk.services.settings import Settings, load_settings, lockout_path
from kiosk.ui.view import load_fonts

log = logging.getLogger("kiosk.app")


@dataclass(frozen=True)
class RunOptions:
    """How this run of the kiosk was asked for (the command line's `kiosk run` options)."""

    content: str | None = None  # content folder; None: the usual search (see paths)
    windowed: bool = False  # a normal window instead of fullscreen kiosk mode
    size: tuple[int, int] | None = None  # window size; None: 1920x1080
    screen: int | None = None  # None: the settings' screen, else the primary one
    cursor: bool = False
    watch: bool = False  # reload when the content's files change
    exit_after_first_frame: bool = False
    heartbeat: Path | None = None  # touched every second for the supervisor


def application() -> QGuiApplication:
    """The one QGuiApplication, with the shipped fonts as every text's default."""
    app = QGuiApplication.instance()
    if app is None:
        limit_arenas()
        app = QGuiApplication(sys.argv[:1])
        app.setApplicationName("kiosk")
        app.setOrganizationName("kiosk")
        app.setApplicationVersion(__version__)
        # what validation lets through, Qt decodes: the same limit on both sides
        QImageReader.setAllocationLimit(MAX_DECODE_MB)
    assert isinstance(app, QGuiApplication)
    load_fonts()
    return app


def problem_lines(result: LoadResult) -> list[str]:
    return [str(p) for p in result.problems]


def initial_content(folder: Path) -> tuple[Exhibit | None, list[str]]:
    """The folder's exhibit; if it has errors, the bundled one, with the problems for staff."""
    result = load_folder(folder)
    if result.exhibit is not None:
        return result.exhibit, problem_lines(result)
    for line in problem_lines(result):
        log.error("content: %s", line)
    if folder.resolve() != bundled_content().resolve():
        fallback = load_folder(bundled_content()).exhibit
        if fallback is not None:
            log.error("showing the bundled exhibit until %s is fixed", folder)
            return fallback, problem_lines(result)
    return None, problem_lines(result)


def run(options: RunOptions) -> int:
    from kiosk.services.inhibit import DisplayInhibitor
    from kiosk.services.logs import install_qt_message_handler, setup_logging
    from kiosk.services.pin import PinGate
    from kiosk.services.watch import ContentWatcher
    from kiosk.ui.render import choose_render_path, start_probe
    from kiosk.ui.session import Session
    from kiosk.ui.staff import StaffState
    from kiosk.ui.view import create_view

    probe = start_probe()  # answers while the content loads
    settings = load_settings()
    log_file = setup_logging(settings.log_level)
    for problem in settings.problems:
        log.warning("settings: %s", problem)
    install_qt_message_handler()
    folder = content_folder(options.content)
    log.info("kiosk %s starting on %s (pid %d)", __version__, folder, os.getpid())
    exhibit, problems = initial_content(folder)
    if exhibit is None:
        for line in problems:
            print(line, file=sys.stderr)
        print(f"the kiosk has no content to show: fix {folder} (kiosk validate)",
              file=sys.stderr)
        return exits.NO_CONTENT

    app = application()
    render_path = choose_render_path(probe)
    log.info("rendering: %s, because %s", render_path.backend, render_path.reason)
    kiosk_mode = not options.windowed
    session = Session(exhibit, idle_timeout_ms=_idle_ms(settings),
                      reduced_motion=settings.reduced_motion,
                      default_language=settings.default_language,
                      fade_fps=render_path.fade_fps)

    def reload() -> list[str]:
        result = load_folder(folder)
        lines = problem_lines(result)
        if result.exhibit is not None:
            session.set_exhibit(result.exhibit)
            log.info("content reloaded: %d events", len(result.exhibit.events))
        else:
            log.error("content has errors; keeping the last good content: %s", lines[:3])
        return lines

    def exit_kiosk() -> None:
        view.guard.allow_close = True
        app.exit(exits.OK)

    gate = PinGate(settings.pin_hash, store=lockout_path(settings.path))
    staff = StaffState(gate, reload, exit_kiosk, folder, settings.path,
                       log_file)
    size = options.size or (1920, 1080)
    view = create_view(exhibit, size, session, staff, kiosk_mode=kiosk_mode)
    # for staff, behind the PIN: nothing opens by itself in front of visitors
    staff.show_problems(problems + [f"{line} (settings)" for line in settings.problems])
    _place_window(view.window, app, options, settings, kiosk_mode)

    inhibitor = DisplayInhibitor()
    if kiosk_mode:
        inhibitor.hold()
    if options.watch:
        # parented to the session, which the QML engine owns: it lives as long as the window
        ContentWatcher(folder, lambda: staff.show_problems(reload()), parent=session)
        log.info("watching %s for changes", folder)
    if options.heartbeat:
        _start_heartbeat(options.heartbeat, session)
    _exit_cleanly_on_sigterm(app, session)
    if options.exit_after_first_frame:
        # exit(), not quit(): quit() asks every window to close, and kiosk mode refuses
        view.window.frameSwapped.connect(lambda: QTimer.singleShot(0, lambda: app.exit(exits.OK)),
                                         Qt.ConnectionType.SingleShotConnection)
    try:
        code = app.exec()
    finally:
        inhibitor.release()
        QGuiApplication.restoreOverrideCursor()
    log.info("kiosk stopped (exit code %d)", code)
    return code


def _idle_ms(settings: Settings) -> int | None:
    return round(settings.idle_timeout * 1000) if settings.idle_timeout else None


def _place_window(window: QQuickWindow, app: QGuiApplication, options: RunOptions,
                  settings: Settings, kiosk_mode: bool) -> None:
    screens = app.screens()
    number = options.screen if options.screen is not None else settings.screen
    if number is not None and not 0 <= number < len(screens):
        log.warning("there is no screen %d (screens: %d); using the first", number,
                    len(screens))
        number = None
    screen = screens[number] if number is not None else app.primaryScreen()
    if screen is not None:
        window.setScreen(screen)
        window.setPosition(screen.geometry().topLeft())
    if not kiosk_mode:
        window.show()
        return
    window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint
                    | Qt.WindowType.WindowStaysOnTopHint)
    if not options.cursor:
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    window.showFullScreen()


def _exit_cleanly_on_sigterm(app: QGuiApplication, parent: QObject) -> None:
    """A system shutdown (SIGTERM) ends the kiosk like a staff exit: no restart."""
    signal.signal(signal.SIGTERM, lambda signum, frame: app.exit(exits.OK))
    # Python runs signal handlers only when it gets control: wake it twice a second.
    waker = QTimer(parent, interval=500)
    waker.timeout.connect(lambda: None)
    waker.start()


def _start_heartbeat(path: Path, parent: QObject) -> None:
    """Touch a file every second from the UI thread: if the UI freezes, it goes stale."""
    def beat() -> None:
        try:
            path.touch()
        except OSError as exc:
            log.warning("heartbeat: %s", exc)

    timer = QTimer(parent, interval=1000)
    timer.timeout.connect(beat)
    timer.start()
    beat()
