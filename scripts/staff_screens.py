"""Render the staff screens to PNG for a look: the PIN pad (with a PIN, without one, in a
lockout), the panel with a week of visitor statistics, and the exit question, over the
visitor screen in each language.

    .venv/bin/python scripts/staff_screens.py OUT [--size 1920x1080] [--language en]

Headless (offscreen); the statistics are made up in a temporary file (a week of visits).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PIN = "2468"


def following(work: Path) -> Any:
    """A kiosk that follows an inbox: versions 1 and 2 taken, staff went back to 1, and a
    version 3 still arriving (passed over, with its reason)."""
    from kiosk.core.atomic import write_atomic
    from kiosk.releases.inbox import Follower
    from kiosk.releases.manifest import CONTENT
    from kiosk.releases.publish import publish
    from kiosk.releases.store import ReleaseStore
    from kiosk.ui.fleet.releases import Releases

    inbox, store = work / "inbox", ReleaseStore(work / "releases")
    for version in ("1", "2"):
        publish(ROOT / "data", inbox, version=version, user="editor", machine="office")
        chosen = Follower(inbox).look().chosen
        assert chosen is not None, "the bundled exhibit did not publish"
        store.take(chosen)
    arriving = publish(ROOT / "data", inbox, version="3", user="editor").folder
    exhibit_file = arriving / CONTENT / "exhibit.yaml"
    write_atomic(exhibit_file, exhibit_file.read_bytes()[:100])  # Syncthing is not done yet
    current = store.current()
    releases = Releases(store, Follower(inbox), showing=current.name if current else None)
    releases.back()
    releases.look()
    from PySide6.QtCore import QCoreApplication

    while releases.property("problemText") == "":  # the look runs on a worker thread
        QCoreApplication.processEvents()
    return releases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")

    from PySide6.QtCore import QCoreApplication

    from kiosk.content import load_folder
    from kiosk.services.pin import PinGate, hash_pin
    from kiosk.tools.snapshot import wait_until_drawn
    from kiosk.ui.fleet.releases import Releases
    from kiosk.ui.shell.app import application
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view
    from kiosk.ui.staff.content_report import ContentReport
    from kiosk.ui.staff.staff import StaffState
    from kiosk.ui.statistics.panel import StaffStatistics
    from kiosk.ui.statistics.writer import Statistics, content_info

    _app = application()
    from kiosk.services.logs import setup_logging

    setup_logging(folder=Path(tempfile.mkdtemp(prefix="staff-screens-")))  # lines for the panel
    exhibit = load_folder(ROOT / "data").exhibit
    assert exhibit is not None
    args.out.mkdir(parents=True, exist_ok=True)
    today = dt.date(2026, 11, 24)
    with tempfile.TemporaryDirectory() as folder:
        clock = [0.0]
        when = [dt.datetime(2026, 11, 24, 10)]
        stats = Statistics(Path(folder) / "s.sqlite3", "Hall A", "0.1.0",
                           clock=lambda: clock[0], now=lambda: when[0])
        stats.start(content_info(exhibit))
        for days_ago, visits in enumerate((12, 30, 18, 0, 25, 41, 9)):
            for i in range(visits):
                when[0] = dt.datetime(2026, 11, 24, 10) - dt.timedelta(days=days_ago,
                                                                        minutes=i)
                stats.visit_start("en")
                stats.view(exhibit.events[i % len(exhibit.events)].id)
                clock[0] += 60 + 7 * i
                stats.visit_end("home")
        stats.flush()

        def shoot(name: str, staff: StaffState, figures: StaffStatistics | None = None,
                  releases: Releases | None = None) -> None:
            session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000, reduced_motion=True)
            session.language.setLanguage(args.language)
            view = create_view(exhibit, (width, height), session, staff=staff,
                               releases=releases)
            view.window.show()
            steps[name](staff)
            while figures is not None and name in ("panel", "exit") and not figures.summary:
                QCoreApplication.processEvents()  # the figures are read in a thread
            wait_until_drawn(view)
            path = args.out / f"{name}-{args.language}-{width}x{height}.png"
            view.window.grabWindow().save(str(path))
            print(path)
            view.window.close()

        def with_pin() -> tuple[StaffState, StaffStatistics]:
            figures = StaffStatistics(stats, str(Path(folder) / "usb"), today=lambda: today)
            return StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: None,
                              lambda: None, ContentReport(exhibit.folder, editor_view=False),
                              Path("/home/staff/.config/kiosk/kiosk.toml"),
                              Path("/home/staff/.local/state/kiosk/kiosk.log"),
                              statistics=figures), figures

        def no_pin() -> StaffState:
            return StaffState(PinGate(""), lambda: None, lambda: None,
                              ContentReport(exhibit.folder, editor_view=False), None, None)

        def problems(staff: StaffState) -> None:
            from kiosk.content.problems import Problem

            staff.report.update([Problem("events/1981.yaml", 3, 7, "error", "the date "
                                         "'1981-13-01' has no month 13"),
                                 Problem("exhibit.yaml", 12, 1, "warning", "photo 'crane.jpg'"
                                         " has no 'alt' text for zh")])
            staff.requestAccess()

        def pad(staff: StaffState) -> None:
            staff.requestAccess()
            for digit in "24":
                staff.typeDigit(digit)

        def lockout(staff: StaffState) -> None:
            staff.requestAccess()
            for _ in range(5):
                staff.enterPin("0000")

        def panel(staff: StaffState) -> None:
            staff.requestAccess()
            staff.enterPin(PIN)

        def exit_question(staff: StaffState) -> None:
            panel(staff)
            staff.exitKiosk()

        steps = {"problems": problems, "pad": pad, "lockout": lockout, "panel": panel,
                 "exit": exit_question, "nopin": lambda staff: staff.keyChord()}
        for name in ("pad", "lockout", "panel", "exit", "problems"):
            shoot(name, *with_pin())
        steps["releases"] = panel
        shoot("releases", *with_pin(), releases=following(Path(folder)))
        shoot("nopin", no_pin())
        stats.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
