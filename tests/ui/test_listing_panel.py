"""The log and the editor panel list a folder's problems capped as the terminal does: the
first of each file, then how many more."""

from __future__ import annotations

import logging

import pytest

from kiosk.content import problems as P
from tests.conftest import MakeFolder
from tests.content.test_listing import EXHIBIT, unknown_keys


def test_the_log_and_the_editor_panel_are_capped_too(
        make_folder: MakeFolder, caplog: pytest.LogCaptureFixture, qapp: object) -> None:
    from kiosk.ui.shell.app import initial_content
    from kiosk.ui.staff.content_report import ContentReport

    root = make_folder(EXHIBIT, events={"x.yaml": unknown_keys(2000)})
    with caplog.at_level(logging.ERROR):
        exhibit, result = initial_content(root)
    assert exhibit is not None  # the bundled exhibit, while this one has errors
    logged = [r.getMessage() for r in caplog.records if r.getMessage().startswith("content:")]
    assert len(logged) == P.SHOWN_PER_FILE + 1
    assert logged[-1] == f"content: and {2000 - P.SHOWN_PER_FILE:,} more problems in events/x.yaml"
    report = ContentReport(root, editor_view=True)
    report.update(result.problems)
    rows = report.property("rows")
    assert len(rows) == P.SHOWN_PER_FILE + 1
    assert rows[-1]["message"].replace("\u200b", "").startswith("and 1,950 more problems")
