"""The composition root's content loading: whatever the loader raises, a start or a --watch
reload keeps (or falls back to) good content and shows a problem; the kiosk never crashes."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.content import LoadResult, load_folder
from kiosk.services.paths import bundled_content
from kiosk.ui.shell.app import initial_content, reload_content
from kiosk.ui.shell.session import Session
from kiosk.ui.staff.content_report import ContentReport
from tests.conftest import MINIMAL, MakeFolder


def raising(exc: BaseException) -> object:
    def load(folder: Path) -> LoadResult:
        raise exc

    return load


@pytest.mark.parametrize("exc", [ValueError("Exceeds the limit (4300 digits) for integer "
                                            "string conversion"),
                                 RecursionError("maximum recursion depth exceeded"),
                                 OverflowError("int too large"), KeyError("x"),
                                 UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid")])
def test_a_reload_whose_loader_raises_keeps_the_last_good_content(
        qapp: QGuiApplication, make_folder: MakeFolder, exc: BaseException,
        caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL)
    good = load_folder(root).exhibit
    assert good is not None
    session = Session(good, reduced_motion=True)
    report = ContentReport(root, editor_view=True)
    with caplog.at_level(logging.ERROR):
        result = reload_content(root, session, report, load=raising(exc))  # type: ignore[arg-type]
    assert session.exhibit is good  # still on screen
    assert result.exhibit is None
    assert report.errorCount == 1 and report.editorPanelVisible
    assert report.problems[0].message.startswith(
        f"the kiosk could not read this content ({type(exc).__name__})")
    assert "Traceback" in caplog.text  # the details are in the log, for the developers
    assert "the last good content stays on screen" in capsys.readouterr().err
    # the next good save comes on screen as usual
    (root / "exhibit.yaml").write_text(MINIMAL.replace("Test exhibit", "Fixed"),
                                       encoding="utf-8")
    assert reload_content(root, session, report).exhibit is not None
    assert session.exhibit.title.get("en") == "Fixed" and report.errorCount == 0


def test_a_start_whose_loader_raises_shows_the_bundled_exhibit_with_the_problem(
        make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL)
    exhibit, result = initial_content(root, load=raising(ValueError("a bug")))  # type: ignore[arg-type]
    assert exhibit is not None
    assert exhibit.title == load_folder(bundled_content()).exhibit.title  # type: ignore[union-attr]
    assert [p.level for p in result.problems] == ["error"]
    assert "could not read this content (ValueError)" in result.problems[0].message
