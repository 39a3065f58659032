"""`kiosk bench`: start the kiosk as a fresh process, drive it with real input events and
measure what a visitor feels (first frame, next event, photo viewer) and what the laptop
pays (memory, and its growth over 1,000 further navigations).

The parent measures from outside (process start, memory via psutil: PSS on Linux, USS on
Windows); the child, started with the hidden `_bench-child` command, drives its own window
with mouse events sent to it (not QtTest, which the packaged program leaves out) and reports
JSON lines.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk.services.memory import process_mb
from kiosk.services.supervisor import child_command

NAVIGATIONS = 1000


def pss_mb(pid: int) -> float:
    """Memory of the kiosk process and its children, in MB (PSS on Linux, USS on Windows)."""
    return process_mb(pid, children=True)


def bench(folder: Path, as_json: bool, size: tuple[int, int] = (1920, 1080),
          record_statistics: bool = True) -> int:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env["QT_QPA_PLATFORM"] == "offscreen":
        env.setdefault("QT_QUICK_BACKEND", "software")
    command = [*child_command(["_bench-child", str(folder), "--size", f"{size[0]}x{size[1]}",
                               *([] if record_statistics else ["--no-statistics"])])]
    started = time.time()
    child = subprocess.Popen(command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, encoding="utf-8")
    assert child.stdin is not None and child.stdout is not None
    results: dict[str, Any] = {}
    for line in child.stdout:
        message = json.loads(line)
        kind = message.pop("kind")
        if kind == "error":
            print(message["text"], file=sys.stderr)
            child.wait()
            return 1
        if kind == "first_frame":
            results["first_frame_ms"] = (message["t"] - started) * 1000
        elif kind == "visited":
            results.update(message)
            results["pss_mb"] = pss_mb(child.pid)
            child.stdin.write("go\n")
            child.stdin.flush()
        elif kind == "done":
            results["pss_after_mb"] = pss_mb(child.pid)
            child.stdin.close()
            break
    child.wait(60)
    if child.returncode != 0 or "pss_after_mb" not in results:
        print(f"the benchmark's kiosk process failed (exit {child.returncode})", file=sys.stderr)
        return 1
    next_ms: list[float] = results.pop("next_ms", [])
    figures = {
        "first_frame_ms": round(results["first_frame_ms"], 1),
        "next_p50_ms": round(statistics.median(next_ms), 1),
        "next_p95_ms": round(percentile(next_ms, 95), 1),
        "viewer_open_ms": round(results["viewer_open_ms"], 1),
        "pss_mb": round(results["pss_mb"], 1),
        "pss_growth_mb": round(results["pss_after_mb"] - results["pss_mb"], 1),
    }
    figures.update({name: round(value, 1) for name, value in results["gestures"].items()})
    if as_json:
        print(json.dumps(figures))
    else:
        print_table(folder, figures, len(next_ms), size)
        print(f"  visitor statistics: {'recorded' if record_statistics else 'off'}")
    return 0


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def print_table(folder: Path, figures: dict[str, float], events: int,
                size: tuple[int, int]) -> None:
    rows = [
        ("cold start to first frame", f"{figures['first_frame_ms']:.0f} ms"),
        ("next event, median", f"{figures['next_p50_ms']:.1f} ms"),
        ("next event, 95th percentile", f"{figures['next_p95_ms']:.1f} ms"),
        ("photo viewer opens", f"{figures['viewer_open_ms']:.1f} ms"),
        ("memory (PSS) after every event", f"{figures['pss_mb']:.0f} MB"),
        (f"growth over {NAVIGATIONS} navigations", f"{figures['pss_growth_mb']:+.1f} MB"),
        ("swipe: picture behind the finger, median", f"{figures['swipe_lag_p50_px']:.0f} px"),
        ("swipe: picture behind the finger, worst", f"{figures['swipe_lag_max_px']:.0f} px"),
    ]
    for name, key in (("swipe", "swipe"), ("pinch, photo", "photo_pinch"),
                      ("pinch, timeline", "timeline_pinch")):
        rows.append((f"{name}: moves without a frame",
                     f"{figures[key + '_dropped']:.0f} of {figures[key + '_moves']:.0f}"))
        rows.append((f"{name}: longest gap between frames", f"{figures[key + '_gap_ms']:.0f} ms"))
    print(f"kiosk bench: {folder} ({events + 1} events, {size[0]}x{size[1]}, "
          f"{os.cpu_count()} cores, platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')})")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value:>10}")


# --- the child: a real kiosk window, driven by real input events -------------------------


def bench_child(folder: Path, size: tuple[int, int], record_statistics: bool = True) -> int:
    from kiosk.content import load_folder

    result = load_folder(folder)
    if result.exhibit is None:
        emit("error", text="\n".join(str(p) for p in result.problems))
        return 1
    from PySide6.QtCore import QCoreApplication, QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from kiosk.app import application
    from kiosk.ui.navigation import Navigation
    from kiosk.ui.session import Session
    from kiosk.ui.view import create_view, find_item

    app = application()
    exhibit = result.exhibit
    session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000)
    recorder = _record_statistics(session) if record_statistics else None
    view = create_view(exhibit, size, session)
    window = view.window
    frames = [0]
    window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    window.show()
    wait_for(lambda: frames[0] > 0, app)
    emit("first_frame", t=time.time())

    def click(name: str) -> None:
        target = find_item(window, name)
        point = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
        left = Qt.MouseButton.LeftButton
        for kind, buttons in ((QEvent.Type.MouseButtonPress, left),
                              (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
            event = QMouseEvent(kind, point, window.mapToGlobal(point), left, buttons,
                                Qt.KeyboardModifier.NoModifier)
            event.setTimestamp(round(time.monotonic() * 1000))  # a tap, not a long press
            QCoreApplication.sendEvent(window, event)

    def shown(photo_name: str, url: str) -> bool:
        return str(find_item(window, photo_name).property("shownSource")) == url

    def drawn_since(start: float, condition: Any) -> float:
        """Milliseconds from `start` (before the tap) until `condition` holds and a frame
        showing it was presented."""
        wait_for(condition, app)
        seen = frames[0]
        wait_for(lambda: frames[0] > seen, app)
        return (time.perf_counter() - start) * 1000

    session.navigation.openEvent(0)
    wait_for(lambda: shown("eventPhoto", session.photo_url(0, 0)) or not exhibit.events[0].media,
             app)
    settle(app, 0.3)
    next_ms = []
    for index in range(1, len(exhibit.events)):
        url = session.photo_url(index, 0) if exhibit.events[index].media else None
        start = time.perf_counter()
        click("nextButton")
        wait_for(lambda i=index: session.navigation.current_index() == i, app)  # type: ignore[misc]
        t_state = time.perf_counter()
        next_ms.append(drawn_since(start, lambda u=url: not u or shown("eventPhoto", u)))
        if os.environ.get("KIOSK_BENCH_DEBUG"):
            print(f"# state {1000 * (t_state - start):.1f} frame {next_ms[-1]:.1f}",
                  file=sys.stderr)
        settle(app, 0.3)  # a visitor's pause between taps, however quick
    with_photo = next(i for i, e in enumerate(exhibit.events) if e.media)
    session.navigation.openEvent(with_photo)
    settle(app, 0.4)
    url = session.photo_url(with_photo, 0)
    start = time.perf_counter()
    click("eventPhoto")
    photo_screen = Navigation.Screen.Photo
    viewer_ms = drawn_since(start, lambda: session.navigation.current_screen() == photo_screen
                            and shown("viewerPhoto", url))
    session.navigation.closePhoto()
    settle(app, 1.0)
    from kiosk.tools.gestures import measure_gestures

    gestures = measure_gestures(window, session.navigation, exhibit, app, settle)
    settle(app, 1.0)
    emit("visited", next_ms=next_ms, viewer_open_ms=viewer_ms, gestures=gestures)
    sys.stdin.readline()
    rng = random.Random(1981)
    for step in range(NAVIGATIONS):
        session.navigation.openEvent(rng.randrange(len(exhibit.events)))
        if step % 10 == 0 and session.current_event.media:
            session.navigation.openPhoto(0)
            settle(app, 0.01)
            session.navigation.closePhoto()
        settle(app, 0.01)
        if os.environ.get("KIOSK_BENCH_DEBUG") and step % 100 == 99:
            settle(app, 1.0)
            print(f"# after {step + 1}: {pss_mb(os.getpid()):.0f} MB", file=sys.stderr)
    settle(app, 1.0)
    QCoreApplication.processEvents()
    emit("done")
    sys.stdin.read()
    if recorder is not None:
        recorder.statistics.close()
        shutil.rmtree(recorder.statistics.path.parent, ignore_errors=True)
    return 0


def _record_statistics(session: Any) -> Any:
    """Visitor statistics as the kiosk records them (on by default), into a scratch file."""
    from kiosk.services.settings import Settings
    from kiosk.ui.stats_recorder import start_statistics

    folder = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    return start_statistics(Settings(kiosk_name="bench"), session,
                            folder / "statistics.sqlite3")


def emit(kind: str, **values: Any) -> None:
    print(json.dumps({"kind": kind, **values}), flush=True)


def wait_for(condition: Any, app: Any, timeout: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def settle(app: Any, seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
