"""Time from an editor's save to the message: on screen (the editor panel drawn) and in the
terminal (the real `kiosk run --windowed --watch`), for a broken save and for the fix.

    python benchmarks/editor_feedback.py [ROUNDS]      (default 5; offscreen, about 30 s)

It copies the bundled exhibit to a temporary folder and, each round, saves one event file
with a colon in its title (an error), then saves it fixed. The watcher waits for the folder
to be quiet for a moment before it reloads (kiosk.services.watch), so the figures include
that wait (a second of stillness) on purpose: it is what an editor sees.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

ROOT = Path(__file__).resolve().parent.parent
GOOD = '  en: "UNV Assistance Project, Phases I and II"'
BROKEN = "  en: UNV Assistance Project: Phases I and II"


def event_file(folder: Path) -> Path:
    """The bundled event whose title the benchmark breaks and mends."""
    return next(p for p in sorted((folder / "events").glob("*.yaml"))
                if {GOOD, BROKEN} & set(p.read_text(encoding="utf-8").splitlines()))


def save(folder: Path, broken: bool) -> None:
    path = event_file(folder)
    text = path.read_text(encoding="utf-8")
    text = text.replace(GOOD, BROKEN) if broken else text.replace(BROKEN, GOOD)
    path.write_text(text, encoding="utf-8")


def on_screen(folder: Path, rounds: int) -> list[tuple[float, float]]:
    """(broken save -> panel drawn, fixed save -> panel gone and drawn), in ms."""
    from PySide6.QtCore import QCoreApplication

    from kiosk.content import load_folder
    from kiosk.services.watch import ContentWatcher
    from kiosk.ui.shell.app import application, reload_content
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view, find_item, quiet_staff
    from kiosk.ui.staff.content_report import ContentReport

    _app = application()
    exhibit = load_folder(folder).exhibit
    assert exhibit is not None
    report = ContentReport(folder, editor_view=True)
    session = Session(exhibit)
    view = create_view(exhibit, (1920, 1080), session, quiet_staff(exhibit, report))
    view.window.show()
    panel = find_item(view.window, "editorPanel")
    frames = [0]
    view.window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    watcher = ContentWatcher(folder, lambda: reload_content(folder, session, report))

    def until_drawn(visible: bool) -> None:
        while panel.isVisible() != visible:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        seen = frames[0]
        while frames[0] == seen:  # the first frame that shows it
            QCoreApplication.processEvents()
            time.sleep(0.002)

    times = []
    logging.getLogger().addHandler(logging.NullHandler())  # the app logs to its file
    for _ in range(rounds):
        for broken in (True, False):
            QCoreApplication.processEvents()
            time.sleep(0.3)
            start = time.perf_counter()
            save(folder, broken)
            with contextlib.redirect_stderr(io.StringIO()):  # the terminal is timed below
                until_drawn(broken)
            elapsed = (time.perf_counter() - start) * 1000
            times.append(elapsed)
    del watcher
    view.window.close()
    return list(zip(times[::2], times[1::2], strict=True))


def in_terminal(folder: Path, rounds: int) -> list[float]:
    """Broken save -> the problem's line on the real program's stderr, in ms."""
    command = [sys.executable, "-m", "kiosk", "run", "--windowed", "--watch",
               "--no-supervisor", "--content", str(folder)]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                             env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert child.stderr is not None
    times = []
    try:
        time.sleep(4)  # started and watching
        for _ in range(rounds):
            start = time.perf_counter()
            save(folder, broken=True)
            while ": error: " not in child.stderr.readline():
                pass
            times.append((time.perf_counter() - start) * 1000)
            save(folder, broken=False)
            while "content reloaded" not in child.stderr.readline():
                pass
            time.sleep(0.3)
    finally:
        child.terminate()
        child.wait(10)
    return times


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "exhibit"
        shutil.copytree(ROOT / "data", folder)
        screen = on_screen(folder, rounds)
        terminal = in_terminal(folder, rounds)
    broken = [b for b, _ in screen]
    fixed = [f for _, f in screen]
    print(f"save -> problem panel drawn:   median {statistics.median(broken):.0f} ms, "
          f"max {max(broken):.0f} ms ({rounds} saves)")
    print(f"save -> panel gone (fixed):    median {statistics.median(fixed):.0f} ms, "
          f"max {max(fixed):.0f} ms")
    print(f"save -> problem in terminal:   median {statistics.median(terminal):.0f} ms, "
          f"max {max(terminal):.0f} ms (kiosk run --windowed --watch)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
