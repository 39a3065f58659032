"""Fixtures shared by every layer: small content folders built in tmp_path."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

from kiosk.services.platform import WINDOWS

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# marker -> does this system run it; the markers are registered in pyproject.toml
PLATFORM_MARKERS = {"posix": not WINDOWS, "windows": WINDOWS}
_platform_skipped: list[str] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Platform-only tests are skipped elsewhere, with the reason, and counted."""
    for item in items:
        for marker, runs_here in PLATFORM_MARKERS.items():
            if item.get_closest_marker(marker) and not runs_here:
                item.add_marker(pytest.mark.skip(reason=f"{marker} only ({sys.platform})"))
                _platform_skipped.append(item.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(
        f"platform {sys.platform}: {len(_platform_skipped)} platform-only tests skipped "
        f"(markers: {', '.join(PLATFORM_MARKERS)})")


@pytest.fixture(autouse=True)
def kiosk_home(tmp_path_factory: pytest.TempPathFactory,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test reads or writes the real settings or log: KIOSK_HOME points into a temporary
    folder (XDG_* would not do on Windows, where platformdirs ignores them)."""
    home = tmp_path_factory.mktemp("kiosk-home")
    monkeypatch.setenv("KIOSK_HOME", str(home))
    yield home


class _Caught(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_guarded_exception(request: pytest.FixtureRequest) -> Iterator[None]:
    """A Qt callback's exception is logged and swallowed by kiosk.services.guard, so that the
    kiosk carries on; in a test it is a bug, and fails the test (as pytest-qt would have)
    unless the test is about the guard (marker `guard_logs`)."""
    caught = _Caught()
    logger = logging.getLogger("kiosk.guard")
    logger.addHandler(caught)
    yield
    logger.removeHandler(caught)
    if caught.records and request.node.get_closest_marker("guard_logs") is None:
        first = caught.records[0]
        detail = logging.Formatter().formatException(first.exc_info) if first.exc_info else ""
        pytest.fail(f"a Qt callback raised: {first.getMessage()}\n{detail}")


def write_image(path: Path, size: tuple[int, int] = (1920, 1080), fmt: str = "JPEG",
                colour: tuple[int, int, int] = (40, 90, 140), orientation: int = 1) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    kwargs: dict[str, object] = {}
    if orientation != 1:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kwargs["exif"] = exif
    image.save(path, fmt, **kwargs)
    return path


MakeFolder = Callable[..., Path]


@pytest.fixture(scope="session")
def qapp_cls() -> type[QGuiApplication]:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type[QGuiApplication]) -> QGuiApplication:
    """The kiosk's own application (fonts included), for every layer's Qt tests."""
    from kiosk.ui.shell.app import application

    return application()


@pytest.fixture(scope="session", autouse=True)
def one_application(qapp: QGuiApplication) -> QGuiApplication:
    """The kiosk's application exists before any test runs, as in the kiosk: a test that reads
    a folder with a video (Qt Multimedia probes it) would otherwise make a bare
    QCoreApplication first, and every later test's QGuiApplication would be refused."""
    return qapp


@pytest.fixture
def make_folder(tmp_path: Path) -> MakeFolder:
    """Build a content folder: exhibit.yaml text, events/ files and media images."""

    def make(exhibit: str, events: dict[str, str] | None = None,
             images: tuple[str, ...] = (), name: str = "content") -> Path:
        root = tmp_path / name
        root.mkdir()
        (root / "exhibit.yaml").write_text(textwrap.dedent(exhibit), encoding="utf-8")
        for file, text in (events or {}).items():
            path = root / "events" / file
            path.parent.mkdir(exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        for image in images:
            write_image(root / image)
        return root

    return make


MINIMAL = """\
format: 1
title: Test exhibit
events:
  - id: first
    date: 1981
    title: First
"""


class FakeClock:
    """A monotonic clock and a local time that move only when the test says, for the
    statistics (a visitor reading for 30 s takes no 30 s in a test)."""

    def __init__(self, day: dt.datetime = dt.datetime(2026, 11, 24)) -> None:
        self.day = day
        self.t = 0.0

    def __call__(self) -> float:
        return self.t

    def now(self) -> dt.datetime:
        return self.day + dt.timedelta(seconds=self.t)

    def at(self, hh_mm: str) -> None:
        hours, minutes = (int(x) for x in hh_mm.split(":"))
        self.t = hours * 3600 + minutes * 60

    def wait(self, seconds: float) -> None:
        self.t += seconds


def window_geometry(pid: int, env: dict[str, str]) -> dict[str, int]:
    """Where the X server shows the visible window of process `pid` (xdotool, xwininfo):
    "Absolute upper-left X"/"Y", "Width", "Height"; empty while it has none."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], env=env,
                           capture_output=True, text=True, encoding="utf-8", timeout=30,
                           check=False).stdout.split()
    if not found:
        return {}
    info = subprocess.run(["xwininfo", "-id", found[0]], env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=30, check=False).stdout
    return {key: int(value) for key, value in re.findall(
        r"^\s*(Absolute upper-left [XY]|Width|Height):\s*(-?\d+)", info, re.MULTILINE)}
