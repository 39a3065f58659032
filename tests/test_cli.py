"""The command line as editors use it: output form and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import DATA, MINIMAL, MakeFolder


def test_validate_clean_folder(make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL)
    assert main(["validate", str(root)]) == 0
    assert capsys.readouterr().out == f"{root}: 0 errors, 0 warnings\n"


def test_validate_prints_every_problem_and_a_summary(
        make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(MINIMAL + "    highlight: maybe\n", images=("media/unused.jpg",))
    assert main(["validate", str(root)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "exhibit.yaml:7:16: error: event 'first': 'highlight' must be true or false, not 'maybe'",
        " 7 |     highlight: maybe",
        "   |                ^",
        f"{root}: 1 error, 0 warnings",
    ]
    (root / "exhibit.yaml").write_text(MINIMAL, encoding="utf-8")
    assert main(["validate", str(root)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "media/unused.jpg: warning: file is not used by any event",
        f"{root}: 0 errors, 1 warning",
    ]


def test_validate_without_a_folder_names_the_one_it_checked(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_CONTENT", raising=False)
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"{DATA} (the kiosk's default; give a folder to check another): 0 errors, 0 warnings")


def test_strict_makes_warnings_fail(make_folder: MakeFolder) -> None:
    root = make_folder(MINIMAL, images=("media/unused.jpg",))
    assert main(["validate", str(root)]) == 0
    assert main(["validate", "--strict", str(root)]) == 1


def test_unreadable_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(tmp_path / "missing")]) == 2
    assert "content folder does not exist" in capsys.readouterr().out


def test_validate_uses_kiosk_content(make_folder: MakeFolder, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder("format: 1\n")
    monkeypatch.setenv("KIOSK_CONTENT", str(root))
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "exhibit.yaml:1:1: error: exhibit: missing required key 'title'",
        " 1 | format: 1",
        "   | ^",
        f"{root} (from KIOSK_CONTENT): 1 error, 0 warnings",
    ]


def test_help_lists_only_commands_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "validate" in out and "snapshot" in out
    assert "_bench" not in out
    with pytest.raises(SystemExit):
        main(["no-such-command"])
    assert "_bench" not in capsys.readouterr().err


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
    # each at its own place in the text: the link at its [, the tag at its <
    assert "exhibit.yaml:7:16: warning: event 'first': 'body' (en): a link cannot be followed" in out
    assert "https://x/Beijing_(city)" in out
    assert "raw HTML is shown as typed: '<b>'" in out
    assert main(["validate", "--strict", str(root)]) == 1


@pytest.mark.parametrize("size", ["１９２０x１０８０", "1920x1080\n", "9" * 5000 + "x1080",
                                  "99999x1080", "1920×1080", " 1920x1080"])
def test_a_size_is_ascii_digits_of_a_screen(size: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["snapshot", "--out", "shots", "--size", size])
    err = capsys.readouterr().err
    assert "is not a size like 1920x1080" in err or "is too large" in err
    assert "Traceback" not in err
