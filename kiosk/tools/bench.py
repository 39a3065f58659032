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
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import psutil

from kiosk.services.memory import process_mb
from kiosk.services.supervisor import child_command
from kiosk.tools.targets import headline, verdicts

if TYPE_CHECKING:
    from kiosk.ui.session import Session

NAVIGATIONS = 1000  # KIOSK_BENCH_NAVIGATIONS sets fewer: the test suite's quick bench run
IDLE_WINDOWS = 3  # CPU is measured over this many windows per screen, for the spread
SOAK_ATTRACT_INTERVAL = 0.06  # seconds: the attract cycle sped up for a soak
SOAK_SAMPLES = 40  # memory samples over a soak, for its curve
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
        return 1
    figures = summarise(results)
    if as_json:
        print(json.dumps(figures))
    else:
        print("\n".join(report_lines(folder, figures, len(results["next_ms"]) + 1, size,
                                     record_statistics)))
    return 0


def go_on(stdin: IO[str]) -> None:
    stdin.write("go\n")
    stdin.flush()


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


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


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


# --- the child: a real kiosk window, driven by real input events -------------------------


def bench_child(folder: Path, size: tuple[int, int], record_statistics: bool = True,
                soak: int = 0) -> int:
    from kiosk.content import load_folder
    from kiosk.ui.render import choose_render_path, start_probe

    probe = start_probe()  # as `kiosk run` does: while the content loads
    result = load_folder(folder)
    if result.exhibit is None:
        emit("error", text="\n".join(str(p) for p in result.problems))
        return 1
    from PySide6.QtCore import QCoreApplication, QPointF

    from kiosk.app import application
    from kiosk.ui.navigation import Navigation
    from kiosk.ui.session import Session
    from kiosk.ui.view import create_view, find_item

    app = application()
    render_path = choose_render_path(probe)
    exhibit = result.exhibit
    session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000,
                      fade_fps=render_path.fade_fps)
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
        mouse(window, "press", point)
        mouse(window, "release", point)

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
        wait_for(lambda i=index: session.navigation.current_index() == i, app)
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
    drag_ms = drag_follow(window, find_item(window, "timelineFlick"), frames, app)
    try:
        from kiosk.tools.gestures import measure_gestures

        gestures = measure_gestures(window, session.navigation, exhibit, app, settle)
    except ImportError:  # the packaged program has no QtTest: no touch sequences to send
        gestures = {}
    settle(app, 1.0)
    emit("visited", next_ms=next_ms, viewer_open_ms=viewer_ms, drag_ms=drag_ms,
         gestures=gestures, backend=render_path.backend)
    sys.stdin.readline()
    rng = random.Random(1981)
    navigate(session, app, rng, int(os.environ.get("KIOSK_BENCH_NAVIGATIONS", NAVIGATIONS)))
    settle(app, 1.0)
    QCoreApplication.processEvents()
    emit("navigated")
    sys.stdin.readline()

    # nobody touching: an event, the welcome screen, the welcome screen with less motion
    idle = {"attract_interval": exhibit.attract_interval}
    session.navigation.openEvent(len(exhibit.events) // 2)
    settle(app, 2.0)
    sit_still(app, "event", idle, frames)
    session.navigation.goHome()
    settle(app, 2.0)
    sit_still(app, "welcome", idle, frames)
    session.display.toggleReducedMotion()
    settle(app, 2.0)
    sit_still(app, "welcome_less_motion", idle, frames)
    session.display.toggleReducedMotion()

    if soak:
        run_soak(session, app, rng, soak)
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


def sit_still(app: Any, screen: str, idle: dict[str, float], frames: list[int]) -> None:
    """Nobody touching while the parent measures; then tell it how many frames were drawn
    meanwhile (what the CPU went into)."""
    emit("idle", screen=screen, **idle)
    start, before = time.perf_counter(), frames[0]
    wait_for_parent(app)
    emit("frames", screen=screen, fps=(frames[0] - before) / (time.perf_counter() - start))


def navigate(session: Session, app: Any, rng: random.Random, count: int) -> None:
    """`count` random events, one in ten with its photo viewer opened and closed."""
    for step in range(count):
        session.navigation.openEvent(rng.randrange(len(session.exhibit.events)))
        if step % 10 == 0 and session.current_event.media:
            session.navigation.openPhoto(0)
            settle(app, 0.01)
            session.navigation.closePhoto()
        settle(app, 0.01)
        if os.environ.get("KIOSK_BENCH_DEBUG") and step % 100 == 99:
            settle(app, 1.0)
            print(f"# after {step + 1}: {memory_mb(os.getpid()):.0f} MB", file=sys.stderr)


def run_soak(session: Session, app: Any, rng: random.Random, count: int) -> None:
    """`count` attract cycles on the welcome screen, its timer sped up, then `count`
    navigations; a memory sample (taken by the parent) every count / SOAK_SAMPLES steps."""
    from dataclasses import replace

    every = max(1, (2 * count) // SOAK_SAMPLES)
    exhibit = session.exhibit
    session.set_exhibit(replace(exhibit, attract_interval=SOAK_ATTRACT_INTERVAL))
    session.navigation.goHome()
    cycles = [0]
    session.attract.pictureChanged.connect(lambda: cycles.__setitem__(0, cycles[0] + 1))
    sampled = 0
    while cycles[0] < count:
        app.processEvents()
        time.sleep(0.002)
        if cycles[0] // every > sampled:
            sampled = cycles[0] // every
            settle(app, 0.6)  # memory is given back half a second after activity stops
            # cycles go on during the settle: a sample past `count` would be labelled after
            # the first navigations' ones (the curve's steps must rise)
            emit("soak", step=min(cycles[0], count))
    session.set_exhibit(exhibit)
    for done in range(0, count, every):
        navigate(session, app, rng, min(every, count - done))
        settle(app, 0.6)
        emit("soak", step=count + min(done + every, count))


def drag_follow(window: Any, flick: Any, frames: list[int], app: Any) -> list[float]:
    """Milliseconds from a finger's move on the timeline to the frame showing it moved
    (none if the whole timeline fits on the screen)."""
    from PySide6.QtCore import QPointF

    room = float(flick.property("contentWidth")) - flick.width()
    if room < 400:
        return []
    # towards the side with more room: a finger moving left scrolls the timeline right
    step = -12 if float(flick.property("contentX")) < room / 2 else 12
    point = flick.mapToScene(QPointF(flick.width() / 2, flick.height() / 2))
    mouse(window, "press", point)
    for _ in range(4):  # past the drag threshold
        point.setX(point.x() + step)
        mouse(window, "move", point)
        settle(app, 0.02)
    times = []
    for _ in range(20):
        before = flick.property("contentX")
        point.setX(point.x() + step)
        start = time.perf_counter()
        mouse(window, "move", point)
        wait_for(lambda b=before: flick.property("contentX") != b, app)
        seen = frames[0]
        wait_for(lambda s=seen: frames[0] > s, app)
        times.append((time.perf_counter() - start) * 1000)
        settle(app, 0.03)
    mouse(window, "release", point)
    settle(app, 1.0)
    return times


def mouse(window: Any, action: str, point: Any) -> None:
    """A left-button press, move (button held) or release at a scene point, sent to the
    window as the system would send it."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QMouseEvent

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    kind, button, held = {"press": (QEvent.Type.MouseButtonPress, left, left),
                          "move": (QEvent.Type.MouseMove, none, left),
                          "release": (QEvent.Type.MouseButtonRelease, left, none)}[action]
    event = QMouseEvent(kind, point, window.mapToGlobal(point), button, held,
                        Qt.KeyboardModifier.NoModifier)
    event.setTimestamp(round(time.monotonic() * 1000))  # a tap, not a long press
    QCoreApplication.sendEvent(window, event)


def wait_for_parent(app: Any) -> None:
    """Block until the parent says go (it measures the process meanwhile), in Qt's own
    event loop, so that the screen runs as it would without the benchmark."""
    import threading

    from PySide6.QtCore import QEventLoop, QMetaObject, Qt

    loop = QEventLoop(app)

    def read() -> None:
        sys.stdin.readline()
        QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    threading.Thread(target=read, daemon=True).start()
    loop.exec()


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
