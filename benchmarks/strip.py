"""The timeline strip at scale: how long a zoom level takes to lay out, and whether the
strip keeps the frame rate while a finger drags it.

    python benchmarks/strip.py FOLDER [--size 1920x1080] [--lang en] [--moves 60]

FOLDER is an exhibit, e.g. `benchmarks/scale.py make 1000 /tmp/scale-1000` (1,000 events,
titles of 60-200 characters in English and Chinese) or `benchmarks/make_large.py`.
Printed (one JSON line, figures in ms):

- layout: the marks of one zoom level (rows, groups, their texts) from the typeset labels,
  for every level of the zoom ladder, each computed afresh (`Timeline._marks_at`, the pure
  `kiosk.core.strip_layout.marks` inside): the median and the slowest level; and a whole change
  of level as a pinch makes it (`Timeline.setZoom`: the marks, the lists QML reads, the
  marks near the view): median and slowest;
- drag: in the real window (offscreen, software renderer, as `kiosk bench`), from each
  move of a finger dragging the strip to the frame that shows it moved, over `--moves`
  moves of 12 px: median, 95th percentile, slowest, and how many took longer than a frame
  at 60 Hz (16.7 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QPointF

    from kiosk.content import load_folder
    from kiosk.core.strip_layout import ZOOM_STEP
    from kiosk.tools.bench_child import mouse, settle, wait_for
    from kiosk.ui.shell.app import application
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view, find_item

    result = load_folder(Path(args.folder))
    if result.exhibit is None:
        sys.exit("the folder does not load: run kiosk validate on it")
    exhibit = result.exhibit
    app = application()
    session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000, reduced_motion=True,
                      default_language=args.lang)
    view = create_view(exhibit, (width, height), session)
    window = view.window
    frames = [0]
    window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    window.show()
    timeline = session.timeline
    wait_for(lambda: frames[0] > 0, app, 120)
    wait_for(lambda: not timeline.busy, app, 300)  # the labels typeset (the worker)

    # layout, level by level, each afresh
    viewport = width / (min(width, height) / 1080)
    low, high = timeline.axis.zoom_range(viewport)
    levels = [low]
    while levels[-1] * ZOOM_STEP <= high:
        levels.append(levels[-1] * ZOOM_STEP)
    layout_ms = []
    for level in levels:
        timeline._at_level.clear()
        start = time.perf_counter()
        timeline._marks_at(level)
        layout_ms.append((time.perf_counter() - start) * 1000)
    change_ms = []
    for level in levels:
        timeline._at_level.clear()
        start = time.perf_counter()
        timeline.setZoom(level * 1.01)
        change_ms.append((time.perf_counter() - start) * 1000)

    # drag, in the window: an event in the middle, the strip at its starting zoom
    session.navigation.openEvent(len(exhibit.events) // 2)
    timeline.resetZoom()
    wait_for(lambda: not timeline.busy, app, 120)
    settle(app, 1.0)
    flick = find_item(window, "timelineFlick")
    step = -12 if float(flick.property("contentX")) < (
        float(flick.property("contentWidth")) - flick.width()) / 2 else 12
    point = flick.mapToScene(QPointF(flick.width() / 2, flick.height() * 0.8))
    mouse(window, "press", point)
    for _ in range(4):  # past the drag threshold
        point.setX(point.x() + step)
        mouse(window, "move", point)
        settle(app, 0.02)
    drag_ms: list[float] = []
    for _ in range(args.moves):
        before = flick.property("contentX")
        point.setX(point.x() + step)
        start = time.perf_counter()
        mouse(window, "move", point)
        wait_for(lambda b=before: flick.property("contentX") != b, app)
        seen = frames[0]
        wait_for(lambda s=seen: frames[0] > s, app)
        drag_ms.append((time.perf_counter() - start) * 1000)
        settle(app, 0.016)
    mouse(window, "release", point)

    figures: dict[str, Any] = {
        "events": len(exhibit.events), "size": args.size, "lang": args.lang,
        "marks_at_start": len(timeline.property("marks")),
        "levels": len(levels),
        "layout_median_ms": round(statistics.median(layout_ms), 1),
        "layout_max_ms": round(max(layout_ms), 1),
        "level_change_median_ms": round(statistics.median(change_ms), 1),
        "level_change_max_ms": round(max(change_ms), 1),
        "drag_median_ms": round(statistics.median(drag_ms), 1),
        "drag_p95_ms": round(percentile(drag_ms, 0.95), 1),
        "drag_max_ms": round(max(drag_ms), 1),
        "drag_over_a_frame": sum(ms > 1000 / 60 for ms in drag_ms),
        "drag_moves": len(drag_ms),
        "load_average": [round(v, 1) for v in os.getloadavg()] if hasattr(os, "getloadavg")
        else None,
    }
    print(json.dumps(figures), flush=True)
    window.close()


if __name__ == "__main__":
    main()
