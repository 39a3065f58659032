"""`kiosk bench`'s verdicts: each figure against its target, the first line's answer, and the
targets quoted in docs/performance.md, on figures the test gives (no bench is run here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.tools.bench import report_lines
from kiosk.tools.targets import BY_KEY, GOOD, TARGETS, headline, markdown_table, verdicts
from tests.conftest import ROOT

# A quick laptop's figures, as `kiosk bench --json` gives them
QUICK: dict[str, Any] = {
    "first_frame_ms": 1190.0, "next_p50_ms": 24.5, "next_p95_ms": 50.1, "viewer_open_ms": 11.0,
    "drag_follow_ms": 8.2, "pss_mb": 112.3, "pss_growth_mb": 0.9, "backend": "software",
    "idle_welcome_cpu_pct": 1.7, "idle_welcome_cpu_range": [1.5, 2.0],
    "idle_welcome_less_motion_cpu_pct": 0.5, "idle_welcome_less_motion_cpu_range": [0.4, 0.6],
    "idle_event_cpu_pct": 0.0, "idle_event_cpu_range": [0.0, 0.1], "idle_welcome_fps": 2.1,
    "idle_welcome_less_motion_fps": 0.3, "idle_event_fps": 0.0, "swipe_lag_p50_px": 12.0,
    "swipe_lag_max_px": 40.0, "swipe_moves": 36, "swipe_dropped": 5, "swipe_gap_ms": 48.0,
}


def test_a_quick_laptop_is_good_enough() -> None:
    found = verdicts(QUICK)
    assert [v.words for v in found] == [GOOD] * len(found)
    assert headline(found) == "This laptop is good enough for this exhibit."


def test_a_slow_next_event_is_named_in_the_first_line() -> None:
    figures = dict(QUICK, next_p95_ms=612.0, viewer_open_ms=140.0)
    found = {v.target.key: v.words for v in verdicts(figures)}
    assert found["next_p95_ms"] == "slow: expect visitors to notice"
    assert found["viewer_open_ms"] == "a little slow: quick visitors may notice"
    assert headline(verdicts(figures)) == ("This laptop is not good enough for this exhibit: "
                                           "next event (see below).")


def test_a_little_over_target_is_still_good_enough() -> None:
    figures = dict(QUICK, idle_welcome_cpu_pct=14.0, pss_mb=420.0)
    assert headline(verdicts(figures)) == (
        "This laptop is good enough for this exhibit, though memory and idle processor, "
        "welcome screen could be better (see below).")


def test_limits_are_inclusive_and_a_figure_without_target_has_no_verdict() -> None:
    target = BY_KEY["next_p95_ms"]
    assert target.verdict(100) == GOOD
    assert target.verdict(300) == target.fair_words
    assert target.verdict(300.1) == target.poor_words
    assert BY_KEY["pss_growth_mb"].verdict(-9.2) == GOOD  # memory given back
    keys = {v.target.key for v in verdicts(dict(QUICK, drag_follow_ms=None))}
    assert "drag_follow_ms" not in keys and "soak_growth_mb" not in keys


def test_the_table_reads_as_staff_need_it() -> None:
    lines = report_lines(Path("data"), dict(QUICK, next_p95_ms=612.0), 24, (1920, 1080))
    assert lines[0] == "This laptop is not good enough for this exhibit: next event (see below)."
    text = "\n".join(lines)
    assert ("  next event, slowest tap in 20         612 ms  (target at most 100 ms): "
            "slow: expect visitors to notice") in lines
    assert "  memory                                112 MB  (target at most 300 MB): good" \
        in lines
    staff, engineers = text.split("For engineers")
    assert "px" not in staff and "gap" not in staff  # the expert figures come after the heading
    assert "picture behind the finger, worst" in engineers and "40 px" in engineers
    assert "longest gap between frames" in engineers
    assert "the kiosk's own statistics are not touched" in engineers
    assert "recorded\n" not in text


def test_docs_quote_the_targets() -> None:
    performance = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    assert markdown_table() in performance
    assert len(TARGETS) == len(BY_KEY)
