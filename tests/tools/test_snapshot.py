"""`kiosk snapshot` as editors run it: one non-blank PNG per screen and language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from kiosk.content import load_folder
from tests.conftest import DATA, MINIMAL, MakeFolder


@pytest.mark.e2e  # the real command over the whole bundled exhibit: 50 screens drawn
def test_snapshot_writes_every_screen_in_every_language(tmp_path: Path) -> None:
    exhibit = load_folder(DATA).exhibit
    assert exhibit is not None
    run = subprocess.run([sys.executable, "-m", "kiosk", "snapshot", str(DATA), "--out",
                          str(tmp_path), "--size", "960x540"],
                         capture_output=True, text=True, encoding="utf-8", timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    expected = set()
    for lang in exhibit.languages:
        expected |= {f"{lang}-welcome.png", f"{lang}-photo.png", f"{lang}-idle.png"}
        expected |= {f"{lang}-{i + 1:02d}-{e.id}.png" for i, e in enumerate(exhibit.events)}
    expected.add(f"{exhibit.languages[0]}-options.png")  # the display options, once
    assert {p.name for p in tmp_path.iterdir()} == expected
    for path in tmp_path.iterdir():
        with Image.open(path) as image:
            assert image.size == (960, 540)
            colours = image.convert("RGB").resize((96, 54)).getcolors(96 * 54)
            assert colours is not None and len(colours) > 20, f"{path.name} looks blank"
    assert "screens written" in run.stdout


def test_snapshot_of_broken_content_says_why(make_folder: MakeFolder, tmp_path: Path) -> None:
    root = make_folder(MINIMAL + "    tittle: x\n")
    run = subprocess.run([sys.executable, "-m", "kiosk", "snapshot", str(root), "--out",
                          str(tmp_path / "out")], capture_output=True, text=True, encoding="utf-8", timeout=120,
                         check=False)
    assert run.returncode == 1
    assert "unknown key 'tittle'" in run.stdout
    assert "Traceback" not in run.stdout + run.stderr
