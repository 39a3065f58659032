"""A rotating log file, the last lines in memory for staff, and nothing shown to visitors."""

from __future__ import annotations

import collections
import faulthandler
import getpass
import logging
import logging.handlers
import sys
import tempfile
import threading
from pathlib import Path
from types import TracebackType
from typing import TextIO

import platformdirs

from kiosk.services import exits

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_recent: collections.deque[str] = collections.deque(maxlen=200)
_crash_file: TextIO | None = None


class _RecentLines(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        _recent.append(self.format(record))


def recent_lines(count: int = 20) -> list[str]:
    return list(_recent)[-count:]


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("kiosk", appauthor=False))


def setup_logging(level: str = "info", folder: Path | None = None) -> Path | None:
    """Log to a rotating file (5 x 2 MB) and to memory; route hard crashes to crash.log.

    Logging can fail, the kiosk cannot: when the log folder cannot be written, the log goes
    to a folder in the temporary folder, and when that fails too, to memory only (staff
    still see the last lines). Returns the log file, or None."""
    global _crash_file
    root = logging.getLogger()
    root.setLevel(level.upper())
    for old in list(root.handlers):
        if old.get_name() == "kiosk":
            root.removeHandler(old)
            old.close()
    formatter = logging.Formatter(LOG_FORMAT)
    handlers: list[logging.Handler] = [_RecentLines()]
    failures: list[str] = []
    log_file: Path | None = None
    for candidate in (folder or log_dir(), fallback_log_dir()):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.handlers.RotatingFileHandler(
                candidate / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"))
            if _crash_file is None:
                _crash_file = open(candidate / "crash.log", "a", encoding="utf-8")  # noqa: SIM115
                faulthandler.enable(_crash_file)
        except OSError as exc:
            failures.append(f"cannot log to {candidate}: {exc.strerror or exc}")
            continue
        log_file = candidate / "kiosk.log"
        break
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.set_name("kiosk")
        root.addHandler(handler)
    for failure in failures:
        logging.getLogger("kiosk.logs").warning(failure)
    logging.captureWarnings(True)
    sys.excepthook = _log_exception
    threading.excepthook = lambda args: _log_exception(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
    return log_file


def fallback_log_dir() -> Path:
    """Where the log goes when the usual folder cannot be written: this user's, in temp."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no name for this user id (a container, a service)
        user = "user"
    return Path(tempfile.gettempdir()) / f"kiosk-log-{user}"


def _log_exception(kind: type[BaseException], value: BaseException,
                   traceback: TracebackType | None) -> None:
    """An unhandled exception goes to the log, never to the screen; the process ends so
    that the supervisor starts a fresh one."""
    logging.getLogger("kiosk").critical("unhandled exception", exc_info=(kind, value, traceback))
    if kind is not KeyboardInterrupt:
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance()
        if app is not None:
            app.exit(exits.CRASHED)


def install_qt_message_handler() -> None:
    """Qt's own warnings (QML errors among them) go into the same log."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    logger = logging.getLogger("qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        logger.log(levels.get(kind, logging.WARNING), message)

    qInstallMessageHandler(handler)
