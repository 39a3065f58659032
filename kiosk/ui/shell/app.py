"""The composition root: plain run options in, the kiosk's window out. It builds the
services, the view-models and the view, and wires them together; `kiosk run` ends here."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QImageReader
from PySide6.QtQuick import QQuickWindow

from kiosk import __version__
from kiosk.content import LoadResult, load_folder
from kiosk.content.problems import listing
from kiosk.core.limits import MAX_DECODE_MB
from kiosk.core.model import Exhibit
from kiosk.services import exits, media_probe
from kiosk.services.instance import KIOSK_LOCK, InstanceLock, find, lock_path, running
from kiosk.services.last_good import LastGood
from kiosk.services.memory import limit_arenas
from kiosk.services.paths import (
    assets_dir,
    content_folder,
    last_good_dir,
    picture_checks_file,
    user_config_dir,
)
from kiosk.services.settings import Settings, load_settings, lockout_path
from kiosk.ui.shell.keeper import KEPT_WORDS, first_content, guarded_load, tell_terminal
from kiosk.ui.shell.view import load_fonts

if TYPE_CHECKING:
    import psutil

    from kiosk.releases.inbox import Follower
    from kiosk.releases.store import ReleaseStore
    from kiosk.ui.fleet.releases import Releases
    from kiosk.ui.shell.keeper import ContentKeeper
    from kiosk.ui.shell.session import Session
    from kiosk.ui.staff.content_report import ContentReport

log = logging.getLogger("kiosk.ui.shell.app")


@dataclass(frozen=True)
class RunOptions:
    """How this run of the kiosk was asked for (the command line's `kiosk run` options)."""

    content: str | None = None  # content folder; None: the usual search (see paths)
    windowed: bool = False  # a normal window instead of fullscreen kiosk mode
    size: tuple[int, int] | None = None  # window size; None: 1920x1080
    screen: int | None = None  # None: the settings' screen, else the primary one
    cursor: bool = False
    watch: bool = False  # reload when the content's files change
    releases: str | None = None  # an inbox of releases to follow; None: the settings' one
    exit_after_first_frame: bool = False
    heartbeat: Path | None = None  # written every second for the supervisor
    supervisor: str | None = None  # the supervisor (pid:start time): gone, the kiosk ends


def application() -> QGuiApplication:
    """The one QGuiApplication, with the shipped fonts as every text's default."""
    app = QGuiApplication.instance()
    if app is None:
        limit_arenas()
        # The offscreen platform (snapshots, tests) finds fonts in QT_QPA_FONTDIR only, and
        # on Windows warns that Qt ships none: let it see the kiosk's own.
        os.environ.setdefault("QT_QPA_FONTDIR", str(assets_dir() / "fonts"))
        app = QGuiApplication(sys.argv[:1])
        app.setApplicationName("kiosk")
        app.setOrganizationName("kiosk")
        app.setApplicationVersion(__version__)
        # what validation lets through, Qt decodes: the same limit on both sides
        QImageReader.setAllocationLimit(MAX_DECODE_MB)
        media_probe.install()  # validation reads videos' codecs with Qt Multimedia
    assert isinstance(app, QGuiApplication)
    load_fonts()
    return app


Loader = Callable[[Path], LoadResult]


def initial_content(folder: Path, load: Loader = load_folder
                    ) -> tuple[Exhibit | None, LoadResult]:
    """The folder's exhibit; if it has errors, the bundled one, with the folder's problems
    (tools and tests: `kiosk run` starts on the last good copy first, see first_content)."""
    start = first_content(folder, None, load)
    assert start.result is not None  # without a store, the folder is read
    return start.exhibit, start.result


def reload_content(folder: Path, session: Session, report: ContentReport,
                   load: Loader = load_folder) -> LoadResult:
    """Read the folder again (a save under --watch, or staff's Reload): good content goes on
    screen; either way its problems go to the editor panel, the PIN pad and the terminal."""
    result = guarded_load(folder, load)
    if result.exhibit is not None:
        session.set_exhibit(result.exhibit)
        log.info("content reloaded: %d events", len(result.exhibit.events))
    else:
        log.error("content has errors; keeping the last good content: %s",
                  [str(p) for p in result.problems[:3]])
    report.update(result.problems)
    tell_terminal(folder, result, KEPT_WORDS, reloaded=True)
    return result


def run(options: RunOptions) -> int:
    from kiosk.services.inhibit import DisplayInhibitor
    from kiosk.services.logs import install_qt_message_handler, setup_logging
    from kiosk.services.pin import PinGate
    from kiosk.services.watch import ContentWatcher
    from kiosk.ui.shared.render import choose_render_path, start_probe
    from kiosk.ui.shell.keeper import ContentKeeper
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view
    from kiosk.ui.staff.content_report import ContentReport
    from kiosk.ui.staff.staff import StaffState
    from kiosk.ui.statistics.panel import StaffStatistics
    from kiosk.ui.statistics.recorder import start_statistics

    probe = start_probe()  # answers while the content loads
    settings = load_settings()
    log_file = setup_logging(settings.log_level)
    for line in settings.problems:
        log.warning("settings: %s", line)
    install_qt_message_handler()
    folder = content_folder(options.content)
    following = _following(options, settings)
    shown = following[0].current() if following is not None else None
    if shown is not None:
        folder = shown.content  # the release shown last time, whatever the inbox holds now
    log.info("kiosk %s starting on %s (pid %d)", __version__, folder, os.getpid())
    supervisor = find(options.supervisor) if options.supervisor is not None else None
    if options.supervisor is not None and supervisor is None:
        log.info("the supervisor (%s) is gone before the kiosk started; ending", options.supervisor)
        return exits.OK
    lock = InstanceLock(lock_path(KIOSK_LOCK))
    try:
        if not lock.acquire():
            owner = lock.owner().partition(":")[0] or "unknown"
            message = (f"another kiosk is already running here (pid {owner}); close it "
                       "first, or give this one its own KIOSK_HOME")
            log.error("%s", message)
            print(message, file=sys.stderr)
            return exits.ALREADY_RUNNING
    except OSError as exc:
        log.warning("cannot lock %s (%s): not guarded against a second kiosk", lock.path, exc)
    store = LastGood(last_good_dir())
    start = first_content(folder, store, checks=picture_checks_file())
    exhibit = start.exhibit
    if exhibit is None:
        problems = start.result.problems if start.result else []
        print(listing(problems, folder, str(folder)), file=sys.stderr)
        print(f"the kiosk has no content to show: fix {folder} (kiosk validate)",
              file=sys.stderr)
        lock.release()
        return exits.NO_CONTENT

    app = application()
    render_path = choose_render_path(probe)
    log.info("rendering: %s, because %s", render_path.backend, render_path.reason)
    kiosk_mode = not options.windowed
    session = Session(exhibit, idle_timeout_ms=_idle_ms(settings),
                      reduced_motion=settings.reduced_motion,
                      default_language=settings.default_language,
                      fade_fps=render_path.fade_fps)
    releases: Releases | None = None  # made below; the statistics ask it what is shown
    first_release = shown.name if following is not None and shown is not None else ""
    recorder = start_statistics(settings, session, release=lambda: (
        (releases.shown or "") if releases is not None else first_release))

    report = ContentReport(folder, editor_view=not kiosk_mode)
    # parented to the session, which the QML engine owns: it lives as long as the window
    keeper = ContentKeeper(folder, store, session, report, start,
                           checks=picture_checks_file(), parent=session)

    def exit_kiosk() -> None:
        view.guard.allow_close = True
        app.exit(exits.OK)

    staff_stats = (StaffStatistics(recorder.statistics, settings.statistics_export)
                   if recorder is not None else None)
    gate = PinGate(settings.pin_hash, store=lockout_path(settings.path))
    staff = StaffState(gate, keeper.check, exit_kiosk, report, settings.path, log_file,
                       statistics=staff_stats)
    releases = _releases(following, settings, session, keeper)
    size = options.size or (1920, 1080)
    view = create_view(exhibit, size, session, staff, kiosk_mode=kiosk_mode,
                       releases=releases)
    staff.show_settings_problems([f"{line} (settings)" for line in settings.problems])
    first = start.result
    if first is not None:
        report.update(first.problems, kept=start.shows)
        if first.problems and start.kept is None:  # (a kept copy's were told when it was)
            tell_terminal(folder, first, start.shows, reloaded=False)
    # The folder is checked (or its first good copy kept) behind the first frame, on a
    # worker thread: the first frame waits for none of it.
    # (nothing behind a copy whose folder is unchanged since it validated: its answer stands)
    behind = (lambda: keeper.keep(first)) if first is not None and first.exhibit is not None \
        and start.kept is None else keeper.check if first is None else None
    if behind is not None:
        def after_first_frame() -> None:
            keeper.after(lambda: bool(session.timeline.busy), behind)

        view.window.frameSwapped.connect(lambda: QTimer.singleShot(0, after_first_frame),
                                         Qt.ConnectionType.SingleShotConnection)
    # Nothing opens by itself in front of visitors: windowed, the editor panel shows the
    # problems; in kiosk mode, the PIN pad lists them once staff open it, and a small mark
    # in the top-left corner tells staff there are errors (README, "For staff").
    _place_window(view.window, app, options, settings, kiosk_mode)

    inhibitor = DisplayInhibitor()
    if kiosk_mode:
        inhibitor.hold()
    if options.watch:
        # parented to the session, which the QML engine owns: it lives as long as the window
        ContentWatcher(folder, keeper.check, parent=session)
        log.info("watching %s for changes", folder)
    if releases is not None:  # the inbox is looked at once the first frame is up
        view.window.frameSwapped.connect(lambda: QTimer.singleShot(0, releases.start),
                                         Qt.ConnectionType.SingleShotConnection)
    if options.heartbeat:
        _start_heartbeat(options.heartbeat, supervisor, session, app)
    _exit_cleanly_on_sigterm(app, session)
    if options.exit_after_first_frame:
        # exit(), not quit(): quit() asks every window to close, and kiosk mode refuses
        view.window.frameSwapped.connect(lambda: QTimer.singleShot(0, lambda: app.exit(exits.OK)),
                                         Qt.ConnectionType.SingleShotConnection)
    try:
        code = app.exec()
    finally:
        keeper.stop()  # a check under way ends with the kiosk
        if releases is not None:
            releases.stop()
        if recorder is not None:
            recorder.statistics.close()
        inhibitor.release()
        QGuiApplication.restoreOverrideCursor()
        lock.release()
    log.info("kiosk stopped (exit code %d)", code)
    return code


def _following(options: RunOptions, settings: Settings
               ) -> tuple[ReleaseStore, Follower] | None:
    """The kiosk's store of releases and the inbox it follows, when it follows one."""
    inbox = options.releases or settings.releases.strip()
    if not inbox:
        return None
    from kiosk.releases.inbox import Follower
    from kiosk.releases.store import ReleaseStore, store_folder

    log.info("following the releases in %s", inbox)
    return ReleaseStore(store_folder(user_config_dir())), Follower(Path(inbox).expanduser())


def _releases(following: tuple[ReleaseStore, Follower] | None, settings: Settings,
              session: Session, keeper: ContentKeeper) -> Releases | None:
    """The view-model that follows the inbox, wired to the welcome screen and the keeper."""
    if following is None:
        return None
    from kiosk.releases.fleet import kiosk_name
    from kiosk.ui.fleet.releases import Releases
    from kiosk.ui.shared.navigation import Navigation

    store, follower = following
    shown = store.current()
    navigation = session.navigation
    status = Path(settings.status_folder).expanduser() if settings.status_folder.strip() \
        else user_config_dir() / "status"
    releases = Releases(store, follower, status_folder=status,
                        kiosk_name=kiosk_name(settings.kiosk_name),
                        showing=shown.name if shown else None,
                        on_welcome=lambda: navigation.current_screen()
                        == Navigation.Screen.Welcome)
    releases.showFolder.connect(keeper.show_folder)
    navigation.screenChanged.connect(releases.atWelcome)
    return releases


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
        if screen is not None:
            window.setGeometry(fit_window(window.size(), screen.availableGeometry()))
        window.show()
        return
    window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint
                    | Qt.WindowType.WindowStaysOnTopHint)
    if screen is not None:
        # Without a window manager (a bare X server, as xinit starts) nothing honours the
        # full-screen request: cover exactly the chosen screen ourselves, whatever its size.
        window.setGeometry(screen.geometry())
    if not options.cursor:
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
    window.showFullScreen()


WINDOW_FRAME = 48  # px left around a window for its title bar and frame


def fit_window(wanted: QSize, available: QRect) -> QRect:
    """A window of the wanted size, or smaller with the same shape where the screen is smaller
    (a 1920x1080 window on a 1366x768 laptop showed only its title), centred on the screen's
    free area (the task bar excluded) with room left for its frame."""
    room_w = max(1, available.width() - WINDOW_FRAME)
    room_h = max(1, available.height() - WINDOW_FRAME)
    shrink = min(1.0, room_w / max(1, wanted.width()), room_h / max(1, wanted.height()))
    size = QSize(max(1, int(wanted.width() * shrink)), max(1, int(wanted.height() * shrink)))
    return QRect(available.x() + (available.width() - size.width()) // 2,
                 available.y() + (available.height() - size.height()) // 2,
                 size.width(), size.height())


def _exit_cleanly_on_sigterm(app: QGuiApplication, parent: QObject) -> None:
    """A system shutdown (SIGTERM) ends the kiosk like a staff exit: no restart."""
    signal.signal(signal.SIGTERM, lambda signum, frame: app.exit(exits.OK))
    # Python runs signal handlers only when it gets control: wake it twice a second.
    waker = QTimer(parent, interval=500)
    waker.timeout.connect(lambda: None)
    waker.start()


def _start_heartbeat(path: Path, supervisor: psutil.Process | None, parent: QObject,
                     app: QGuiApplication) -> None:
    """Write a new count every second from the UI thread: if the UI freezes, it stops.
    The same tick ends the kiosk cleanly when its supervisor asks (on Windows a signal
    cannot) or is gone, killed or ended: no kiosk outlives its supervisor. The supervisor is
    known by the identity it passed (pid and start time), never guessed from the parent
    pid, which a killed supervisor leaves as 1 (or a subreaper) before the first tick."""
    from kiosk.services.supervisor import beat as write_beat
    from kiosk.services.supervisor import stop_request

    count = 0

    def beat() -> None:
        nonlocal count
        gone = supervisor is not None and not running(supervisor)
        if stop_request(path).exists() or gone:
            log.info("the supervisor %s", "is gone" if gone else "asked the kiosk to stop")
            app.exit(exits.OK)
            return
        count += 1
        try:
            write_beat(path, count)
        except OSError as exc:
            log.warning("heartbeat: %s", exc)

    timer = QTimer(parent, interval=1000)
    timer.timeout.connect(beat)
    timer.start()
    beat()
