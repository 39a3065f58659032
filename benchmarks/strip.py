"""The timeline strip at scale: how long a zoom level takes to lay out, what a change of
zoom costs to the frame that shows it, and whether the strip keeps the frame rate while a
finger drags it.

    python benchmarks/strip.py FOLDER [--size 1920x1080] [--lang en] [--moves 60]

FOLDER is an exhibit, e.g. `benchmarks/make_large.py /tmp/large` (1,000 events, `kiosk
bench`'s large exhibit) or `benchmarks/scale.py make 1000 /tmp/scale-1000` (titles of
60-200 characters in English and Chinese). Printed (one JSON line, figures in ms):

- layout: the marks of one zoom level (rows, groups, their texts) from the typeset labels,
  for every level of the zoom ladder, each computed afresh (`Timeline._marks_at`, the pure
  `kiosk.core.strip_layout.marks` inside): the median and the slowest level;
- level change: a change of zoom level as a pinch or a zoom button makes it, each level
  laid out afresh, from `Timeline.setZoom` to the frame that shows it (the marks, the rows
  of the list models changed in place, the items' bindings, the drawing): median and
  slowest; and a zoom step within a level (a pinch's step: only the x roles change);
  beside them, a frame with nothing changed (a redraw asked for, to the frame), what the
  machine takes to draw the window at all at the time;
- drag: in the real window (offscreen, software renderer, as `kiosk bench`, with its drag
  loop `kiosk.tools.bench.drag_follow`), from each move of a finger dragging the strip to
  the frame that shows it moved, over `--moves` moves of 12 px: median, 95th percentile,
  slowest, and how many took longer than a frame at 60 Hz (16.7 ms).
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

    from kiosk.content import load_folder
    from kiosk.core.strip_layout import ZOOM_STEP
    from kiosk.tools.bench import percentile
    from kiosk.tools.bench_child import drag_follow, settle, wait_for
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
    session.navigation.openEvent(len(exhibit.events) // 2)  # the strip on screen
    settle(app, 1.0)

    def to_frame(change: Any) -> float:
        """ms from a change to the frame drawn after it."""
        seen = frames[0]
        start = time.perf_counter()
        change()
        window.update()  # (a frame even when nothing changed: the idle frame's figure)
        wait_for(lambda: frames[0] > seen, app)
        return (time.perf_counter() - start) * 1000

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
    frame_ms = []
    for _ in range(20):
        frame_ms.append(to_frame(lambda: None))
        settle(app, 0.05)
    change_ms, step_ms = [], []
    for level in levels:
        timeline._at_level.clear()
        change_ms.append(to_frame(lambda z=level * 1.01: timeline.setZoom(z)))
        settle(app, 0.05)
        step_ms.append(to_frame(lambda z=level * 1.06: timeline.setZoom(z)))
        settle(app, 0.05)

    # drag, in the window: an event in the middle, the strip at its starting zoom
    timeline.resetZoom()
    wait_for(lambda: not timeline.busy, app, 120)
    settle(app, 1.0)
    drag_ms = drag_follow(window, find_item(window, "timelineFlick"), frames, app,
                          moves=args.moves, pause=0.016)

    figures: dict[str, Any] = {
        "events": len(exhibit.events), "size": args.size, "lang": args.lang,
        "marks_at_start": len(timeline.marks),
        "levels": len(levels),
        "layout_median_ms": round(statistics.median(layout_ms), 1),
        "layout_max_ms": round(max(layout_ms), 1),
        "frame_median_ms": round(statistics.median(frame_ms), 1),
        "level_change_median_ms": round(statistics.median(change_ms), 1),
        "level_change_max_ms": round(max(change_ms), 1),
        "zoom_step_median_ms": round(statistics.median(step_ms), 1),
        "zoom_step_max_ms": round(max(step_ms), 1),
        "drag_median_ms": round(statistics.median(drag_ms), 1) if drag_ms else None,
        "drag_p95_ms": round(percentile(drag_ms, 95), 1) if drag_ms else None,
        "drag_max_ms": round(max(drag_ms), 1) if drag_ms else None,
        "drag_over_a_frame": sum(ms > 1000 / 60 for ms in drag_ms),
        "drag_moves": len(drag_ms),
        "load_average": [round(v, 1) for v in os.getloadavg()] if hasattr(os, "getloadavg")
        else None,
    }
    print(json.dumps(figures), flush=True)
    window.close()


if __name__ == "__main__":
    main()
