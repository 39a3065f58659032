"""`kiosk run`: the application object and the kiosk window."""

from __future__ import annotations

import argparse
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from kiosk import __version__
from kiosk.content import load_folder
from kiosk.paths import content_folder
from kiosk.ui.view import load_fonts


def application() -> QGuiApplication:
    """The one QGuiApplication, with the shipped fonts as every text's default."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(sys.argv[:1])
        app.setApplicationName("kiosk")
        app.setOrganizationName("kiosk")
        app.setApplicationVersion(__version__)
    assert isinstance(app, QGuiApplication)
    load_fonts()
    return app


def run(args: argparse.Namespace) -> int:
    from kiosk.ui.state import KioskState
    from kiosk.ui.view import create_view

    folder = content_folder(args.content)
    result = load_folder(folder)
    if result.exhibit is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return 1
    app = application()
    size = args.size or (1920, 1080)
    view = create_view(result.exhibit, size, KioskState(result.exhibit))
    if args.windowed:
        view.window.show()
    else:
        view.window.showFullScreen()
    if args.exit_after_first_frame:
        view.window.frameSwapped.connect(lambda: QTimer.singleShot(0, app.quit))
    return app.exec()
