"""The strip's work is proportionate: each label typeset once per text and size, whatever
the zoom steps, resets, language switches and text-size changes; many long labels typeset
on a worker without changing what the strip shows; a large exhibit's strip makes items
only for the marks near the view."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kiosk.core import strip_layout as pure
from kiosk.core.line_breaking import is_cjk_char
from kiosk.core.model import Exhibit, Text
from kiosk.ui.display.display import Display
from kiosk.ui.language.language import Language
from kiosk.ui.timeline import strip as timeline_view
from kiosk.ui.timeline.strip import Timeline

Calls = Counter[tuple[str, float]]


@pytest.fixture
def typeset_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    """Every label typeset, by (text, label width)."""
    calls: Calls = Counter()
    real = pure.label_lines

    def counting(text: str, measure: Any, label_width: float) -> Any:
        calls[(text, label_width)] += 1
        return real(text, measure, label_width)

    monkeypatch.setattr(pure, "label_lines", counting)
    monkeypatch.setattr(timeline_view, "label_lines", counting, raising=False)
    yield calls


def test_each_label_is_typeset_once_however_often_the_strip_is_laid_out(
        qapp: Any, bundled: Exhibit, typeset_calls: Calls) -> None:
    language, display = Language(bundled, "en"), Display()
    view = Timeline(bundled, language, display)
    for width in (1920.0, 1366 / (768 / 1080), 1080.0, 1920.0):
        view.setViewport(width)  # the window being built, then turned
    view.setZoom(view.maxZoom)
    view.setZoom(view.minZoom)
    for _ in range(3):  # visitors come and go: each leaves the strip to the next
        language.setLanguage("zh")
        display.toggleLargeText()
        view.setZoom(view.zoom * 2)
        language.reset()
        display.reset()
        view.resetZoom()
    twice = {call: n for call, n in typeset_calls.items() if n > 1}
    assert twice == {}
    labels = {e.label(lang) for e in bundled.events for lang in ("en", "zh")}
    assert {text for text, _ in typeset_calls} >= labels  # every label, at both sizes
    assert not view.busy


def long_exhibit(bundled: Exhibit, count: int, years: int = 50) -> Exhibit:
    """`count` events with titles of 120 characters in English and Chinese."""
    template = bundled.events[0]
    events = []
    for n in range(count):
        en = (f"Event {n}: volunteers, partners and teachers in the provinces " * 3)[:120]
        zh = (f"第{n}号事件：志愿服务与国际合作的故事" * 8)[:120]
        date = dataclasses.replace(template.date, year=1970 - years + n * years // count)
        events.append(dataclasses.replace(template, id=f"e{n}", date=date, end=None,
                                          title=Text((("en", en), ("zh", zh)), "en"),
                                          short_title=None))
    return dataclasses.replace(bundled, events=tuple(events))


def test_many_long_labels_are_typeset_on_a_worker_and_shown_as_at_once(
        qapp: Any, qtbot: QtBot, bundled: Exhibit) -> None:
    exhibit = long_exhibit(bundled, 200)
    language, display = Language(exhibit, "en"), Display()
    view = Timeline(exhibit, language, display)
    assert view.busy and view.marks == []  # built without waiting for them
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)
    shown = view.marks
    assert sorted(i for m in shown for i in m["events"]) == list(range(200))

    # the same strip as typesetting everything at once would give
    small = dataclasses.replace(exhibit, events=exhibit.events[:20])
    monkey = pytest.MonkeyPatch()
    monkey.setattr(timeline_view, "TYPESET_AT_ONCE_CHARS", 10**9)
    monkey.setattr(timeline_view, "SEARCH_AT_ONCE_EVENTS", 10**9)
    try:
        at_once = Timeline(exhibit, Language(exhibit, "en"), Display())
    finally:
        monkey.undo()
    assert not at_once.busy
    assert at_once.zoom == view.zoom and at_once.marks == shown
    assert small.events  # (a smaller one stays on the UI thread: the bundled tests)

    # a switch to Chinese finds its labels typeset by then, or waits for them
    language.setLanguage("zh")
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)
    assert all(m["text"] for m in view.marks)
    assert all(is_cjk_char(m["text"][0]) or m["text"][0].isdigit() for m in view.marks)


def test_a_large_strip_makes_items_only_near_the_view(qapp: Any, qtbot: QtBot,
                                                      bundled: Exhibit) -> None:
    exhibit = long_exhibit(bundled, 400, years=400)
    view = Timeline(exhibit, Language(exhibit, "en"), Display())
    qtbot.waitUntil(lambda: not view.busy, timeout=60_000)
    view.setViewport(1920)
    view.setZoom(view.maxZoom)
    marks = view.marks
    assert len(marks) > timeline_view.SHOW_ALL_MARKS

    def x(mark: dict[str, Any]) -> float:
        return float(view.axis.x(mark["year"], view.zoom) + mark["width"] / 2)  # its label

    for mark in (marks[0], marks[len(marks) // 2], marks[-1]):
        left = max(0.0, x(mark) - 960)
        view.setView(left, left + 1920)
        made = view.shownMarks
        assert len(made) < len(marks) / 2
        in_view = [i for i, m in enumerate(marks) if left <= x(m) <= left + 1920]
        assert in_view and {m["index"] for m in made} >= set(in_view)
        assert all(marks[m["index"]]["events"] == m["events"] for m in made)


@pytest.mark.parametrize("width", [1920.0, 1366 / (768 / 1080), 1080.0])
def test_a_language_switch_never_changes_the_era_track_height(
        qapp: Any, bundled: Exhibit, width: float) -> None:
    """The track is as high as the tallest name of any language: switching moves nothing."""
    language, display = Language(bundled, "en"), Display()
    view = Timeline(bundled, language, display)
    view.setViewport(width)
    heights = set()
    for lang in ("en", "zh", "en"):
        language.setLanguage(lang)
        heights.add(view.eraLines)
    assert len(heights) == 1
