"""Generated content folders through validate and then a headless first frame: a folder is
rejected with messages, or accepted and shown; no exception, no hang, memory bounded."""

from __future__ import annotations

import io
import shutil
import string
import sys
import time
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from kiosk.content import load_folder
from kiosk.core import limits as L
from kiosk.core.model import Exhibit
from kiosk.ui.display.display import Display
from kiosk.ui.language.language import Language
from kiosk.ui.shell.view import create_view
from kiosk.ui.timeline.strip import SHOW_ALL_TICKS, Timeline
from tests.conftest import write_image
from tests.ui.conftest import dispose, follow

FIRST_FRAME_LIMIT = 30.0  # seconds: far above any budget; only a hang gets near it
MEMORY_LIMIT_MB = 1500  # the process's peak, whatever was generated

TEXT = string.ascii_letters + string.digits + " *_#[]()-\n" + "年改革é\u0301\u200f\u202eش🙂"


def either(good: st.SearchStrategy[object], hostile: st.SearchStrategy[object],
           bad: bool) -> st.SearchStrategy[object]:
    """Good values only, or (in a hostile folder) three good ones to one hostile."""
    return st.one_of(good, good, good, hostile) if bad else good


words = st.text(alphabet=TEXT, min_size=1, max_size=300).filter(str.strip)
long_or_empty = st.one_of(st.just(""), st.integers(1, 4).map(lambda n: "w " * 10 ** n))
hostile_dates = st.one_of(st.integers(-10**6, 10**6), st.builds(
    "{:04d}-{:02d}-{:02d}".format, st.integers(1, 2100), st.integers(0, 13), st.integers(0, 32)))
hostile_seconds = st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                            st.integers(-5, 10**8))
PICTURES = ["ok.jpg", "turned.jpg", "tiny.png"]
HOSTILE_PICTURES = ["cut.jpg", "bomb.png", "missing.jpg", "folder.jpg"]


def folders(bad: bool) -> st.SearchStrategy[dict[str, object]]:
    """exhibit.yaml's content: all good, or (bad) with hostile values here and there."""
    texts = either(words, long_or_empty, bad)
    dates = either(st.integers(-3000, 3000).filter(bool), hostile_dates, bad)
    seconds = either(st.floats(10, 600), hostile_seconds, bad)
    images = either(st.sampled_from(PICTURES), st.sampled_from(HOSTILE_PICTURES), bad)
    events = st.fixed_dictionaries(
        {"id": st.from_regex(r"[a-z]{1,8}", fullmatch=True), "date": dates, "title": texts},
        optional={"body": texts, "highlight": st.booleans(), "display_date": words,
                  "media": st.lists(st.fixed_dictionaries(
                      {"image": images.map(lambda name: f"media/{name}")},
                      optional={"alt": words, "caption": texts}), max_size=3)})
    return st.fixed_dictionaries(
        {"format": st.just(1), "title": texts,
         "events": st.lists(events, min_size=1, max_size=6, unique_by=lambda e: e["id"])},
        optional={"subtitle": texts, "idle_timeout": seconds, "attract_interval": seconds,
                  "languages": st.lists(st.sampled_from(["en", "zh", "fr", "ar"]),
                                        min_size=1, max_size=3, unique=True)})


def pictures(media: Path) -> None:
    """One of each kind of picture a folder may hold, good and bad."""
    write_image(media / "ok.jpg", (1600, 900))
    write_image(media / "turned.jpg", (1200, 900), orientation=6)
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), (200, 10, 10)).save(buffer, "JPEG")
    (media / "cut.jpg").write_bytes(buffer.getvalue()[:2000])
    Image.new("1", (9000, 9000)).save(media / "bomb.png")  # 81 MP in a few kB
    write_image(media / "tiny.png", (40, 30), fmt="PNG")
    (media / "folder.jpg").mkdir()


def show(exhibit: Exhibit, size: tuple[int, int], event: int) -> None:
    """The first frame, then an event's screen, drawn; the window closed again."""
    view = create_view(exhibit, size)
    try:
        view.window.show()
        assert QTest.qWaitForWindowExposed(view.window)
        assert not view.window.grabWindow().isNull()
        view.session.navigation.openEvent(event)
        follow(view.window)
        assert not view.window.grabWindow().isNull()
    finally:
        dispose(view)


def peak_memory_mb() -> float | None:
    if sys.platform == "win32":
        return None  # measured by the benchmark there; `resource` is POSIX only
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@settings(max_examples=16, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(exhibit=st.one_of(folders(bad=False), folders(bad=True)))
def test_generated_folders_validate_then_show(qapp: QGuiApplication, tmp_path: Path,
                                              exhibit: dict[str, object]) -> None:
    root = tmp_path / "content"
    shutil.rmtree(root, ignore_errors=True)
    (root / "media").mkdir(parents=True)
    pictures(root / "media")
    (root / "exhibit.yaml").write_text(yaml.safe_dump(exhibit, allow_unicode=True),
                                       encoding="utf-8")
    result = load_folder(root)
    assert (result.exhibit is None) == bool(result.errors)
    for problem in result.problems:
        assert len(problem.message) < 1000  # messages fit a staff screen
    if result.exhibit is None:
        return
    shown = result.exhibit
    assert len(shown.title.get(shown.default_language)) <= L.TITLE_CHARS
    started = time.perf_counter()
    show(shown, (1366, 768), len(shown.events) - 1)  # the last event, with its photos
    assert time.perf_counter() - started < FIRST_FRAME_LIMIT
    peak = peak_memory_mb()
    assert peak is None or peak < MEMORY_LIMIT_MB, f"peak memory {peak:.0f} MB"


def test_the_largest_accepted_folder_shows(qapp: QGuiApplication, tmp_path: Path) -> None:
    """Every text at its limit and the widest span: accepted, and it shows."""
    root = tmp_path / "content"
    (root / "events").mkdir(parents=True)
    write_image(root / "media" / "ok.jpg", (1600, 900))
    title = "T" * L.TITLE_CHARS
    (root / "exhibit.yaml").write_text(f"format: 1\ntitle: {title}\n", encoding="utf-8")
    for number in range(40):
        year = -L.MAX_SPAN_YEARS // 2 + number * L.MAX_SPAN_YEARS // 39
        (root / "events" / f"{number}.yaml").write_text(
            f"id: e{number}\ndate: {year or 1}\ntitle: {title}\nhighlight: true\n"
            f"body: {'word ' * (L.BODY_CHARS // 5 - 1)}\n"
            f"media:\n  - image: media/ok.jpg\n    alt: {'a' * L.SHORT_TEXT_CHARS}\n"
            f"    caption: {'c' * L.SHORT_TEXT_CHARS}\n", encoding="utf-8")
    result = load_folder(root)
    assert result.errors == [] and result.exhibit is not None
    strip = Timeline(result.exhibit, Language(result.exhibit, "en"), Display())
    for zoom in (strip.minZoom, strip.maxZoom):  # the years the strip makes items for
        strip.setZoom(zoom)
        assert 0 < strip.tickModel.rowCount() <= SHOW_ALL_TICKS * 2
    show(result.exhibit, (1920, 1080), 0)
