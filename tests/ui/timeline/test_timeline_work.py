"""The strip's work is proportionate: each label typeset once per text and size, whatever
the zoom steps, resets, language switches and text-size changes; many long labels typeset
on a worker without changing what the strip shows; a large exhibit's strip makes items
only for the marks near the view; a zoom step moves the list models' rows in place."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.core import strip_layout as pure
from kiosk.core.line_breaking import is_cjk_char
from kiosk.core.model import Exhibit, Text
from kiosk.ui.display.display import Display
from kiosk.ui.language.language import Language
from kiosk.ui.shared.theme import FONT_CJK, FONT_LATIN
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
        return float(mark["dotX"] + mark["labelWidth"] / 2)  # its label

    for mark in (marks[0], marks[len(marks) // 2], marks[-1]):
        left = max(0.0, x(mark) - 960)
        view.setView(left, left + 1920)
        made = view.shown_marks
        assert len(made) < len(marks) / 2
        in_view = [i for i, m in enumerate(marks) if left <= x(m) <= left + 1920]
        assert in_view and {m["markIndex"] for m in made} >= set(in_view)
        assert all(marks[m["markIndex"]]["events"] == m["events"] for m in made)


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


X_ROLES = {"dotX", "endX", "dots", "dateXs", "rangeXs", "startX", "tickX"}


class Changes:
    """What a list model told its views: rows changed in place (with their roles),
    inserted, removed, or the whole model reset."""

    def __init__(self, model: Any) -> None:
        self.roles: set[str] = set()
        self.changed = self.inserted = self.removed = self.resets = 0
        names = {role: bytes(name).decode() for role, name in model.roleNames().items()}

        def data_changed(top: Any, bottom: Any, roles: list[int]) -> None:
            self.changed += bottom.row() - top.row() + 1
            self.roles |= {names[r] for r in roles}

        model.dataChanged.connect(data_changed)
        model.rowsInserted.connect(lambda *_: setattr(self, "inserted", self.inserted + 1))
        model.rowsRemoved.connect(lambda *_: setattr(self, "removed", self.removed + 1))
        model.modelReset.connect(lambda: setattr(self, "resets", self.resets + 1))


def test_a_zoom_step_moves_the_rows_in_place(qapp: Any, bundled: Exhibit,
                                             qtmodeltester: ModelTester) -> None:
    """A pinch's step within a zoom level changes only the marks', eras' and ticks' x
    roles (the delegates stay and move); a new level changes rows in place and adds or
    drops some at the end: never a reset that would remake every item."""
    view = Timeline(bundled, Language(bundled, "en"), Display())
    view.setViewport(1920.0)
    level = view.minZoom
    view.setZoom(level * 1.01)
    models = {"marks": view.shownModel, "eras": view.eraModel, "ticks": view.tickModel}
    before = {name: [dict(row) for row in model.rows] for name, model in models.items()}
    seen = {name: Changes(model) for name, model in models.items()}
    view.setZoom(level * 1.08)  # (the ladder's steps are 12 % apart: the same level)
    for name, changes in seen.items():
        assert changes.changed == len(before[name]) > 0, name
        assert changes.roles <= X_ROLES and changes.roles, (name, changes.roles)
        assert (changes.inserted, changes.removed, changes.resets) == (0, 0, 0), name
    for row in view.shown_marks:  # where the rows say, the one mapping says
        assert row["dotX"] == pytest.approx(view.xAt(row["year"]))
    assert [row["texts"] for row in view.shown_marks] == \
        [row["texts"] for row in before["marks"]]

    seen = {name: Changes(model) for name, model in models.items()}
    view.setZoom(level * 1.6)  # another level: other groups, other era names
    assert all(changes.resets == 0 for changes in seen.values())
    assert seen["marks"].changed > 0 and "texts" in seen["marks"].roles
    for model in models.values():
        qtmodeltester.check(model)


def test_a_repeat_layout_typesets_nothing_again(qapp: Any, bundled: Exhibit,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the strip has been through its zoom levels, languages and sizes, going through
    them again (as each visitor does) balances no line again: labels and era names are
    kept per text, width and font."""
    calls: Counter[str] = Counter()
    real = pure.balance
    # (only this exhibit's: other tests' strips may still be typesetting on their workers)
    ours = {e.label(lang) for e in bundled.events for lang in ("en", "zh")} | \
        {name for era in bundled.eras for text in (era.title, era.short_title) if text
         for name in text.all_strings()}

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        if text in ours:
            calls[text] += 1
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pure, "balance", counting)
    language, display = Language(bundled, "en"), Display()
    view = Timeline(bundled, language, display)

    def tour() -> None:
        for lang in ("en", "zh"):
            language.setLanguage(lang)
            for _ in range(2):
                display.toggleLargeText()
                zoom = view.minZoom
                while zoom < view.maxZoom:
                    view.setZoom(zoom)
                    zoom *= 1.12
        language.reset()

    tour()
    assert calls  # (the first time, they are typeset)
    calls.clear()
    view._at_level.clear()  # every level laid out again, from the kept labels
    tour()
    assert calls == Counter()


def test_labels_are_set_in_their_own_language_s_family(qapp: Any, bundled: Exhibit) -> None:
    """A Chinese label in the CJK face (its “ ” full-width), a label that falls back to
    English on the Chinese screen in the Latin face: as measured, so as drawn."""
    template = bundled.events[0]
    english_only = dataclasses.replace(template, id="only-en", short_title=None,
                                       title=Text((("en", "An “English” title"),), "en"))
    exhibit = dataclasses.replace(bundled, events=(english_only, *bundled.events[1:]))
    language = Language(exhibit, "zh")
    view = Timeline(exhibit, language, Display())
    families = {event: row["families"][row["events"].index(event)]
                for row in view.marks for event in row["events"]}
    assert families[0] == FONT_LATIN
    assert {families[i] for i in range(1, len(exhibit.events))} == {FONT_CJK}
    language.setLanguage("en")
    assert set(row["families"][0] for row in view.marks) == {FONT_LATIN}
