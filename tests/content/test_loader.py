"""The model the loader builds: order, fallbacks, defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.content import load_folder
from kiosk.services.paths import bundled_content
from tests.conftest import MakeFolder


def test_events_are_ordered_by_date_then_end_then_file_order(make_folder: MakeFolder) -> None:
    root = make_folder(
        """\
        format: 1
        title: T
        events:
          - {id: late, date: 2001, title: Late}
          - {id: long, date: 1990, end: 1999, title: Long}
          - {id: short, date: 1990, end: 1991, title: Short}
          - {id: same-a, date: 1990, end: 1991, title: Same A}
          - {id: bce, date: -221, title: Qin}
        """,
        events={"b.yaml": "id: from-b\ndate: 1990-01\ntitle: B\n",
                "a.yaml": "id: from-a\ndate: 1990-01\ntitle: A\n",
                "notes.txt": "not an event"},
    )
    result = load_folder(root)
    assert [str(p) for p in result.problems] == [  # 221 BCE squeezes the 1990s together
        "exhibit.yaml:8:10: warning: event 'bce': is dated -221, 2,211 years before every "
        "other event (the earliest is 'long', 1990), so the timeline stretches to show it and "
        "the other events crowd together: check the year (a typo such as 2891 for 1981 does this)",
        "events/notes.txt: warning: file is not used by any event"]
    assert result.exhibit is not None
    assert [e.id for e in result.exhibit.events] == [
        "bce", "short", "same-a", "long", "from-a", "from-b", "late"]
    assert result.exhibit.events[0].date_text("en") == "221 BCE"


def test_defaults(make_folder: MakeFolder) -> None:
    root = make_folder("format: 1\ntitle: T\nevents: [{id: a, date: 1981, title: A}]\n")
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    assert exhibit.languages == ("en",)
    assert exhibit.idle_timeout == 90
    assert exhibit.attract_interval == 8
    assert exhibit.subtitle.get("en") == ""


def test_eras_get_a_colour_when_absent(make_folder: MakeFolder) -> None:
    root = make_folder("""\
        format: 1
        title: T
        eras:
          - {id: a, title: A, start: 1980, end: 1990}
          - {id: b, title: B, start: 1990, end: 2000, color: "#123abc"}
        events: [{id: e, date: 1981, title: E, era: a}]
        """)
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    assert [era.color for era in exhibit.eras] == ["#2F6690", "#123ABC"]
    assert exhibit.era("a") is exhibit.eras[0]


def test_display_date_wins(make_folder: MakeFolder) -> None:
    root = make_folder("""\
        format: 1
        languages: [en, zh]
        title: T
        events:
          - id: e
            date: 1981
            end: 1991
            display_date: {en: The eighties, zh: 八十年代}
            title: E
        """)
    exhibit = load_folder(root).exhibit
    assert exhibit is not None
    assert exhibit.events[0].date_text("zh") == "八十年代"


def test_the_kiosk_imports_no_yaml_rules_or_pillow_before_it_reads_a_folder() -> None:
    """A start on the last good copy of an unchanged folder reads no YAML and checks no
    picture: importing the kiosk (and LoadResult, which that start builds) leaves PyYAML,
    the content rules and Pillow for the first folder read, a tenth of a second of start."""
    heavy = ("yaml", "PIL", "kiosk.content.rules", "kiosk.content.reader")
    code = ("import sys, kiosk.ui.shell.app, kiosk.ui.shell.keeper; from kiosk.content import LoadResult; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          encoding="utf-8", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    code = ("import sys; from kiosk.content import load_folder; "
            "load_folder(sys.argv[1]); "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code, str(bundled_content())],
                          capture_output=True, text=True, encoding="utf-8",
                          cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.stdout.strip() == str(list(heavy)), done.stderr  # all there once it reads
