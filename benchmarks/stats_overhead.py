"""What recording statistics costs the UI thread: CPU time per navigation (another event,
the photo viewer, a language switch, a visit's start and end), with and without the
recorder, measured with the thread's own CPU clock so that other programs on the machine
do not count.

    .venv/bin/python benchmarks/stats_overhead.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content import load_folder  # noqa: E402
from kiosk.services.settings import Settings  # noqa: E402
from kiosk.ui.shell.app import application  # noqa: E402
from kiosk.ui.shell.session import Session  # noqa: E402
from kiosk.ui.statistics.recorder import start_statistics  # noqa: E402

ROUNDS = 2000


def navigate(session: Session, count: int) -> None:
    """One visit after another: open an event, step through three, open a photo, switch
    language, go home."""
    events = len(session.exhibit.events)
    navigation = session.navigation
    for i in range(count):
        navigation.openEvent(i % events)
        navigation.next()
        navigation.next()
        navigation.openPhoto(0)
        navigation.closePhoto()
        session.language.setLanguage("zh" if i % 2 else "en")
        navigation.goHome()


def per_visit_us(record: bool, folder: Path) -> list[float]:
    exhibit = load_folder(ROOT / "data").exhibit
    assert exhibit is not None
    session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000)
    recorder = start_statistics(Settings(kiosk_name="bench"), session,
                                folder / "statistics.sqlite3") if record else None
    navigate(session, 50)  # warm up
    samples = []
    for _ in range(5):
        start = time.thread_time()
        navigate(session, ROUNDS // 5)
        samples.append((time.thread_time() - start) / (ROUNDS // 5) * 1e6)
    if recorder is not None:
        recorder.statistics.close()
    return samples


def main() -> int:
    _app = application()  # the timeline measures its labels: a GUI application
    with tempfile.TemporaryDirectory() as folder:
        off = per_visit_us(False, Path(folder))
        on = per_visit_us(True, Path(folder))
    print(f"UI-thread CPU per visit (7 changes: 3 events, photo open/close, language, home), "
          f"median of 5 x {ROUNDS // 5} visits")
    print(f"  statistics off: {statistics.median(off):7.1f} µs")
    print(f"  statistics on:  {statistics.median(on):7.1f} µs "
          f"(+{statistics.median(on) - statistics.median(off):.1f} µs per visit)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
