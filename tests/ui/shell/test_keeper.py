"""The kiosk starts on the last good copy of its exhibit, checks the folder behind it, and
switches or stays (kiosk.ui.shell.keeper); staff see a discreet sign while the folder is broken."""

from __future__ import annotations

import ctypes
import itertools
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QGuiApplication, QPointingDevice
from PySide6.QtTest import QTest

from kiosk.content import LoadResult, images, load_folder
from kiosk.services.last_good import LastGood, fingerprint
from kiosk.services.paths import bundled_content
from kiosk.services.pin import PinGate
from kiosk.ui.shell.keeper import ContentKeeper, Start, first_content
from kiosk.ui.shell.session import Session
from kiosk.ui.shell.view import KioskView, create_view
from kiosk.ui.staff.content_report import ContentReport
from kiosk.ui.staff.staff import StaffState
from tests.conftest import MakeFolder, write_image
from tests.ui.conftest import item, settle, tap

GOOD = """\
format: 1
title: Harbour history
events:
  - id: first
    date: 1981
    title: The first crane
    media:
      - image: media/crane.jpg
        alt: A crane
"""


@pytest.fixture
def folder(make_folder: MakeFolder) -> Path:
    root = make_folder(GOOD)
    write_image(root / "media" / "crane.jpg", (1600, 900))
    return root


@pytest.fixture
def store(tmp_path: Path) -> LastGood:
    return LastGood(tmp_path / "home" / "last-good")


@pytest.fixture
def views(qapp: QGuiApplication) -> Iterator[list[KioskView]]:
    made: list[KioskView] = []
    yield made
    for view in made:
        view.window.close()
        view.engine.deleteLater()


def started(folder: Path, store: LastGood, views: list[KioskView], qtbot: object,
            checks: Path | None = None) -> tuple[Start, ContentKeeper, KioskView]:
    """What `kiosk run` does: decide the first frame, show it, check behind it."""
    start = first_content(folder, store, checks=checks)
    assert start.exhibit is not None
    session = Session(start.exhibit, reduced_motion=True)
    report = ContentReport(folder, editor_view=False)
    keeper = ContentKeeper(folder, store, session, report, start, checks=checks,
                           parent=session)
    staff = StaffState(PinGate(""), keeper.check, lambda: None, report, None, None)
    view = create_view(start.exhibit, (1920, 1080), session, staff, kiosk_mode=False)
    view.window.show()
    QTest.qWaitForWindowExposed(view.window)
    views.append(view)
    if start.result is not None:
        report.update(start.result.problems, kept=start.shows)
    with qtbot.waitSignal(keeper.settled, timeout=20_000):  # type: ignore[attr-defined]
        if start.result is not None and start.result.exhibit is not None:
            keeper.keep(start.result)
        else:
            keeper.check()
    return start, keeper, view


def title(view: KioskView) -> str:
    return view.session.exhibit.title.get("en")


def test_a_broken_folder_at_start_shows_its_last_good_copy_and_the_staff_sign(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object) -> None:
    _, _, first = started(folder, store, views, qtbot)  # the first start keeps a copy
    assert title(first) == "Harbour history" and not item(first, "staffSign").isVisible()
    (folder / "exhibit.yaml").write_text(GOOD.replace("title: The first crane",
                                                      "title: [broken"), encoding="utf-8")
    start, keeper, view = started(folder, store, views, qtbot)
    assert start.result is None  # the first frame waited for no check
    assert title(view) == "Harbour history"  # this exhibit, not the bundled one
    bundled = load_folder(bundled_content()).exhibit
    assert bundled is not None and title(view) != bundled.title.get("en")
    photo = view.session.exhibit.events[0].media[0].image
    assert photo.is_file() and photo.is_relative_to(store.folder)  # from the private copy
    report = keeper.report
    assert report.errorCount >= 1
    assert report.headline.endswith(" UTC).") and "the last good content (kept " in \
        report.headline
    sign = item(view, "staffSign")
    assert sign.isVisible() and sign.width() <= 32 and sign.height() <= 32
    assert sign.x() == 0 and sign.y() == 0  # in the staff corner


def test_the_staff_sign_opens_nothing_and_goes_when_the_folder_is_fixed(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object) -> None:
    started(folder, store, views, qtbot)
    good = (folder / "exhibit.yaml").read_text(encoding="utf-8")
    (folder / "exhibit.yaml").write_text(good.replace("date: 1981", "date: 19x1"),
                                         encoding="utf-8")
    _, keeper, view = started(folder, store, views, qtbot)
    assert item(view, "staffSign").isVisible()
    # It is no control: a visitor's tap on it does what a tap there always did (on an
    # event's top bar margin: nothing), and it opens nothing of its own.
    view.session.navigation.openEvent(0)
    settle()
    screen = view.session.navigation.current_screen()
    tap(view.window, QPointingDevice.primaryPointingDevice(), QPoint(6, 6))
    settle()
    assert view.session.navigation.current_screen() == screen
    assert view.session.navigation.current_index() == 0
    assert not view.staff.pin.open and not view.staff.panel.open
    assert item(view, "staffSign").isVisible()  # on every screen
    (folder / "exhibit.yaml").write_text(good.replace("Harbour history", "Harbour story"),
                                         encoding="utf-8")
    with qtbot.waitSignal(keeper.settled, timeout=20_000):  # type: ignore[attr-defined]
        view.staff.reload()
    assert not item(view, "staffSign").isVisible() and title(view) == "Harbour story"
    assert view.staff.panel.message == "Content reloaded."


def test_a_changed_folder_that_validates_is_switched_to_and_kept(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object) -> None:
    started(folder, store, views, qtbot)
    before = store.load()
    assert before is not None
    (folder / "exhibit.yaml").write_text(GOOD.replace("Harbour history", "Harbour today"),
                                         encoding="utf-8")
    start, keeper, view = started(folder, store, views, qtbot)
    assert start.exhibit is not None and start.exhibit.title.get("en") == "Harbour history"
    assert title(view) == "Harbour today"  # switched once it validated
    kept = store.load()
    assert kept is not None and kept.exhibit.title.get("en") == "Harbour today"
    assert kept.folder != before.folder and view.session.exhibit.events[0].media[0].image \
        .is_relative_to(kept.folder)
    assert keeper.report.errorCount == 0 and not item(view, "staffSign").isVisible()


def test_an_unchanged_folder_starts_without_decoding_its_pictures_again(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    checks = tmp_path / "home" / "picture-checks.json"
    decoded: list[str] = []  # in this process (the first frame's read)
    real_check = images._check

    def counting(path: Path, size: int) -> images.ImageInfo:
        decoded.append(path.name)
        return real_check(path, size)

    monkeypatch.setattr(images, "_check", counting)
    images.forget()
    _, keeper, _ = started(folder, store, views, qtbot, checks=checks)
    assert decoded == ["crane.jpg"]
    assert keeper.last is not None and keeper.last.pictures_checked == 0  # nor the child
    images.forget()  # a new process: nothing in memory
    decoded.clear()
    _, keeper, _ = started(folder, store, views, qtbot, checks=checks)
    assert decoded == [] and keeper.report.errorCount == 0  # checked, not decoded again
    assert keeper.last is not None and keeper.last.pictures_checked == 0
    write_image(folder / "media" / "crane.jpg", (1600, 900), colour=(200, 10, 10))
    os.utime(folder / "media" / "crane.jpg", ns=(1, 10**18))  # a new modification time
    with qtbot.waitSignal(keeper.settled, timeout=20_000):  # type: ignore[attr-defined]
        keeper.check()
    assert keeper.last is not None and keeper.last.pictures_checked == 1  # checked again, once
    assert decoded == []  # by the child, not by the kiosk


def test_a_damaged_store_is_ignored_and_made_again(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object,
        caplog: pytest.LogCaptureFixture) -> None:
    started(folder, store, views, qtbot)
    kept = store.load()
    assert kept is not None
    (kept.folder / "media" / "crane.jpg").write_bytes(b"not the copy it was")
    assert store.load() is None and "damaged" in caplog.text
    store.index.write_text('{"format": 1, "copy": "../../etc"', encoding="utf-8")
    assert store.load() is None
    start, _, view = started(folder, store, views, qtbot)  # read as on a first start
    assert start.result is not None and title(view) == "Harbour history"
    again = store.load()
    assert again is not None and again.exhibit.title.get("en") == "Harbour history"
    assert sorted(p.name for p in store.folder.iterdir()) == sorted([again.folder.name,
                                                                     "current.json"])


def test_the_check_waits_for_the_strips_worker_but_not_for_ever(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object) -> None:
    _, keeper, _ = started(folder, store, views, qtbot)
    busy = [True]
    looks: list[bool] = []
    started_at: list[str] = []

    def worker_busy() -> bool:
        looks.append(busy[0])
        return busy[0]

    keeper.after(worker_busy, lambda: started_at.append("quiet"))
    qtbot.waitUntil(lambda: len(looks) >= 3, timeout=3000)  # type: ignore[attr-defined]
    assert started_at == []  # it looked again and again: the strip's worker is busy, not yet
    busy[0] = False
    qtbot.waitUntil(lambda: started_at == ["quiet"], timeout=3000)  # type: ignore[attr-defined]
    keeper.after(lambda: True, lambda: started_at.append("late"), at_most_ms=1000)
    qtbot.waitUntil(lambda: started_at == ["quiet", "late"], timeout=4000)  # type: ignore[attr-defined]
    keeper.after(lambda: False, lambda: started_at.append("at once"))
    assert started_at[-1] == "at once"


def test_a_check_with_thousands_of_warnings_lists_a_bounded_number_on_screen(
        qapp: QGuiApplication, tmp_path: Path) -> None:
    """QML makes an item per row on the UI thread: 3,000 rows held it for seconds after a
    check behind the screen, long enough for the supervisor to take the kiosk for frozen."""
    from kiosk.content import Problem
    from kiosk.ui.staff.content_report import MAX_ROWS

    report = ContentReport(tmp_path, editor_view=True)
    report.update([Problem(f"events/{n:04d}.yaml", 5, 13, "warning", "a long title")
                   for n in range(1000) for _ in range(3)])
    rows = report.rows
    assert len(rows) == MAX_ROWS + 1
    assert rows[-1]["message"].startswith("and 2,800 more problems in 934 files;")
    assert "kiosk validate" in rows[-1]["message"]


def test_an_unchanged_folder_is_not_read_again_and_keeps_its_warnings(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object,
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = (folder / "exhibit.yaml").read_text(encoding="utf-8")
    (folder / "exhibit.yaml").write_text(text.replace("        alt: A crane\n", ""),
                                         encoding="utf-8")  # a warning: no alt text
    started(folder, store, views, qtbot)
    read: list[Path] = []
    monkeypatch.setattr("kiosk.ui.shell.keeper.load_folder", lambda root: read.append(root))
    start = first_content(folder, store, load=lambda root: read.append(root))  # type: ignore[arg-type, func-returns-value]
    assert read == [] and start.kept is not None
    assert start.result is not None and [p.level for p in start.result.problems] == ["warning"]
    assert "no 'alt' text" in start.result.problems[0].message
    monkeypatch.setattr("kiosk.services.last_good.__version__", "0.0.0-older")
    stored = store.load()
    assert stored is not None and not stored.answers_for(folder, fingerprint(folder))


def holds_python(root: Path) -> LoadResult:
    """A read that holds Python's lock for 3 s in one call, as a C parser (yaml's) or a
    pickle of a large exhibit does, then reads the folder."""
    if os.name == "nt":
        ctypes.PyDLL("kernel32").Sleep(3000)
    else:
        ctypes.PyDLL(None).usleep(3_000_000)
    return load_folder(root)


def ends_at_once(root: Path) -> LoadResult:
    """A check that dies (out of memory, killed): no answer ever comes."""
    os._exit(3)


def test_the_heartbeat_goes_on_while_a_changed_folder_is_checked(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object) -> None:
    """The supervisor kills a kiosk whose UI thread misses its heartbeat for 6 s: a check of
    a changed folder (on a worker thread, holding Python's lock) killed working kiosks
    (issue 29). The check runs in a child process; the screen's timers keep their time,
    the content switches when the answer comes."""
    started(folder, store, views, qtbot)
    (folder / "exhibit.yaml").write_text(GOOD.replace("Harbour history", "Harbour today"),
                                         encoding="utf-8")
    start = first_content(folder, store)
    assert start.exhibit is not None and start.result is None  # the copy, checked behind
    session = Session(start.exhibit, reduced_motion=True)
    keeper = ContentKeeper(folder, store, session, ContentReport(folder, editor_view=False),
                           start, load=holds_python, parent=session)
    ticks: list[float] = []
    beat = QTimer(interval=100)
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start()
    with qtbot.waitSignal(keeper.settled, timeout=30_000):  # type: ignore[attr-defined]
        keeper.check()
        assert keeper.busy
    beat.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) >= 25 and max(gaps) < 1.0  # the heartbeat's 1 s tick never missed
    assert session.exhibit.title.get("en") == "Harbour today"  # switched once checked
    assert not keeper.busy


def test_a_check_that_dies_leaves_the_content_on_screen_and_says_so(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object,
        caplog: pytest.LogCaptureFixture) -> None:
    _, keeper, view = started(folder, store, views, qtbot)
    keeper._load = ends_at_once
    (folder / "exhibit.yaml").write_text(GOOD.replace("Harbour history", "Harbour today"),
                                         encoding="utf-8")
    with qtbot.waitSignal(keeper.settled, timeout=20_000):  # type: ignore[attr-defined]
        keeper.check()
    assert title(view) == "Harbour history" and not keeper.busy
    assert keeper.report.errorCount == 1 and "could not check" in keeper.report.rows[0]["message"]
    assert "ended without an answer (exit code 3)" in caplog.text
    keeper._load = load_folder  # the next check (the next save) works again
    with qtbot.waitSignal(keeper.settled, timeout=20_000):  # type: ignore[attr-defined]
        keeper.check()
    assert title(view) == "Harbour today" and keeper.report.errorCount == 0


class _Unread:
    """A terminal nobody reads: a full pipe, on which every write waits."""

    def __init__(self) -> None:
        self.free = threading.Event()
        self.waited = 0

    def write(self, text: str) -> int:
        self.waited += 1
        self.free.wait(20)
        return len(text)

    def flush(self) -> None:
        self.free.wait(20)


def test_a_terminal_nobody_reads_never_holds_the_screen(
        folder: Path, store: LastGood, views: list[KioskView], qtbot: object,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The listing a check prints waited on a full pipe on the UI thread: the kiosk froze
    for good after a few content switches, and its supervisor restarted it again and again."""
    _, keeper, view = started(folder, store, views, qtbot)
    unread = _Unread()
    monkeypatch.setattr(sys, "stderr", unread)
    ticks: list[float] = []
    beat = QTimer(interval=100)
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start()
    try:
        for name in ("Harbour today", "Harbour tomorrow"):  # a warning each: a listing each
            (folder / "exhibit.yaml").write_text(GOOD.replace("Harbour history", name).replace(
                "        alt: A crane\n", ""), encoding="utf-8")
            with qtbot.waitSignal(keeper.settled, timeout=20_000):  # type: ignore[attr-defined]
                keeper.check()
            assert title(view) == name
        qtbot.waitUntil(lambda: unread.waited > 0, timeout=5000)  # type: ignore[attr-defined]
        since = time.monotonic()
        qtbot.waitUntil(lambda: len([t for t in ticks if t > since]) >= 5, timeout=3000)  # type: ignore[attr-defined]
    finally:
        beat.stop()
        unread.free.set()
