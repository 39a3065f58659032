"""`kiosk snapshot`: render every screen in every language to PNG, headless, for proofreading."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.content import load_folder
from kiosk.content.problems import listing
from kiosk.services import exits

if TYPE_CHECKING:  # Qt is imported only once there is something to render
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import KioskView


def snapshot(folder: Path, out: str | Path, size: tuple[int, int],
             larger_text: bool = False) -> int:
    from kiosk.tools.outputs import OutputError, writable_folder

    try:
        out_dir = writable_folder(Path(out), "the PNGs")
    except OutputError as exc:
        print(exc, file=sys.stderr)
        return exits.PROBLEMS
    result = load_folder(folder)
    if result.exhibit is None:
        print(listing(result.problems, folder, str(folder)))
        print("nothing rendered: fix the errors above first")
        return exits.UNREADABLE if not result.readable else exits.PROBLEMS
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")

    from kiosk.ui.shell.app import application
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view

    _app = application()  # held for as long as the window renders
    exhibit = result.exhibit
    session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000, reduced_motion=True)
    view = create_view(exhibit, size, session)
    view.window.show()
    written: list[Path] = []

    def shot(name: str) -> None:
        wait_until_drawn(view)
        path = out_dir / f"{name}.png"
        if not view.window.grabWindow().save(str(path)):  # Qt says no more than this
            raise OutputError(f"cannot write {path}: the disk may be full or the folder "
                              "read-only")
        written.append(path)

    try:
        _shoot_all(view, session, shot, larger_text)
    except OutputError as exc:
        view.window.close()
        print(f"{exc}; {len(written)} screens written before it", file=sys.stderr)
        return exits.PROBLEMS
    print(f"{len(written)} screens written to {out_dir}")
    view.window.close()
    return exits.OK


def _shoot_all(view: KioskView, session: Session, shot: Callable[[str], None],
               larger_text: bool) -> None:
    """Every screen in every language, in the order proofreaders read them."""
    from kiosk.ui.shell.view import find_item

    exhibit = session.exhibit
    for lang in exhibit.languages:
        session.reset()
        session.language.setLanguage(lang)
        if larger_text:
            session.display.toggleLargeText()
        shot(f"{lang}-welcome")
        for index, event in enumerate(exhibit.events):
            session.navigation.openEvent(index)
            shot(f"{lang}-{index + 1:02d}-{event.id}")
        with_photo = next((i for i, e in enumerate(exhibit.events) if e.media), None)
        if with_photo is not None:
            session.navigation.openEvent(with_photo)
            session.navigation.openPhoto(0)
            shot(f"{lang}-photo")
            session.navigation.closePhoto()
        session.navigation.openEvent(0)
        session.idle.startCountdown()
        shot(f"{lang}-idle")
        session.idle.touch()
        if lang == exhibit.languages[0]:  # the display options, open, once
            options = find_item(view.window, "optionsPanel")
            options.setProperty("open", True)
            shot(f"{lang}-options")
            options.setProperty("open", False)


def wait_until_drawn(view: KioskView, timeout: float = 120.0) -> None:
    """Let animations settle and every visible photo finish decoding."""
    from PySide6.QtCore import QCoreApplication

    from kiosk.ui.shell.view import scene_items

    deadline = time.monotonic() + timeout
    quiet = 0
    while time.monotonic() < deadline and quiet < 3:
        QCoreApplication.processEvents()
        time.sleep(0.01)
        loading = view.session.timeline.busy or any(  # the strip's labels, then photos
            item.metaObject().indexOfProperty("busy") >= 0 and item.property("busy")
            for item in scene_items(view.window))
        quiet = quiet + 1 if not loading else 0
    for _ in range(5):
        QCoreApplication.processEvents()
        time.sleep(0.01)
