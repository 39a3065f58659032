"""`kiosk bench` reports every figure staff read, from a real kiosk process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.tools.bench import report_lines
from tests.conftest import write_image

pytestmark = pytest.mark.bench


SOAK = 2  # attract cycles and navigations: enough for the curve's shape


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """One quick run of the real benchmark (short idle windows, 20 navigations for the memory
    growth, a tiny soak): the figures' shape and sanity, not their values."""
    root = tmp_path_factory.mktemp("bench") / "content"
    (root / "media").mkdir(parents=True)
    events = "\n".join(f"  - {{id: e{i}, date: {1990 + i}, title: E{i}, media: "
                       f"[{{image: media/{i}.jpg, alt: A}}]}}" for i in range(3))
    (root / "exhibit.yaml").write_text(f"format: 1\ntitle: Small\nevents:\n{events}\n",
                                       encoding="utf-8")
    for i in range(3):
        write_image(root / "media" / f"{i}.jpg", colour=(40 * i, 90, 140))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software",
               KIOSK_BENCH_NAVIGATIONS="20")
    run = subprocess.run([sys.executable, "-m", "kiosk", "bench", str(root), "--json",
                          "--size", "960x540", "--idle-seconds", "0.2", "--soak", str(SOAK)],
                         env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
                         check=False)
    assert run.returncode == 0, run.stderr
    return root, json.loads(run.stdout)


def test_bench_json_has_every_figure(bench_run: tuple[Path, dict[str, Any]]) -> None:
    _, figures = bench_run
    gestures = {f"{name}_{figure}" for name in ("swipe", "photo_pinch", "timeline_pinch")
                for figure in ("moves", "dropped", "gap_ms")}
    assert set(figures) == {"first_frame_ms", "next_p50_ms", "next_p95_ms", "viewer_open_ms",
                            "drag_follow_ms", "pss_mb", "pss_growth_mb", "backend",
                            "idle_welcome_cpu_pct", "idle_welcome_cpu_range",
                            "idle_welcome_less_motion_cpu_pct",
                            "idle_welcome_less_motion_cpu_range", "idle_event_cpu_pct",
                            "idle_event_cpu_range", "soak_growth_mb", "soak_curve",
                            "idle_welcome_fps", "idle_welcome_less_motion_fps",
                            "idle_event_fps", "swipe_lag_p50_px", "swipe_lag_max_px"} | gestures
    assert figures["swipe_moves"] > 0 and 0 <= figures["swipe_dropped"] <= figures["swipe_moves"]
    assert 0 < figures["first_frame_ms"] < 60_000
    assert 0 < figures["next_p50_ms"] <= figures["next_p95_ms"]
    assert figures["drag_follow_ms"] is None  # three events: the whole timeline fits
    assert figures["pss_mb"] > 20  # a real process was measured
    assert figures["backend"] == "software"
    for screen in ("welcome", "welcome_less_motion", "event"):
        low, high = figures[f"idle_{screen}_cpu_range"]
        assert 0 <= low <= figures[f"idle_{screen}_cpu_pct"] <= high
    assert figures["idle_event_fps"] == 0  # an event with nobody touching draws nothing
    steps = [step for step, _ in figures["soak_curve"]]
    assert steps == sorted(steps) and steps[-1] == 2 * SOAK  # the cycles, then navigations
    assert all(mb > 20 for _, mb in figures["soak_curve"])


def test_bench_table_is_readable(bench_run: tuple[Path, dict[str, Any]]) -> None:
    """The table staff read, from a real run's figures (its layout with made-up figures:
    tests/tools/test_targets.py)."""
    root, figures = bench_run
    first, *lines = report_lines(root, figures, 3, (960, 540))
    assert first.startswith("This laptop is ") and first.endswith(".")
    for label in ("start-up", "next event, slowest tap in 20", "photo viewer, tap to full screen", "memory", "memory growth over 1,000 taps",
                  "timeline drag", "idle processor, welcome screen", "CPU idle, an event"):
        assert sum(line.startswith(f"  {label}  ") for line in lines) == 1, label
    assert any("(target at most 100 ms): " in line for line in lines)
