"""What a finger feels, for `kiosk bench`: a swipe over the event and two pinches (the
full-screen photo, the timeline's years), driven with real touch events at 60 a second.

- *lag*: at every frame presented during the swipe, how far the finger has gone beyond
  what the frame shows of the picture (px at the window's size; 0 is 1:1);
- *dropped frames*: touch moves that did not get a frame of their own before the next
  move came (a move every 16.7 ms, as a 60 Hz touch screen sends them), and the longest
  gap between two frames.

Offscreen, with Qt's software renderer, nothing waits for a display's vertical blank:
a frame is drawn as soon as something changed, so these figures bound what the UI thread
costs; a real screen adds its own scan-out latency.
"""

from __future__ import annotations

import itertools
import statistics
import time
from collections.abc import Callable
from typing import Any

MOVE_MS = 1000 / 60  # a touch screen reports at about 60 Hz
GESTURE_MS = 600.0


def measure_gestures(window: Any, navigation: Any, exhibit: Any, app: Any,
                     settle: Callable[[Any, float], None]) -> dict[str, float]:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtTest import QTest

    from kiosk.ui.shell.view import find_item

    device = QTest.createTouchDevice()
    frames: list[tuple[float, float, float]] = []  # (time, finger dx, picture offset)
    finger = [0.0]
    pager = find_item(window, "eventPager")

    def on_frame() -> None:
        frames.append((time.perf_counter(), finger[0], float(pager.property("offset"))))

    window.frameSwapped.connect(on_frame)

    def drive(points: Callable[[float], list[QPoint]]) -> tuple[int, float, float]:
        """Press, move along `points(fraction)` every MOVE_MS, release; returns the moves
        sent, the frames dropped and the longest gap between frames (ms)."""
        frames.clear()
        start_points = points(0.0)
        sequence = QTest.touchEvent(window, device)
        for i, p in enumerate(start_points):
            sequence.press(i, p, window)
        sequence.commit()
        started = time.perf_counter()
        moves = round(GESTURE_MS / MOVE_MS)
        move_times: list[float] = []
        for step in range(1, moves + 1):
            due = started + step * MOVE_MS / 1000
            while time.perf_counter() < due:
                app.processEvents()
            sequence = QTest.touchEvent(window, device)
            current = points(step / moves)
            finger[0] = float(current[0].x() - start_points[0].x())
            for i, p in enumerate(current):
                sequence.move(i, p, window)
            sequence.commit()
            move_times.append(time.perf_counter())
        end = started + (moves + 1) * MOVE_MS / 1000
        while time.perf_counter() < end:
            app.processEvents()
        sequence = QTest.touchEvent(window, device)
        for i, p in enumerate(points(1.0)):
            sequence.release(i, p, window)
        sequence.commit()
        # a move is dropped when no frame was presented between it and the next one
        times = [t for t, _, _ in frames]
        dropped = sum(1 for a, b in zip(move_times, [*move_times[1:], end], strict=True)
                      if not any(a <= t < b for t in times))
        gaps = [b - a for a, b in itertools.pairwise(times)]
        return moves, float(dropped), 1000 * max(gaps, default=0.0)

    # 1. A swipe over the event's picture, right to left: 300 px in 0.6 s.
    navigation.openEvent(0)
    settle(app, 0.5)
    origin = pager.mapToScene(QPointF(pager.width() * 0.7, pager.height() * 0.5)).toPoint()
    distance = round(GESTURE_MS)  # px

    swipe = drive(lambda f: [origin - QPoint(round(distance * f * 0.5), 0)])
    lags = [max(0.0, abs(dx) - abs(offset)) for _, dx, offset in frames if dx]
    settle(app, 0.6)

    # 2. A pinch on the full-screen photo, fingers from 200 to 600 px apart.
    navigation.openEvent(next(i for i, e in enumerate(exhibit.events) if e.media))
    navigation.openPhoto(0)
    settle(app, 0.6)
    centre = QPoint(window.width() // 2, window.height() // 2)

    def spread(f: float) -> list[QPoint]:
        gap = 100 + 200 * f
        return [centre - QPoint(round(gap), 0), centre + QPoint(round(gap), 0)]

    photo_pinch = drive(spread)
    navigation.closePhoto()
    settle(app, 0.6)

    # 3. A pinch on the timeline: its years stretch, marks regroup.
    strip = find_item(window, "timelineStrip")
    middle = strip.mapToScene(QPointF(strip.width() / 2, strip.height() * 0.6)).toPoint()

    def stretch(f: float) -> list[QPoint]:
        gap = 80 + 240 * f
        return [middle - QPoint(round(gap), 0), middle + QPoint(round(gap), 0)]

    timeline_pinch = drive(stretch)
    settle(app, 0.4)
    window.frameSwapped.disconnect(on_frame)
    ordered = sorted(lags) or [0.0]
    return {
        "swipe_lag_p50_px": statistics.median(ordered),
        "swipe_lag_max_px": ordered[-1],
        "swipe_moves": swipe[0], "swipe_dropped": swipe[1], "swipe_gap_ms": swipe[2],
        "photo_pinch_moves": photo_pinch[0], "photo_pinch_dropped": photo_pinch[1],
        "photo_pinch_gap_ms": photo_pinch[2],
        "timeline_pinch_moves": timeline_pinch[0],
        "timeline_pinch_dropped": timeline_pinch[1],
        "timeline_pinch_gap_ms": timeline_pinch[2],
    }
