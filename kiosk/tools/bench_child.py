"""The kiosk process `kiosk bench` measures (`kiosk _bench-child`): a real kiosk window on
the content, driven with real input events (mouse events sent to the window: the packaged
program has no QtTest), reporting what it timed to the parent (kiosk/tools/bench.py) in
the messages of kiosk/tools/bench_protocol.py."""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.services import exits
from kiosk.services.memory import process_mb
from kiosk.tools.bench_protocol import emit, wait_for_go

if TYPE_CHECKING:
    from kiosk.ui.shell.session import Session

NAVIGATIONS = 1000  # KIOSK_BENCH_NAVIGATIONS sets fewer: the test suite's quick bench run
SOAK_ATTRACT_INTERVAL = 0.06  # seconds: the attract cycle sped up for a soak
SOAK_SAMPLES = 40  # memory samples over a soak, for its curve
PAUSE_S = 0.3  # a visitor's pause between taps, however quick


@dataclass
class Driven:
    """The kiosk window under test, and the counted frames it has presented."""

    app: Any
    session: Session
    view: Any  # kiosk.ui.shell.view.KioskView: holds the QML engine, which must outlive the window
    frames: list[int] = field(default_factory=lambda: [0])

    @property
    def window(self) -> Any:
        return self.view.window

    def click(self, name: str) -> None:
        from PySide6.QtCore import QPointF

        from kiosk.ui.shell.view import find_item

        target = find_item(self.window, name)
        point = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
        mouse(self.window, "press", point)
        mouse(self.window, "release", point)

    def shown(self, photo_name: str, url: str) -> bool:
        from kiosk.ui.shell.view import find_item

        return str(find_item(self.window, photo_name).property("shownSource")) == url

    def drawn_since(self, start: float, condition: Callable[[], bool]) -> float:
        """Milliseconds from `start` (before the tap) until `condition` holds and a frame
        showing it was presented."""
        wait_for(condition, self.app)
        seen = self.frames[0]
        wait_for(lambda: self.frames[0] > seen, self.app)
        return (time.perf_counter() - start) * 1000


def bench_child(folder: Path, size: tuple[int, int], record_statistics: bool = True,
                soak: int = 0) -> int:
    from kiosk.content import load_folder
    from kiosk.ui.shared.render import choose_render_path, start_probe

    probe = start_probe()  # as `kiosk run` does: while the content loads
    result = load_folder(folder)
    if result.exhibit is None:
        emit("error", text="\n".join(str(p) for p in result.problems))
        return exits.PROBLEMS
    from kiosk.ui.shell.app import application
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view

    app = application()
    render_path = choose_render_path(probe)
    session = Session(result.exhibit, idle_timeout_ms=24 * 3600 * 1000,
                      fade_fps=render_path.fade_fps)
    recorder = _record_statistics(session) if record_statistics else None
    driven = Driven(app, session, create_view(result.exhibit, size, session))
    driven.window.frameSwapped.connect(lambda: driven.frames.__setitem__(0, driven.frames[0] + 1))
    driven.window.show()
    wait_for(lambda: driven.frames[0] > 0, app)
    emit("first_frame", t=time.time())

    next_ms = next_event_times(driven)
    viewer_ms = viewer_open_time(driven)
    emit("visited", next_ms=next_ms, viewer_open_ms=viewer_ms, drag_ms=timeline_drag(driven),
         gestures=gestures(driven), backend=render_path.backend)
    wait_for_go()
    rng = random.Random(1981)
    navigate(session, app, rng, int(os.environ.get("KIOSK_BENCH_NAVIGATIONS", NAVIGATIONS)))
    settle(app, 1.0)
    emit("navigated")
    wait_for_go()
    sit_still_on_each_screen(driven)
    if soak:
        run_soak(session, app, rng, soak)
    emit("done")
    sys.stdin.read()
    if recorder is not None:
        recorder.statistics.close()
        shutil.rmtree(recorder.statistics.path.parent, ignore_errors=True)
    return exits.OK


def next_event_times(driven: Driven) -> list[float]:
    """Milliseconds from a tap on "next" to the frame showing the next event's photo, for
    every event after the first."""
    session, app, exhibit = driven.session, driven.app, driven.session.exhibit
    session.navigation.openEvent(0)
    wait_for(lambda: not exhibit.events[0].media
             or driven.shown("eventPhoto", session.photo_url(0, 0)), app)
    settle(app, PAUSE_S)
    times = []
    for index in range(1, len(exhibit.events)):
        url = session.photo_url(index, 0) if exhibit.events[index].media else None
        start = time.perf_counter()
        driven.click("nextButton")
        wait_for(lambda i=index: session.navigation.current_index() == i, app)
        t_state = time.perf_counter()
        def drawn(u: str | None = url) -> bool:
            return not u or driven.shown("eventPhoto", u)

        times.append(driven.drawn_since(start, drawn))
        if os.environ.get("KIOSK_BENCH_DEBUG"):
            print(f"# state {1000 * (t_state - start):.1f} frame {times[-1]:.1f}",
                  file=sys.stderr)
        settle(app, PAUSE_S)
    return times


def viewer_open_time(driven: Driven) -> float:
    """Milliseconds from a tap on an event's photo to the frame showing the photo viewer."""
    from kiosk.ui.shared.navigation import Navigation

    session, app = driven.session, driven.app
    with_photo = next(i for i, e in enumerate(session.exhibit.events) if e.media)
    session.navigation.openEvent(with_photo)
    settle(app, 0.4)
    url = session.photo_url(with_photo, 0)
    start = time.perf_counter()
    driven.click("eventPhoto")
    photo_screen = Navigation.Screen.Photo
    viewer_ms = driven.drawn_since(start, lambda: session.navigation.current_screen()
                                  == photo_screen and driven.shown("viewerPhoto", url))
    session.navigation.closePhoto()
    settle(app, 1.0)
    return viewer_ms


def timeline_drag(driven: Driven) -> list[float]:
    from kiosk.ui.shell.view import find_item

    return drag_follow(driven.window, find_item(driven.window, "timelineFlick"), driven.frames,
                       driven.app)


def gestures(driven: Driven) -> dict[str, float]:
    """Swipe and pinch figures, where QtTest is there to send touch sequences."""
    try:
        from kiosk.tools.gestures import measure_gestures

        found = measure_gestures(driven.window, driven.session.navigation, driven.session.exhibit,
                                 driven.app, settle)
    except ImportError:  # the packaged program has no QtTest: no touch sequences to send
        found = {}
    settle(driven.app, 1.0)
    return found


def sit_still_on_each_screen(driven: Driven) -> None:
    """Nobody touching: an event, the welcome screen, the welcome screen with less motion."""
    session, app, frames = driven.session, driven.app, driven.frames
    idle = {"attract_interval": session.exhibit.attract_interval}
    session.navigation.openEvent(len(session.exhibit.events) // 2)
    settle(app, 2.0)
    sit_still(app, "event", idle, frames)
    session.navigation.goHome()
    settle(app, 2.0)
    sit_still(app, "welcome", idle, frames)
    session.display.toggleReducedMotion()
    settle(app, 2.0)
    sit_still(app, "welcome_less_motion", idle, frames)
    session.display.toggleReducedMotion()


def memory_mb(pid: int) -> float:
    return process_mb(pid, children=True)


def _record_statistics(session: Any) -> Any:
    """Visitor statistics as the kiosk records them (on by default), into a scratch file."""
    from kiosk.services.settings import Settings
    from kiosk.ui.statistics.recorder import start_statistics

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
        wait_for(lambda seen=cycles[0]: cycles[0] > seen, app)  # the next attract picture
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


def drag_follow(window: Any, flick: Any, frames: list[int], app: Any, moves: int = 20,
                pause: float = 0.03) -> list[float]:
    """Milliseconds from a finger's move on the timeline to the frame showing it moved,
    for `moves` moves of 12 px `pause` s apart (none if the whole timeline fits on the
    screen). benchmarks/strip.py drags with it too."""
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
    for _ in range(moves):
        before = flick.property("contentX")
        point.setX(point.x() + step)
        start = time.perf_counter()
        mouse(window, "move", point)
        wait_for(lambda b=before: flick.property("contentX") != b, app)
        seen = frames[0]
        wait_for(lambda s=seen: frames[0] > s, app)
        times.append((time.perf_counter() - start) * 1000)
        settle(app, pause)
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
        wait_for_go()
        QMetaObject.invokeMethod(loop, "quit", Qt.ConnectionType.QueuedConnection)

    threading.Thread(target=read, daemon=True).start()
    loop.exec()


def wait_for(condition: Any, app: Any, timeout: float = 30.0) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def settle(app: Any, seconds: float) -> None:
    """Let the kiosk run on its own for `seconds` (a visitor's pause; memory given back):
    Qt's event loop until a timer ends it, asleep whenever there is nothing to do."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop(app)
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()
