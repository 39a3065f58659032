"""The command line as editors use it: output form and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import MINIMAL, MakeFolder


def test_validate_clean_folder(make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(make_folder(MINIMAL))]) == 0
    assert capsys.readouterr().out == "0 errors, 0 warnings\n"


def test_validate_prints_every_problem_and_a_summary(
        make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL + "    tittle: x\n", images=("media/unused.jpg",))
    assert main(["validate", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "exhibit.yaml:7:5: error: event 'first': unknown key 'tittle' (did you mean 'title'?)",
        "media/unused.jpg: warning: file is not used by any event",
        "1 error, 1 warning",
    ]


def test_strict_makes_warnings_fail(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, images=("media/unused.jpg",))
    assert main(["validate", str(root)]) == 0
    assert main(["validate", "--strict", str(root)]) == 1


def test_unreadable_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing")]) == 2
    assert "content folder does not exist" in capsys.readouterr().out


def test_validate_uses_kiosk_content(make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("KIOSK_CONTENT", str(make_folder("format: 1\n")))
    assert main(["validate"]) == 1
    assert "missing required key 'title'" in capsys.readouterr().out


def test_schema_is_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["required"] == ["format", "title"]
    assert main(["schema", "--event"]) == 0
    assert "date" in json.loads(capsys.readouterr().out)["required"]


def test_validate_warns_about_links_and_raw_html(
        make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL + "    body: 'See [W](https://x/Beijing_(city)) and <b>this</b>.'\n")
    assert main(["validate", str(root)]) == 0  # warnings: the kiosk still shows the text
    out = capsys.readouterr().out
    assert "exhibit.yaml:7:11: warning: event 'first': 'body' (en): a link cannot be followed" in out
    assert "https://x/Beijing_(city)" in out
    assert "raw HTML is shown as typed: '<b>'" in out
    assert main(["validate", "--strict", str(root)]) == 1
