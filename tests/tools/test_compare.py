"""benchmarks/compare.py: its held-out exhibit is valid content, and its table says what each
commit measured, with a dash where an old commit's bench has no such figure."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

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


def build(compare: ModuleType, name: str, sha: str) -> Any:
    return compare.Build(name, sha + "0" * (40 - len(sha)), Path(name), Path("venv"),
                         Path("cache"))


def test_table_has_medians_ratios_and_a_dash_for_a_missing_figure() -> None:
    compare = compare_module()
    old, new = build(compare, "964a409", "964a409"), build(compare, "main", "13fa828")
    samples = {
        old.name: {"held-out": {"wall_s": [0.5, 0.52, 0.6], "drag_follow_ms": [None, None],
                                "next_p95_ms": [40.0, 50.0], "pss_growth_mb": [4.0, 6.0]}},
        new.name: {"held-out": {"wall_s": [0.9, 1.0, 0.95], "drag_follow_ms": [8.0, 9.0],
                                "next_p95_ms": [30.0, 20.0], "pss_growth_mb": [1.0, 3.0]}},
    }
    table = compare.table([(old.name, old.label), (new.name, new.label)], samples, ["held-out"])
    lines = table.splitlines()
    assert lines[0] == "| figure | 964a409 (964a409) | main (13fa828) |"
    rows = {line.split("|")[1].strip(): line for line in lines}
    wall = rows["start to first frame and exit, home kept: wall"]
    assert "0.52 s (n=3)" in wall and "0.95 s (n=3) x1.83" in wall
    drag = rows["bench: drag follows the finger"]
    assert "| - (n=0) |" in drag and "8.5 ms (n=2)" in drag
    assert "25.0 ms (n=2) x0.56" in rows["bench: next event, p95"]
    growth = rows["bench: growth over 1,000 navigations"]  # a growth has no ratio: 2 / 5
    assert "5.0 MB (n=2)" in growth and "2.0 MB (n=2) |" in growth and " x" not in growth
    assert "start to first frame and exit, home kept: CPU (user + system)" not in rows


def test_timelinejs_column_gives_each_commits_share_of_it() -> None:
    compare = compare_module()
    old, new = build(compare, "964a409", "964a409"), build(compare, ".", "a4076fc")
    assert new.label == ". (a4076fc + changes)"
    samples = {
        old.name: {"20": {"wall_s": [1.0], "pss_peak_mb": [100.0], "next_p95_ms": [40.0]}},
        new.name: {"20": {"wall_s": [0.8], "pss_peak_mb": [120.0], "next_p95_ms": [30.0]}},
        compare.TIMELINEJS: {"20": {"wall_s": [4.0, 3.0, 5.0], "pss_peak_mb": [480.0]}},
    }
    columns = [(old.name, old.label), (new.name, new.label),
               (compare.TIMELINEJS, "TimelineJS 3.9.11, Chromium")]
    table = compare.table(columns, samples, ["20"], against=compare.TIMELINEJS)
    rows = {line.split("|")[1].strip(): line.split("|")[2:-1] for line in table.splitlines()}
    assert rows["figure"][-1].strip() == "of TimelineJS 3.9.11, Chromium"
    wall = [cell.strip() for cell in rows["start to first frame and exit, home kept: wall"]]
    assert wall == ["1.00 s (n=1)", "0.80 s (n=1) x0.80", "4.00 s (n=3) x4.00", "x0.25, x0.20"]
    pss = [cell.strip() for cell in rows["start to first frame and exit, home kept: "
                                         "largest PSS (sampled)"]]
    assert pss[-1] == "x0.21, x0.25"
    assert rows["bench: next event, p95"][-1].strip() == "-, -"  # TimelineJS has no such figure


def test_bench_figures_are_the_last_json_object_printed() -> None:
    compare = compare_module()
    out = ('progress: 3 of 20 events\n{"not": "the last"}\n'
           '{"first_frame_ms": 410.5, "next_p95_ms": 48.0}\n{broken\ndone\n')
    assert compare.bench_figures(out) == {"first_frame_ms": 410.5, "next_p95_ms": 48.0}
    assert compare.bench_figures("no figures at all\n") is None
    assert compare.bench_figures("[1, 2]\n") is None


def test_a_venv_is_reused_only_for_the_lock_it_was_installed_from(tmp_path: Path) -> None:
    compare = compare_module()
    checkout = tmp_path / "checkout"
    (checkout / "requirements").mkdir(parents=True)
    lock = "pyside6-essentials==6.11.3 \\\n    --hash=sha256:00\n"
    (checkout / compare.LOCKS[0]).write_text(lock, encoding="utf-8")
    venv = checkout / ".venv"
    assert compare.lock_beside(venv) == lock
    assert compare.venv_for(lock, tmp_path / "work", venv) == venv  # nothing installed
    other = "pyside6-essentials==6.10.0 \\\n    --hash=sha256:11\n"
    key = compare.hashlib.sha256(other.encode("utf-8")).hexdigest()[:12]
    made = tmp_path / "work" / "venvs" / key
    made.mkdir(parents=True)
    (made / "compare-installed").write_text("ok", encoding="utf-8")  # as after its install
    assert compare.venv_for(other, tmp_path / "work", venv) == made


@pytest.mark.e2e
def test_two_trees_side_by_side(tmp_path: Path) -> None:
    """One start of this working tree and one of its commit, alternating, on the held-out
    exhibit: a table with a figure for each (about a minute)."""
    if compare_module().running_venv() is None:
        pytest.skip("needs the project's venv")
    try:
        done = subprocess.run(
            [sys.executable, str(BENCHMARKS / "compare.py"), ".", "HEAD", "--runs", "1",
             "--bench-runs", "0", "--pss-every", "0", "--work", str(tmp_path)],
            capture_output=True, text=True, encoding="utf-8", timeout=600)
    finally:  # the worktree it made goes with tmp_path: git forgets it
        for folder in tmp_path.iterdir():
            if (folder / ".git").exists():
                subprocess.run(["git", "worktree", "remove", "--force", str(folder)],
                               cwd=BENCHMARKS, capture_output=True)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {line.split("|")[1].strip(): line.split("|")[2:-1] for line in
            done.stdout.splitlines() if line.startswith("|")}
    for figure in ("start to first frame and exit, home kept: wall",
                   "the same, fresh home (first start of the content): CPU (user + system)"):
        here, commit = rows[figure]
        assert here.strip().endswith("(n=1)") and "(n=1) x" in commit
        assert float(here.split()[0]) > 0
