"""benchmarks/compare.py: its held-out exhibit is valid content, and its table says what each
commit measured, with a dash where an old commit's bench has no such figure."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from kiosk.content import load_folder

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def compare_module() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))  # compare.py uses make_large.py beside it
    spec = importlib.util.spec_from_file_location("compare", BENCHMARKS / "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["compare"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


def test_held_out_exhibit_is_valid_and_made_once(tmp_path: Path) -> None:
    compare = compare_module()
    root = compare.make_exhibit(tmp_path / "exhibit-20", (1280, 720))  # the smallest that looks sharp: quick
    result = load_folder(root)
    assert result.exhibit is not None, [str(p) for p in result.problems]
    assert not result.problems  # not even a warning: nothing for the kiosk to report
    assert len(result.exhibit.events) == compare.EVENTS
    assert all(event.media for event in result.exhibit.events)
    stamp = {path: path.stat().st_mtime_ns for path in root.rglob("*")}
    compare.make_exhibit(root, (1280, 720))  # the second comparison reuses it
    assert {path: path.stat().st_mtime_ns for path in root.rglob("*")} == stamp


def test_table_has_medians_ratios_and_a_dash_for_a_missing_figure() -> None:
    compare = compare_module()
    old = compare.Build("964a409", "964a409" + "0" * 33, Path("old"))
    new = compare.Build("main", "13fa828" + "0" * 33, Path("new"))
    samples = {
        old.sha: {"held-out": {"wall_s": [0.5, 0.52, 0.6], "drag_follow_ms": [None, None],
                               "next_p95_ms": [40.0, 50.0]}},
        new.sha: {"held-out": {"wall_s": [0.9, 1.0, 0.95], "drag_follow_ms": [8.0, 9.0],
                               "next_p95_ms": [30.0, 20.0]}},
    }
    table = compare.table([old, new], samples, ["held-out"])
    rows = {line.split("|")[1].strip(): line for line in table.splitlines()}
    wall = rows["whole process: start, first frame, exit (wall)"]
    assert "0.52 s (n=3)" in wall and "0.95 s (n=3) x1.83" in wall
    drag = rows["bench: drag follows the finger"]
    assert "| - (n=0) |" in drag and "8.5 ms (n=2)" in drag
    assert "25.0 ms (n=2) x0.56" in rows["bench: next event, p95"]
