"""Fixtures shared by every layer: small content folders built in tmp_path."""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


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
    from kiosk.app import application

    return application()


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
