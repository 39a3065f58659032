"""`kiosk bench`: start the kiosk as a fresh process, drive it with real input events and
measure what a visitor feels (first frame, next event, photo viewer, a drag following the
finger) and what the laptop pays: memory and its growth over 1,000 further navigations, CPU
while nobody touches it (welcome screen with its attract cycle, "less motion", an event), and
with `--soak N`, memory over N attract cycles and N navigations.

The parent measures from outside with psutil (process start, memory: PSS on Linux, USS on
Windows; CPU time); the child, started with the hidden `_bench-child` command, drives its own
window with mouse events sent to it (not QtTest, which the packaged program leaves out; the
swipe and pinch figures need QtTest's touch sequences, so they are measured from source only)
and reports JSON lines.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil

from kiosk.services import exits
from kiosk.services.memory import process_mb
from kiosk.services.supervisor import child_command
from kiosk.tools.bench_protocol import go_on, messages
from kiosk.tools.targets import headline, verdicts

IDLE_WINDOWS = 3  # CPU is measured over this many windows per screen, for the spread
SOAK_WARM_UP = 0.1  # growth counts from this share of the soak on


def memory_mb(pid: int) -> float:
    """Memory of the kiosk process and its children, in MB (PSS on Linux, USS on Windows)."""
    return process_mb(pid, children=True)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and its children so far."""
    process = psutil.Process(pid)
    total = 0.0
    for one in [process, *process.children(recursive=True)]:
        try:
            times = one.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def cpu_percent(pid: int, seconds: float) -> float:
    """Share of one core the process tree used over the next `seconds` (100 = one core)."""
    before, start = cpu_seconds(pid), time.perf_counter()
    time.sleep(seconds)
    return 100 * (cpu_seconds(pid) - before) / (time.perf_counter() - start)


def bench(folder: Path, as_json: bool, size: tuple[int, int] = (1920, 1080),
          record_statistics: bool = True, idle_seconds: float | None = None,
          soak: int = 0) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env["QT_QPA_PLATFORM"] == "offscreen":
        env.setdefault("QT_QUICK_BACKEND", "software")
    command = [*child_command(["_bench-child", str(folder), "--size", f"{size[0]}x{size[1]}",
                               "--soak", str(soak),
                               *([] if record_statistics else ["--no-statistics"])])]
    started = time.time()
    child = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, encoding="utf-8")
    assert child.stdin is not None and child.stdout is not None
    results: dict[str, Any] = {"idle": {}, "fps": {}, "soak": []}
    for kind, message in messages(child.stdout):
        if kind == "error":
            print(message["text"], file=sys.stderr)
            child.wait()
            return exits.PROBLEMS
        if kind == "first_frame":
            results["first_frame_ms"] = (message["t"] - started) * 1000
        elif kind == "visited":
            results.update(message)
            results["pss_mb"] = memory_mb(child.pid)
            go_on(child.stdin)
        elif kind == "navigated":
            results["pss_after_mb"] = memory_mb(child.pid)
            go_on(child.stdin)
        elif kind == "idle":  # the child sits still on a screen: measure, then let it go on
            window = idle_seconds or message["attract_interval"]
            results["idle"][message["screen"]] = [cpu_percent(child.pid, window)
                                                  for _ in range(IDLE_WINDOWS)]
            go_on(child.stdin)
        elif kind == "frames":
            results["fps"][message["screen"]] = message["fps"]
        elif kind == "soak":
            results["soak"].append((message["step"], memory_mb(child.pid)))
        elif kind == "done":
            child.stdin.close()
            break
    child.wait(60)
    if child.returncode != 0 or "pss_after_mb" not in results:
        print(f"the benchmark's kiosk process failed (exit {child.returncode})", file=sys.stderr)
        return exits.PROBLEMS
    figures = summarise(results)
    if as_json:
        print(json.dumps(figures))
    else:
        print("\n".join(report_lines(folder, figures, len(results["next_ms"]) + 1, size,
                                     record_statistics)))
    return exits.OK


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    next_ms: list[float] = results["next_ms"]
    idle: dict[str, list[float]] = results["idle"]
    drag_ms: list[float] = results["drag_ms"]
    figures: dict[str, Any] = {
        "first_frame_ms": round(results["first_frame_ms"], 1),
        "next_p50_ms": round(statistics.median(next_ms), 1),
        "next_p95_ms": round(percentile(next_ms, 95), 1),
        "viewer_open_ms": round(results["viewer_open_ms"], 1),
        "drag_follow_ms": round(statistics.median(drag_ms), 1) if drag_ms else None,
        "pss_mb": round(results["pss_mb"], 1),
        "pss_growth_mb": round(results["pss_after_mb"] - results["pss_mb"], 1),
        "backend": results["backend"],
    }
    figures.update({name: round(value, 1) for name, value in results["gestures"].items()})
    for screen in ("welcome", "welcome_less_motion", "event"):
        windows = idle[screen]
        figures[f"idle_{screen}_cpu_pct"] = round(statistics.median(windows), 1)
        figures[f"idle_{screen}_cpu_range"] = [round(min(windows), 1), round(max(windows), 1)]
        figures[f"idle_{screen}_fps"] = round(results["fps"][screen], 2)
    soak: list[tuple[int, float]] = results["soak"]
    if soak:
        figures["soak_growth_mb"] = round(soak_growth(soak), 1)
        figures["soak_curve"] = [[step, round(mb, 1)] for step, mb in soak]
    return figures


def soak_baseline(samples: list[tuple[int, float]]) -> float:
    """Memory just after warm-up: the median of the five samples from SOAK_WARM_UP of the
    way on (one sample alone moves by a few MB as Qt's caches fill and empty)."""
    warm = next(i for i, (step, _) in enumerate(samples) if step >= samples[-1][0] * SOAK_WARM_UP)
    return statistics.median(mb for _, mb in samples[warm:warm + 5])


def soak_growth(samples: list[tuple[int, float]]) -> float:
    """Memory at the end of a soak (median of the last five samples) against its baseline."""
    return statistics.median(mb for _, mb in samples[-5:]) - soak_baseline(samples)


def percentile(values: list[float], pct: int) -> float:
    """The value `pct` % of `values` lie below (the inclusive method: never beyond the
    largest value measured)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def report_lines(folder: Path, figures: dict[str, Any], events: int, size: tuple[int, int],
                 record_statistics: bool = True) -> list[str]:
    """The bench's table for staff: first the answer, then each figure with its target and
    verdict, then the engineers' figures (none of which needs a verdict)."""
    found = verdicts(figures)
    lines = [headline(found), "", f"{folder}: {events} events, {size[0]}x{size[1]}", ""]
    width = max(len(v.target.label) for v in found)
    for verdict in found:
        target = verdict.target
        value = f"{_figure(verdict.value)} {target.unit}"
        lines.append(f"  {target.label:<{width}}  {value:>9}  (target {target.limits()}): "
                     f"{verdict.words}")
    if figures.get("drag_follow_ms") is None:
        lines.append(f"  {'timeline drag':<{width}}  {'-':>9}  the whole timeline fits the "
                     "screen: nothing to drag")
    lines += ["", "For engineers (docs/performance.md says how each is measured):"]

    def cpu(screen: str) -> str:
        low, high = figures[f"idle_{screen}_cpu_range"]
        return (f"{figures[f'idle_{screen}_cpu_pct']:.1f} % of a core ({low:.1f} - {high:.1f}), "
                f"{figures[f'idle_{screen}_fps']:.1f} frames/s")

    rows = [
        ("next event, median", f"{figures['next_p50_ms']:.1f} ms"),
        ("CPU idle, welcome", cpu("welcome")),
        ("CPU idle, welcome, less motion", cpu("welcome_less_motion")),
        ("CPU idle, an event", cpu("event")),
    ]
    if "swipe_lag_p50_px" not in figures:
        rows.append(("swipe and pinch", "measured from source only (needs QtTest)"))
    else:
        rows.append(("swipe: picture behind the finger, median",
                     f"{figures['swipe_lag_p50_px']:.0f} px"))
        rows.append(("swipe: picture behind the finger, worst",
                     f"{figures['swipe_lag_max_px']:.0f} px"))
    for name, key in (("swipe", "swipe"), ("pinch, photo", "photo_pinch"),
                      ("pinch, timeline", "timeline_pinch")):
        if key + "_moves" not in figures:
            continue
        rows.append((f"{name}: moves without a frame",
                     f"{figures[key + '_dropped']:.0f} of {figures[key + '_moves']:.0f}"))
        rows.append((f"{name}: longest gap between frames", f"{figures[key + '_gap_ms']:.0f} ms"))
    if "soak_curve" in figures:
        steps = figures["soak_curve"][-1][0] // 2
        rows.append(("soak", f"{steps} attract cycles + {steps} navigations"))
    rows.append(("machine", f"{os.cpu_count()} cores, platform "
                 f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}, renderer "
                 f"{figures['backend']}"))
    rows.append(("visitor statistics", "recorded as the kiosk does, into a scratch file "
                 "(deleted; the kiosk's own statistics are not touched)" if record_statistics
                 else "not recorded (--no-statistics)"))
    name_width = max(len(name) for name, _ in rows)
    lines += [f"  {name:<{name_width}}  {value}" for name, value in rows]
    return lines


def _figure(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.1f}"
