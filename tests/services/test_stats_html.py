"""The HTML report: one file, nothing outside it, charts that stay a sensible size."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from kiosk.app import application
from kiosk.services.stats import Statistics
from kiosk.services.stats_db import ContentInfo
from kiosk.services.stats_html import STORY_BARS, write
from tests.conftest import FakeClock


@pytest.fixture
def charts() -> QGuiApplication:
    return application()


def long_story(path: Path, events: int) -> None:
    """One visit through every event of a long story, titles in two languages."""
    content = ContentInfo("long", {"en": "Long", "zh": "长"}, tuple(
        (f"e{i}", {"en": f"Event {i}", "zh": f"事件 {i}"}) for i in range(events)))
    clock = FakeClock()
    clock.at("12:00")
    stats = Statistics(path, "Hall C", "test", clock=clock, now=clock.now)
    stats.start(content)
    stats.visit_start("en")
    for i in range(events):
        stats.view(f"e{i}")
        clock.wait(10)
    stats.visit_end("home")
    stats.close()


@pytest.mark.parametrize("events", [STORY_BARS, 300])
def test_report_is_one_file_with_every_title(charts: QGuiApplication, tmp_path: Path,
                                             events: int) -> None:
    long_story(tmp_path / "s.sqlite3", events)
    page = tmp_path / "report.html"
    report = write([tmp_path / "s.sqlite3"], page, tmp_path / "csv")
    text = page.read_text(encoding="utf-8")
    assert report.tables["summary"].rows[0][3:5] == (1, events)
    assert re.findall(r'(?:src|href)="(?!data:)', text) == []  # nothing to fetch
    assert "<script" not in text
    assert f"事件 {events - 1}" in text and f"Event {events - 1}" in text
    pictures = re.findall(r'src="data:image/png;base64,([^"]+)"', text)
    assert len(pictures) == len(report.tables) - 1
    for data in pictures:
        image = QImage.fromData(base64.b64decode(data))
        assert not image.isNull()
        assert image.height() <= 4000  # a long story is drawn as columns, not 300 bars
    assert len(list((tmp_path / "csv").glob("*.csv"))) == len(report.tables)
