"""A kiosk following an inbox of releases (issue 22): it shows the newest whole release,
switches only on the welcome screen, passes over a half-arrived one with a reason, goes
back and forward from the staff panel, and writes its status file for `kiosk fleet status`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.content.problems import Problem
from kiosk.core.model import Exhibit
from kiosk.releases.fleet import status_file_name
from kiosk.releases.inbox import Follower
from kiosk.releases.manifest import CONTENT, MANIFEST
from kiosk.releases.publish import publish
from kiosk.releases.store import ReleaseStore
from kiosk.services.pin import PinGate, hash_pin
from kiosk.ui.fleet.releases import Releases
from kiosk.ui.shell.view import create_view
from kiosk.ui.staff.content_report import ContentReport
from kiosk.ui.staff.staff import StaffState
from tests.conftest import MINIMAL
from tests.releases.conftest import T0
from tests.ui.conftest import centre, follow, item, tap

PIN = "2468"


@pytest.fixture
def source(tmp_path: Path) -> Path:
    root = tmp_path / "source"
    root.mkdir()
    (root / "exhibit.yaml").write_text(MINIMAL, encoding="utf-8")
    return root


def release(source: Path, inbox: Path, version: str, title: str) -> Path:
    (source / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", title),
                                         encoding="utf-8")
    return publish(source, inbox, version=version, now=T0, user="editor",
                   machine="office").folder


class Kiosk:
    """The Releases view-model as the shell wires it, with the welcome screen a flag."""

    def __init__(self, home: Path, inbox: Path) -> None:
        self.on_welcome = True
        self.shown: list[Path] = []
        self.store = ReleaseStore(home / "releases")
        self.status = home / "status"
        self.releases = Releases(self.store, Follower(inbox), status_folder=self.status,
                                 kiosk_name="Hall A", on_welcome=lambda: self.on_welcome)
        self.releases.showFolder.connect(self.shown.append)

    def look(self, qtbot: QtBot) -> None:
        with qtbot.waitSignal(self.releases.changed, timeout=20_000):
            self.releases.look()

    def title(self) -> str:
        return (self.shown[-1] / "exhibit.yaml").read_text(encoding="utf-8").split(
            "title: ")[1].splitlines()[0]


def test_the_newest_whole_release_is_shown_and_a_new_one_waits_for_the_welcome_screen(
        qapp: QGuiApplication, qtbot: QtBot, source: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    release(source, inbox, "1", "First")
    kiosk = Kiosk(tmp_path / "home", inbox)
    kiosk.look(qtbot)
    assert kiosk.title() == "First" and kiosk.shown[-1].parent.parent == kiosk.store.folder
    status = json.loads((kiosk.status / status_file_name("Hall A")).read_text(encoding="utf-8"))
    assert status["version"] == "1" and status["kiosk"] == "Hall A"

    kiosk.on_welcome = False  # a visitor is in the story
    release(source, inbox, "2", "Second")
    kiosk.look(qtbot)
    assert kiosk.title() == "First"
    assert "version 2 is ready" in kiosk.releases.property("shownText")
    kiosk.releases.atWelcome()  # still in the story: the screen changed to a photo, say
    assert kiosk.title() == "First"
    kiosk.on_welcome = True
    kiosk.releases.atWelcome()
    assert kiosk.title() == "Second" and len(kiosk.shown) == 2
    status = json.loads((kiosk.status / status_file_name("Hall A")).read_text(encoding="utf-8"))
    assert status["version"] == "2"


def test_a_half_arrived_release_is_passed_over_with_its_reason(
        qapp: QGuiApplication, qtbot: QtBot, source: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    release(source, inbox, "1", "First")
    arriving = release(source, inbox, "2", "Second")
    exhibit = arriving / CONTENT / "exhibit.yaml"
    exhibit.write_bytes(exhibit.read_bytes()[:10])  # Syncthing has sent ten bytes so far
    kiosk = Kiosk(tmp_path / "home", inbox)
    kiosk.look(qtbot)
    assert kiosk.title() == "First"
    problems = kiosk.releases.property("problemText")
    assert f"passed over {arriving.name}: {CONTENT}/exhibit.yaml" in problems
    (arriving / MANIFEST).unlink()  # (a release without its manifest is simply not there yet)


def test_staff_go_back_and_forward_from_the_panel_in_two_taps(
        qapp: QGuiApplication, qtbot: QtBot, source: Path, tmp_path: Path,
        bundled: Exhibit, touchscreen: QPointingDevice) -> None:
    inbox = tmp_path / "inbox"
    release(source, inbox, "1", "First")
    kiosk = Kiosk(tmp_path / "home", inbox)
    kiosk.look(qtbot)
    release(source, inbox, "2", "Second")
    kiosk.look(qtbot)
    assert kiosk.title() == "Second"

    report = ContentReport(bundled.folder, editor_view=False)
    staff = StaffState(PinGate(hash_pin(PIN, iterations=1000)), lambda: None, lambda: None,
                       report, None, None)
    view = create_view(bundled, (1920, 1080), staff=staff, kiosk_mode=True,
                       releases=kiosk.releases)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    staff.requestAccess()
    staff.enterPin(PIN)  # (the pad's own taps are tests/ui/staff/test_staff.py's)
    assert staff.panel.open
    follow(view.window)
    assert item(view, "staffReleases").isVisible()
    assert item(view, "releaseShown").property("text").startswith("Shows version 2")
    back = item(view, "releaseBack")
    assert back.height() >= 64 and back.isVisible()
    assert not item(view, "releaseForward").isVisible()  # the newest is shown
    tap(view.window, touchscreen, centre(back))
    qtbot.waitUntil(lambda: kiosk.title() == "First")
    assert kiosk.store.current().manifest.version == "1"  # type: ignore[union-attr]
    forward = item(view, "releaseForward")
    qtbot.waitUntil(forward.isVisible)
    tap(view.window, touchscreen, centre(forward))
    qtbot.waitUntil(lambda: kiosk.title() == "Second")
    # the rollback holds: a look at the inbox does not undo a staff choice
    back = item(view, "releaseBack")
    qtbot.waitUntil(back.isVisible)
    tap(view.window, touchscreen, centre(back))
    qtbot.waitUntil(lambda: kiosk.title() == "First")
    kiosk.look(qtbot)
    assert kiosk.title() == "First"
    report.update([Problem("exhibit.yaml", 1, 1, "error", "unused")])  # the panel still draws


def test_without_an_inbox_the_staff_panel_shows_no_releases(
        qapp: QGuiApplication, bundled: Exhibit) -> None:
    view = create_view(bundled, (1920, 1080), kiosk_mode=True)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    assert not item(view, "staffReleases").property("visible")
