"""The guide's "Bringing content in" shows real output: each command is run again here."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from tests.conftest import DATA, ROOT, write_image

GUIDE = ROOT / "docs" / "content-guide.md"
SECTION = re.compile(r"## Bringing content in\n(.*?)\n## ", re.S)
SOURCE = re.compile(r"<!-- import example: (?P<file>\S+) with (?P<images>\S+) -->\n"
                    r"```json\n(?P<json>.*?)```", re.S)
RUNS = re.compile(r"```text\n(?P<runs>\$ kiosk (?:import|export) .*?)```", re.S)


def section() -> str:
    found = SECTION.search(GUIDE.read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1)


def test_every_command_of_the_section_prints_what_the_guide_shows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = section()
    source = SOURCE.search(text)
    assert source is not None
    (tmp_path / source["file"]).write_text(source["json"], encoding="utf-8")
    for image in source["images"].split(","):
        write_image(tmp_path / image, (1600, 1000))
    shutil.copytree(DATA, tmp_path / "unv")
    monkeypatch.chdir(tmp_path)
    blocks = RUNS.findall(text)
    assert len(blocks) == 2
    commands = 0
    for block in blocks:
        for run in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, expected = run.partition("\n")
            assert main(shlex.split(command)[1:]) == 0, command
            # paths print as the system writes them: sheet\unv.xlsx on Windows
            assert capsys.readouterr().out.replace(os.sep, "/") == expected, command
            commands += 1
    assert commands == 3
