"""Problem listings stay proportionate: each file read once, a window of a long line, the
first problems of each file and then how many more, in the terminal, the log and the
editor panel alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_folder
from kiosk.content import problems as P
from tests.conftest import MakeFolder

EXHIBIT = "format: 1\ntitle: Test exhibit\n"


def unknown_keys(count: int) -> str:
    return "id: x\ndate: 1990\ntitle: T\n" + "".join(f"unknown_{n}: 1\n" for n in range(count))


def test_many_problems_list_the_first_of_each_file_then_a_count(
        make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_folder(EXHIBIT, events={"x.yaml": unknown_keys(3000),
                                        "y.yaml": unknown_keys(2)})
    assert main(["validate", str(root)]) != 0
    out = capsys.readouterr().out
    first = "events/x.yaml:4:1: error: event 'x': unknown key 'unknown_0'"
    assert out.startswith(first)
    assert "unknown key 'unknown_49'" in out and "unknown key 'unknown_50'" not in out
    assert f"\nand {3000 - P.SHOWN_PER_FILE:,} more problems in events/x.yaml\n" in out
    assert "events/y.yaml:5:1: error: event 'x': unknown key 'unknown_1'" in out
    assert out.rstrip().endswith(f"{root}: {3002 + 1} errors, 0 warnings")  # (+ the id twice)
    assert len(out.splitlines()) < 3 * (2 * P.SHOWN_PER_FILE) + 10


def test_a_long_line_is_read_once_and_shown_as_a_window(make_folder: MakeFolder,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """500 errors on one line of 200 kB: a window of the line under each, not the line."""
    values = ", ".join(f"k{n}: 1" for n in range(500))
    root = make_folder(EXHIBIT, events={"x.yaml": f"{{id: x, date: 1990, title: T, {values}, "
                                                   f"note: '{'long text ' * 20_000}'}}\n"})
    reads: list[str] = []
    real = P.read_limited

    def counting(root: Path, path: Path, max_bytes: int) -> bytes:
        reads.append(str(path))
        return real(root, path, max_bytes)

    monkeypatch.setattr(P, "read_limited", counting)
    result = load_folder(root)
    assert len(result.errors) == 501
    text = P.listing(result.problems, root, str(root))
    assert len(reads) == 1
    assert len(text) < 60 * 1024  # it was 100 MB: the line under each of 500 problems
    lines = text.splitlines()
    caret = lines.index(next(line for line in lines if "unknown key 'k7'" in line))
    source, under = lines[caret + 1], lines[caret + 2]
    assert source.startswith("   1 | …") or source.startswith(" 1 | …")
    assert len(source) < P.WINDOW_CHARS + 20
    assert source[under.index("^"):].startswith("k7: 1")  # the caret under its key
