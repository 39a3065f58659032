"""The HTML report: one file, nothing outside it, charts that stay a sensible size."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from kiosk.ui.statistics.database import ContentInfo
from kiosk.ui.statistics.report_html import STORY_BARS, write
from kiosk.ui.statistics.writer import Statistics
from tests.conftest import ROOT, FakeClock


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
def test_report_is_one_file_with_every_title(tmp_path: Path,
                                             events: int) -> None:
    long_story(tmp_path / "s.sqlite3", events)
    page = tmp_path / "report.html"
    report = write([tmp_path / "s.sqlite3"], page, tmp_path / "csv")
    text = page.read_text(encoding="utf-8")
    assert report.tables["summary"].rows[0][3:5] == (1, events)
    assert re.findall(r'(?:src|href)="(?!data:)', text) == []  # nothing to fetch
    assert "<script" not in text
    assert f"事件 {events - 1}" in text and f"Event {events - 1}" in text
    pictures = re.findall(r'<svg [^>]*>.*?</svg>', text)
    # all but the summary's; one day is drawn as its hours, without a one-column day chart
    assert len(pictures) == len(report.tables) - 2
    assert "Visits on Tuesday 24 November 2026, hour by hour" in text
    assert "<h2>Visits per day</h2>" not in text
    assert re.search(r">事件 \d+</text>", text)  # Chinese titles as text, not pixels
    for svg in pictures:
        ET.fromstring(svg)  # well-formed
        assert 'aria-label="' in svg  # named for screen readers, as an image's alt text
        height = int(re.search(r' height="(\d+)"', svg)[1])  # type: ignore[index]
        assert height <= 4000  # a long story is drawn as columns, not 300 bars
    assert len(list((tmp_path / "csv").glob("*.csv"))) == len(report.tables)


def test_institution_and_logo_from_the_settings(tmp_path: Path) -> None:
    from kiosk.services.settings import Settings
    from kiosk.ui.statistics.report import build
    from kiosk.ui.statistics.report_html import branding, render

    long_story(tmp_path / "s.sqlite3", 3)
    toml = tmp_path / "kiosk.toml"
    Image.new("RGB", (400, 300), "#0072B2").save(tmp_path / "logo.png")
    brand = branding(Settings(institution="City Museum", report_logo="logo.png", path=toml))
    assert brand.problem is None and brand.logo_png is not None
    with Image.open(io.BytesIO(base64.b64decode(brand.logo_png))) as shown:
        assert shown.size == (192, 144)  # 72 px high, twice over for print
    page = render(build([tmp_path / "s.sqlite3"]), brand=brand)
    assert '<p class="institution">City Museum</p>' in page
    assert f'<img src="data:image/png;base64,{brand.logo_png}" alt="City Museum">' in page
    assert "The figures (3 rows)" in page


@pytest.mark.parametrize(("file", "problem"), [
    (None, "report_logo 'logo.png' in {toml}: no such file ({logo}); the report is made "
           "without a logo"),
    (b"not a picture", "report_logo 'logo.png' in {toml}: not a picture that can be read "
                       "(use a PNG or JPEG of a few hundred pixels); the report is made "
                       "without a logo"),
])
def test_a_missing_or_broken_logo_is_told_and_the_report_made(
        tmp_path: Path, file: bytes | None, problem: str,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.cli import main

    long_story(tmp_path / "s.sqlite3", 1)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("KIOSK_HOME", str(home))
    from kiosk.services.settings import settings_path

    toml = settings_path()
    toml.parent.mkdir(parents=True, exist_ok=True)
    toml.write_text('institution = "City Museum"\nreport_logo = "logo.png"\n', encoding="utf-8")
    if file is not None:
        (toml.parent / "logo.png").write_bytes(file)
    page = tmp_path / "r.html"
    assert main(["stats", str(tmp_path / "s.sqlite3"), "--html", str(page)]) == 0
    err = capsys.readouterr().err
    assert problem.format(toml=toml, logo=toml.parent / "logo.png") in err.splitlines()
    text = page.read_text(encoding="utf-8")
    assert '<p class="institution">City Museum</p>' in text
    assert "The figures (1 row)" in text  # one event: singular


def test_the_report_needs_no_qt(tmp_path: Path) -> None:
    """Made on any thread and by `kiosk stats` without a display: no Qt module is loaded."""
    long_story(tmp_path / "s.sqlite3", 3)
    code = ("import sys; from pathlib import Path; from kiosk.ui.statistics.report_html import write; "
            f"write([Path({str(tmp_path / 's.sqlite3')!r})], Path({str(tmp_path / 'r.html')!r}), "
            "None); print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          encoding="utf-8", check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "r.html").read_text(encoding="utf-8").count("<svg ") >= 8
