"""The content guide's examples are real: each one is run, and its output compared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import ROOT, write_image
from tests.content.test_problems import HEIC

GUIDE = ROOT / "docs" / "content-guide.md"
EXAMPLE = re.compile(r"<!-- example: (?P<file>\S+)(?: with (?P<images>\S+))? -->\n"
                     r"```yaml\n(?P<yaml>.*?)```\n"
                     r"(?:\n```text\n\$ (?P<command>[^\n]+)\n(?P<output>.*?)```)?", re.S)


def examples() -> list[re.Match[str]]:
    return list(EXAMPLE.finditer(GUIDE.read_text(encoding="utf-8")))


def test_the_guide_has_its_examples() -> None:
    found = examples()
    assert len(found) >= 18
    assert found[1]["file"] == "exhibit.yaml" and found[1]["output"] is None  # the base


@pytest.mark.parametrize("index", [i for i, e in enumerate(examples()) if e["output"]])
def test_example_output_is_what_the_kiosk_prints(
        index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Build `my-exhibit` from the guide's base exhibit.yaml and the example's file."""
    found = examples()
    example = found[index]
    base = next(e for e in found if e["output"] is None)
    folder = tmp_path / "my-exhibit"
    (folder / "events").mkdir(parents=True)
    (folder / "exhibit.yaml").write_text(base["yaml"], encoding="utf-8")
    (folder / example["file"]).write_text(example["yaml"], encoding="utf-8")
    for image in (example["images"] or "").split(","):  # photos the example's folder holds
        if image.endswith(".heic"):  # an iPhone's photo: a HEIF header is what is checked
            (folder / image).parent.mkdir(parents=True, exist_ok=True)
            (folder / image).write_bytes(HEIC)
        elif image:
            write_image(folder / image)
    monkeypatch.chdir(tmp_path)
    assert example["command"] == "kiosk validate my-exhibit"
    main(["validate", "my-exhibit"])
    assert capsys.readouterr().out == example["output"]


def test_the_format_lists_every_interface_word() -> None:
    """The words an exhibit may give are i18n's: the format's table lists each of them."""
    from kiosk.core.i18n import interface_keys
    text = (ROOT / "docs" / "content-format.md").read_text(encoding="utf-8")
    for key, english in interface_keys().items():
        assert f"| `{key}` | {english} |" in text, key


def test_the_guide_lists_the_colour_title_and_column_messages() -> None:
    """Issue 27's last messages each have a row in the guide's table of messages (each
    message's exact text is asserted in tests/content/test_problems.py)."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text[text.index("### Every message"):text.index("## Mistakes that look right")]
    for message in ("is too close to the timeline's track", "is too light for the era's white "
                    "name", "is the colour of era 'x' too", "era colours are used up",
                    "takes 5 lines on the welcome screen", "is too long for the top bar of "
                    "the event screens", "has the invisible character U+200B",
                    "'subtitle' (en) takes 6 lines", "a heading's '#' is shown as typed",
                    "a table is shown as typed", "only an event's body is Markdown",
                    "has the date and title of event", "years after every other event",
                    "but the event is placed at 1981", "5 times as wide as it is high",
                    "ends with a line break", "starts with spaces", "has a tab"):
        assert message in table, message
