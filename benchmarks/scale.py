"""The scale benchmark: exhibits as museums write them, and what the kiosk makes of them.

    python benchmarks/scale.py make EVENTS FOLDER      build one exhibit (100, 300, 1000)
    python benchmarks/scale.py measure FOLDER [--seconds S] [--json]
    python benchmarks/scale.py all [--seconds S]       100, 300 and 1,000 events, each measured
    python benchmarks/scale.py problems [FOLDER]       a folder with 100,000 problems
    python benchmarks/scale.py starts FOLDER           first-ever start, then a normal start

An exhibit has EVENTS events over about two centuries, each with a title of 60-200
characters in English and in Chinese, a body of 300 words in each language, and 20 photos,
half of them PNG, drawn from a pool of 200 distinct files (100 PNG, 100 JPEG, 1600x1200 with
photo-like detail). Measured, each in a fresh process:

- validate: `kiosk validate FOLDER`, wall time and peak memory (RSS) of the process;
- first frame: from the start of a process that loads the folder and opens the window
  until its first frame is presented (offscreen, software renderer, as `kiosk bench`);
- worst UI-thread stall with nobody touching: the longest gap between two ticks of a 10 ms
  timer over S seconds on the welcome screen (attract cycle sped up to every 2 s), then on
  an event screen, while the folder is checked behind the first frame on a worker thread
  as `kiosk run` does (check_behind_s: how long that took);
- idle return: from the idle time-out firing on an event screen (the visitor had zoomed
  the strip) until the welcome screen's frame is presented;
- peak memory of the kiosk process (RSS high-water mark, as psutil reads it).

`starts` times whole `kiosk run` processes (to the first frame, then exit) with a fresh
home: the first-ever start (the folder read before the first frame), the kiosk left
running until it has kept its copy of the content, then a normal start (the last good
copy shown at once, the folder checked behind it).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil
from make_large import drawn  # the same photo-like pictures as the large exhibit

PHOTOS_PER_EVENT = 20
DISTINCT = 100  # of each kind
PHOTO_SIZE = (1600, 1200)
BODY_WORDS = 300
FIRST_YEAR = 1820

EN_WORDS = ("volunteers", "training", "partners", "provinces", "exchange", "cooperation",
            "the", "of", "and", "community", "programme", "teachers", "schools", "rural",
            "health", "water", "women", "youth", "museum", "archive", "river", "harbour",
            "railway", "station", "workshop", "festival", "bridge", "library", "market")
ZH_PHRASES = ("志愿服务", "国际合作", "农村发展", "青年交流", "妇女健康", "乡村学校", "水资源",
              "铁路车站", "博物馆", "档案馆", "手工作坊", "文化节", "大桥建成", "图书馆",
              "的", "与", "和", "在", "开展", "项目", "培训", "伙伴", "省份", "社区")


def picture(seed: int, kind: str, path: Path) -> None:
    """A picture with photo-like detail, as a PNG or a JPEG."""
    image = drawn(seed, PHOTO_SIZE)
    if kind == "png":
        image.save(path, optimize=False)
    else:
        image.save(path, quality=88)


def _text(rng: random.Random, words: tuple[str, ...], low: int, high: int, sep: str) -> str:
    target = rng.randint(low, high)
    out = ""
    while len(out) < target:
        out += (sep if out and sep else "") + rng.choice(words)
    return out[:target].rstrip()


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def make(events: int, root: Path, pool: Path | None = None) -> Path:
    """Write an exhibit of `events` events into `root` (photos copied from `pool` if given)."""
    media = root / "media"
    media.mkdir(parents=True, exist_ok=True)
    (root / "events").mkdir(exist_ok=True)
    for kind in ("png", "jpg"):
        for n in range(DISTINCT):
            target = media / f"photo-{n:03d}.{kind}"
            if target.exists():
                continue
            if pool is not None and (pool / target.name).exists():
                target.write_bytes((pool / target.name).read_bytes())
            else:
                picture(n * 2 + (kind == "png"), kind, target)
    eras = "\n".join(
        f"  - {{id: era-{i}, title: {{en: The {i + 1}th period of the collection, "
        f"zh: 馆藏第{i + 1}时期}}, start: {FIRST_YEAR + i * 20}, end: {FIRST_YEAR + (i + 1) * 20}}}"
        for i in range(10))
    (root / "exhibit.yaml").write_text(
        "format: 1\nlanguages: [en, zh]\nidle_timeout: 30\nattract_interval: 4\n"
        "title: {en: A museum's long exhibit, zh: 博物馆的长篇展览}\n"
        f"eras:\n{eras}\n", encoding="utf-8")
    rng = random.Random(events)
    span_days = 200 * 365
    for number in range(events):
        day = number * span_days // events + rng.randrange(max(1, span_days // events))
        year, rest = divmod(day, 365)
        month, mday = min(12, rest // 30 + 1), rest % 28 + 1
        title_en = _text(rng, EN_WORDS, 60, 200, " ").capitalize()
        title_zh = _text(rng, ZH_PHRASES, 60, 200, "")
        body_en = " ".join(rng.choice(EN_WORDS) for _ in range(BODY_WORDS))
        body_zh = "".join(rng.choice(ZH_PHRASES) for _ in range(BODY_WORDS // 2)) + "。"
        photos = []
        for m in range(PHOTOS_PER_EVENT):
            kind = "png" if m % 2 == 0 else "jpg"
            photos.append(f"  - image: media/photo-{rng.randrange(DISTINCT):03d}.{kind}\n"
                          f"    caption: {{en: Photo {m + 1}, zh: 图{m + 1}}}\n"
                          f"    alt: {{en: A photograph, zh: 照片}}\n")
        (root / "events" / f"{number:04d}.yaml").write_text(
            f"id: event-{number:04d}\n"
            f"date: {FIRST_YEAR + year:04d}-{month:02d}-{mday:02d}\n"
            f"era: era-{min(9, year // 20)}\n"
            f"highlight: {'true' if number % 25 == 0 else 'false'}\n"
            f"title: {{en: {_quoted(title_en)}, zh: {_quoted(title_zh)}}}\n"
            f"body: {{en: {_quoted(body_en.capitalize() + '.')}, zh: {_quoted(body_zh)}}}\n"
            f"media:\n{''.join(photos)}", encoding="utf-8")
    return root


# --- measuring ------------------------------------------------------------------------------

def _peak_rss_mb(process: psutil.Popen, stop: threading.Event, out: list[float]) -> None:
    """out[0]: the peak RSS in MB; out[1]: CPU seconds (user + system), as last seen."""
    while not stop.is_set():
        try:
            out[0] = max(out[0], process.memory_info().rss / 2**20)
            times = process.cpu_times()
            out[1] = times.user + times.system
        except psutil.Error:
            return
        stop.wait(0.02)


LAST_CPU = [0.0]  # CPU seconds of the last process _run ran (sampled every 20 ms)


def _run(command: list[str], env: dict[str, str] | None = None,
         timeout: float = 600) -> tuple[float, float, str]:
    """(wall seconds, peak RSS MB sampled every 20 ms, stdout) of a process."""
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           env=env, text=True, encoding="utf-8")
    peak = [0.0, 0.0]
    stop = threading.Event()
    sampler = threading.Thread(target=_peak_rss_mb, args=(process, stop, peak), daemon=True)
    sampler.start()
    out, _ = process.communicate(timeout=timeout)
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    LAST_CPU[0] = peak[1]
    return wall, peak[0], out


def measure(folder: Path, seconds: float) -> dict[str, Any]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env["QT_QPA_PLATFORM"] == "offscreen":
        env.setdefault("QT_QUICK_BACKEND", "software")
    validate_s, validate_mb, out = _run([sys.executable, "-m", "kiosk", "validate",
                                         str(folder)], env)
    figures: dict[str, Any] = {"events": len(list((folder / "events").glob("*.yaml"))),
                               "validate_s": round(validate_s, 2),
                               "validate_peak_mb": round(validate_mb)}
    start = time.time()
    _, peak, out = _run([sys.executable, __file__, "_child", str(folder),
                            "--seconds", str(seconds), "--started", repr(start)], env)
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    if os.environ.get("SCALE_DEBUG"):
        print("\n".join(line for line in out.splitlines() if line.startswith("#")))
    if not lines:
        raise SystemExit(f"the kiosk process gave no figures:\n{out[-3000:]}")
    for line in lines:
        figures.update(line)
    figures["kiosk_peak_mb"] = round(peak)
    return figures


def _env(home: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env["QT_QPA_PLATFORM"] == "offscreen":
        env.setdefault("QT_QUICK_BACKEND", "software")
    env["KIOSK_HOME"] = home or tempfile.mkdtemp(prefix="scale-home-")
    return env


def _run_command(folder: Path) -> list[str]:
    return [sys.executable, "-m", "kiosk", "run", "--windowed", "--no-supervisor",
            "--content", str(folder)]


def _until(process: subprocess.Popen[str], done: Any, timeout: float,
           peak: list[float] | None = None) -> float:
    """Seconds until done() (the process left running), sampling its peak RSS."""
    start = time.perf_counter()
    watched = psutil.Process(process.pid)
    while not done():
        if process.poll() is not None or time.perf_counter() - start > timeout:
            raise SystemExit(f"the kiosk ended or took too long (exit {process.poll()})")
        if peak is not None:  # the kiosk and its content check's child process
            with contextlib.suppress(psutil.Error):
                tree = [watched, *watched.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in tree) / 2**20)
        time.sleep(0.05)
    return time.perf_counter() - start


def _keep_copy(folder: Path, env: dict[str, str]) -> float:
    """Run the kiosk until it has kept its copy of the content; the seconds it took."""
    index = Path(env["KIOSK_HOME"]) / "last-good" / "current.json"
    process = subprocess.Popen(_run_command(folder), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        return _until(process, index.exists, 900)
    finally:
        process.terminate()
        process.wait(30)


def starts(folder: Path) -> dict[str, Any]:
    """First-ever start and a normal start of `kiosk run` on the folder (see the top)."""
    env = _env()
    load = [round(os.getloadavg()[0], 1)]
    first_s, first_mb, _ = _run([*_run_command(folder), "--exit-after-first-frame"], env)
    first_cpu = LAST_CPU[0]
    keep_s = _keep_copy(folder, env)
    load.append(round(os.getloadavg()[0], 1))
    normal_s, normal_mb, _ = _run([*_run_command(folder), "--exit-after-first-frame"], env)
    normal_cpu = LAST_CPU[0]
    again_s, _, _ = _run([*_run_command(folder), "--exit-after-first-frame"], env)
    load.append(round(os.getloadavg()[0], 1))
    return {"first_ever_start_s": round(first_s, 2), "first_ever_cpu_s": round(first_cpu, 2),
            "first_ever_peak_mb": round(first_mb), "copy_kept_after_s": round(keep_s, 2),
            "normal_start_s": round(normal_s, 2), "normal_start_cpu_s": round(normal_cpu, 2),
            "normal_start_again_s": round(again_s, 2),
            "normal_start_again_cpu_s": round(LAST_CPU[0], 2),
            "normal_peak_mb": round(normal_mb), "load_average_1min": load}


def problems(root: Path) -> dict[str, Any]:
    """A folder with 100,000 problems (99,000 unknown keys in one event file, 1,000 in ten
    others): `kiosk validate` time and peak memory; how soon `kiosk run` shows the bundled
    exhibit instead when it has no last good copy, and its last good copy when it has one
    (kept from the folder before it broke), from process start (its start limit is the
    supervisor's STARTUP_GRACE); and how long the check behind that takes, and its memory."""
    (root / "events").mkdir(parents=True, exist_ok=True)
    (root / "exhibit.yaml").write_text("format: 1\ntitle: Many problems\n", encoding="utf-8")
    for name in ["x", *(f"y{n}" for n in range(10))]:  # the folder before it broke
        (root / "events" / f"{name}.yaml").write_text(f"id: {name}\ndate: 1990\ntitle: T\n",
                                                      encoding="utf-8")
    kept_env = _env()
    _keep_copy(root, kept_env)
    for name, count in [("x", 99_000), *((f"y{n}", 100) for n in range(10))]:
        keys = "".join(f"unknown_key_{k}: 1\n" for k in range(count))
        (root / "events" / f"{name}.yaml").write_text(
            f"id: {name}\ndate: 1990\ntitle: T\n{keys}", encoding="utf-8")
    env = _env()
    seconds, peak, out = _run([sys.executable, "-m", "kiosk", "validate", str(root)], env)
    shown, shown_peak, run_out = _run([sys.executable, "-m", "kiosk", "run", "--windowed",
                                       "--no-supervisor", "--content", str(root),
                                       "--exit-after-first-frame"], env)
    kept_s, kept_peak, _ = _run([*_run_command(root), "--exit-after-first-frame"], kept_env)
    # left running: the check behind the last good copy, to its end, and its memory
    process = subprocess.Popen(_run_command(root), env=kept_env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8")
    told: list[str] = []
    reader = threading.Thread(target=lambda: told.extend(process.stderr or ()), daemon=True)
    reader.start()
    behind_peak = [0.0]
    try:
        behind_s = _until(process, lambda: any("stays on screen" in line for line in told),
                          600, behind_peak)
    finally:
        process.terminate()
        process.wait(30)
    return {"problems": out.strip().splitlines()[-1], "validate_s": round(seconds, 2),
            "validate_peak_mb": round(peak), "listing_lines": len(out.splitlines()),
            "run_bundled_first_frame_s": round(shown, 2), "run_peak_mb": round(shown_peak),
            "run_output_lines": len(run_out.splitlines()),
            "run_last_good_first_frame_s": round(kept_s, 2),
            "run_last_good_peak_mb": round(kept_peak),
            "check_behind_s": round(behind_s, 2), "check_behind_peak_mb": round(behind_peak[0]),
            "load_average": [round(x, 1) for x in os.getloadavg()]}


def child(folder: Path, seconds: float, started: float) -> None:
    """In the measured process: load, open the window, sit still, time the idle return."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from kiosk.content import load_folder
    from kiosk.ui.shared.navigation import Navigation
    from kiosk.ui.shared.render import choose_render_path, start_probe

    probe = start_probe()
    result = load_folder(folder)
    assert result.exhibit is not None, [str(p) for p in result.errors][:5]
    from kiosk.ui.shell.app import application
    from kiosk.ui.shell.session import Session
    from kiosk.ui.shell.view import create_view

    app = application()
    exhibit = result.exhibit
    session = Session(exhibit, idle_timeout_ms=24 * 3600 * 1000,
                      fade_fps=choose_render_path(probe).fade_fps)
    view = create_view(exhibit, (1920, 1080), session)
    window = view.window
    frames = [0]
    window.frameSwapped.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    window.show()

    def run_until(condition: Any, timeout: float = 120.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the kiosk did not get there in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

    run_until(lambda: frames[0] > 0)
    print(json.dumps({"first_frame_s": round(time.time() - started, 2)}), flush=True)
    # as `kiosk run` does: the folder is checked (and a copy kept) behind the first frame,
    # on a worker thread, while the stalls below are measured
    from kiosk.services.last_good import LastGood
    from kiosk.ui.shell.keeper import KEPT_WORDS, ContentKeeper, Start
    from kiosk.ui.staff.content_report import ContentReport

    keeper = ContentKeeper(folder, LastGood(Path(tempfile.mkdtemp(prefix="scale-store-"))),
                           session, ContentReport(folder, editor_view=False),
                           Start(exhibit, None, KEPT_WORDS, None), parent=session)
    checked = [0.0]
    behind = time.perf_counter()
    keeper.settled.connect(lambda: checked.__setitem__(0, time.perf_counter() - behind))
    if not os.environ.get("SCALE_NO_CHECK"):  # =1: the strip's stalls alone, for comparison
        keeper.after(lambda: bool(session.timeline.busy), keeper.check)

    def worst_stall(for_seconds: float) -> float:
        """The longest gap between two ticks of a 10 ms timer, in ms, the loop left alone."""
        clock = QElapsedTimer()
        gaps = [0.0]
        last = [0]
        clock.start()

        def tick() -> None:
            now = clock.elapsed()
            gaps[0] = max(gaps[0], now - last[0])
            if now - last[0] > 60 and os.environ.get("SCALE_DEBUG"):
                print(f"# stall {now - last[0]} ms at {now} ms, timeline busy "
                      f"{session.timeline.busy}, content check busy {keeper.busy} {keeper.phase}",
                      file=sys.stderr)
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        timer.start()
        loop = QEventLoop()
        QTimer.singleShot(round(for_seconds * 1000), loop.quit)
        loop.exec()
        timer.stop()
        return gaps[0]

    session.attract._timer.setInterval(2000)  # more attract steps a second
    welcome = worst_stall(seconds)
    session.navigation.openEvent(len(exhibit.events) // 2)
    run_until(lambda: session.navigation.current_screen() == Navigation.Screen.Event)
    event = worst_stall(min(seconds, 10.0))
    session.timeline.setZoom(session.timeline.property("zoom") * 3)  # the visitor zoomed
    worst_stall(1.0)
    start = time.perf_counter()
    session.reset()  # what the idle time-out does
    seen = frames[0]
    run_until(lambda: frames[0] > seen
              and session.navigation.current_screen() == Navigation.Screen.Welcome)
    idle_return = (time.perf_counter() - start) * 1000
    print(json.dumps({"stall_welcome_ms": round(welcome), "stall_event_ms": round(event),
                      "idle_return_ms": round(idle_return),
                      "check_behind_s": round(checked[0], 2) if checked[0] else "not done"}),
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("make")
    one.add_argument("events", type=int)
    one.add_argument("folder")
    many = sub.add_parser("measure")
    many.add_argument("folder")
    many.add_argument("--seconds", type=float, default=30.0)
    many.add_argument("--json", action="store_true")
    every = sub.add_parser("all")
    every.add_argument("--seconds", type=float, default=30.0)
    every.add_argument("--keep", metavar="DIR", help="build the exhibits here and keep them")
    bad = sub.add_parser("problems")
    bad.add_argument("folder", nargs="?")
    both = sub.add_parser("starts")
    both.add_argument("folder")
    hidden = sub.add_parser("_child")
    hidden.add_argument("folder")
    hidden.add_argument("--seconds", type=float, default=30.0)
    hidden.add_argument("--started", type=float, required=True)
    args = parser.parse_args()
    if args.command == "make":
        print(make(args.events, Path(args.folder)))
    elif args.command == "measure":
        figures = measure(Path(args.folder), args.seconds)
        print(json.dumps(figures) if args.json else "\n".join(
            f"{key:>20}  {value}" for key, value in figures.items()))
    elif args.command == "starts":
        print(json.dumps(starts(Path(args.folder))))
    elif args.command == "problems":
        where = Path(args.folder or tempfile.mkdtemp(prefix="problems-"))
        print(json.dumps(problems(where)))
    elif args.command == "all":
        base = Path(args.keep or tempfile.mkdtemp(prefix="scale-"))
        pool: Path | None = None
        for events in (100, 300, 1000):
            folder = make(events, base / f"scale-{events}", pool)
            pool = folder / "media"
            print(json.dumps(measure(folder, args.seconds)), flush=True)
    else:
        child(Path(args.folder), args.seconds, args.started)


if __name__ == "__main__":
    main()
