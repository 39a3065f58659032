"""The welcome screen's frame times while the kiosk takes and switches to a new release
(issue 22: "no frame without content, the welcome screen's frame time unchanged during the
switch").

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/release_switch.py [--seconds 5]

The bundled exhibit is published as release 1 into a temporary inbox; the kiosk's real
parts (Session, ContentKeeper, the Releases view-model, the QML window) show it on the
welcome screen. The window is asked for a frame 60 times a second, and the gaps between the
frames it draws are timed: first with nothing happening, then while release 2 (the same
exhibit, 4 MB more) arrives, is verified and copied on the worker thread and switched to.
Every frame drawn during the switch is checked to have the exhibit's title on it.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtQuick import QQuickItem  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from kiosk.releases.inbox import Follower  # noqa: E402
from kiosk.releases.publish import publish  # noqa: E402
from kiosk.releases.store import ReleaseStore  # noqa: E402
from kiosk.services.last_good import LastGood  # noqa: E402
from kiosk.ui.fleet.releases import Releases  # noqa: E402
from kiosk.ui.shell.keeper import ContentKeeper, first_content  # noqa: E402
from kiosk.ui.shell.session import Session  # noqa: E402
from kiosk.ui.shell.view import create_view, load_fonts  # noqa: E402
from kiosk.ui.staff.content_report import ContentReport  # noqa: E402

FRAME_MS = 16


def figures(gaps: list[float]) -> str:
    gaps = sorted(gaps)
    return (f"{len(gaps)} frames, median gap {statistics.median(gaps) * 1000:.1f} ms, 95th "
            f"percentile {gaps[int(len(gaps) * 0.95)] * 1000:.1f} ms, longest "
            f"{gaps[-1] * 1000:.1f} ms")


def named(item: QQuickItem, name: str) -> QQuickItem:
    """The item of that objectName in the window's tree of items."""
    found = [item]
    while found:
        here = found.pop()
        if here.objectName() == name:
            return here
        found += here.childItems()
    raise LookupError(name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="of each phase")
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    load_fonts()
    work = Path(tempfile.mkdtemp(prefix="kiosk-switch-"))
    try:
        source, inbox = work / "source", work / "inbox"
        shutil.copytree(ROOT / "data", source)
        publish(source, inbox, version="1")
        store = ReleaseStore(work / "home" / "releases")
        follower = Follower(inbox)
        first = follower.look().chosen
        assert first is not None and first.ok, first
        shown = store.take(first).release
        start = first_content(shown.content, LastGood(work / "home" / "last-good"))
        assert start.exhibit is not None
        session = Session(start.exhibit)
        report = ContentReport(shown.content, editor_view=False)
        keeper = ContentKeeper(shown.content, LastGood(work / "home" / "last-good"), session,
                               report, start)
        releases = Releases(store, follower, showing=shown.name)
        releases.showFolder.connect(keeper.show_folder)
        view = create_view(start.exhibit, (1920, 1080), session, releases=releases)
        window = view.window
        window.show()
        QTest.qWaitForWindowExposed(window)
        title = named(window.contentItem(), "welcomeTitle")
        stamps: list[float] = []
        untitled: list[int] = []

        def drawn() -> None:
            stamps.append(time.perf_counter())
            if not str(title.property("text")).strip():
                untitled.append(len(stamps))

        window.frameSwapped.connect(drawn)
        ticker = QTimer(interval=FRAME_MS)
        ticker.timeout.connect(window.update)
        ticker.start()

        def phase(seconds: float) -> list[float]:
            stamps.clear()
            QTest.qWait(int(seconds * 1000))
            return [b - a for a, b in itertools.pairwise(stamps)]

        QTest.qWait(1000)  # the first frames' work is over
        quiet = phase(args.seconds)
        print(f"welcome screen, nothing happening: {figures(quiet)}")

        (source / "extra.bin").write_bytes(os.urandom(4 * 1024 * 1024))
        publish(source, inbox, version="2")
        switched: list[float] = []
        keeper.settled.connect(lambda: switched.append(time.perf_counter()))
        stamps.clear()
        began = time.perf_counter()
        releases.look()
        deadline = time.perf_counter() + 60
        while not switched and time.perf_counter() < deadline:
            QTest.qWait(50)
        QTest.qWait(500)
        during = [b - a for a, b in itertools.pairwise(stamps)]
        assert switched, "release 2 was not shown within 60 s"
        print(f"release 2 taken and shown {(switched[0] - began) * 1000:,.0f} ms after the "
              f"look began: {releases.shown}")
        print(f"welcome screen during the switch: {figures(during)}")
        print(f"frames drawn without the exhibit's title: {len(untitled)}")
        ticker.stop()
        window.close()
        del view
        app.processEvents()
        return 0 if not untitled else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
