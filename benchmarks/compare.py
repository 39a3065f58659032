"""Compare two (or more) commits of the kiosk in one run, alternating, on the same machine
at the same time: the only way a figure from this shared machine means anything.

    .venv/bin/python benchmarks/compare.py 964a409 main            # OLD NEW
    .venv/bin/python benchmarks/compare.py 964a409 main issue-26 --runs 7 --bench-runs 3
    .venv/bin/python benchmarks/compare.py main HEAD --large /tmp/large   # + 1,000 events

Each commit is checked out in its own git worktree with its own virtual environment
(under --work, default ~/.cache/kiosk-compare; kept between runs, so a second comparison
starts at once), installed from that commit's lock (requirements/linux-run.txt, else
linux.txt; a commit older than the locks gets the first lock among the commits compared)
through pip's cache. Every figure is taken in rounds A, B, A, B, ...: whatever else the
machine does then slows both alike.

Figures, on a held-out 20-event exhibit this script generates (not the bundled one, which
every change is tuned on; and with --large, the 1,000-event one of make_large.py):
- whole process, start to first frame and exit: `kiosk run --windowed --no-supervisor
  --content DIR --exit-after-first-frame`, its wall time, CPU time (user + system) and peak
  memory (the largest resident set, from the operating system's accounting);
- `kiosk bench --json`: first frame, next event median and p95, photo viewer, drag follow,
  PSS after every event and its growth over 1,000 navigations. A figure an old commit's
  bench does not report is shown as "-".

Qt's offscreen platform and software renderer, as the issue's figures were taken; the kiosk's
settings, log and statistics go to a fresh folder per run, and each commit's processes run
in its own worktree (`python -m kiosk`, as the bench starts its child, imports `kiosk` from
the current folder first: run from another checkout, an old bench drove today's child).
Prints medians and ratios against the first commit (a Markdown table), and with --json FILE
every single value.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WINDOWS = sys.platform == "win32"
LOCKS = ("requirements/windows.txt",) if WINDOWS else ("requirements/linux-run.txt",
                                                       "requirements/linux.txt")
EVENTS = 20
LARGE = "1,000 events"  # the large exhibit's name in the table
PHOTO = (3000, 2000)  # a 6-megapixel camera picture
EXHIBIT_VERSION = "1"  # change it with make_exhibit: the held-out exhibit is made again
RUN_TIMEOUT = 120.0  # seconds for one start-to-first-frame process
BENCH_TIMEOUT = 1800.0
# `kiosk bench --json` keys, in the table's order, with how to show them
BENCH_FIGURES = [("first_frame_ms", "bench: first frame", "ms"),
                 ("next_p50_ms", "bench: next event, median", "ms"),
                 ("next_p95_ms", "bench: next event, p95", "ms"),
                 ("viewer_open_ms", "bench: photo viewer opens", "ms"),
                 ("drag_follow_ms", "bench: drag follows the finger", "ms"),
                 ("pss_mb", "bench: PSS after every event", "MB"),
                 ("pss_growth_mb", "bench: growth over 1,000 navigations", "MB"),
                 ("swipe_dropped", "bench: swipe, moves without a frame (of 36)", ""),
                 ("photo_pinch_dropped", "bench: photo pinch, moves without a frame", ""),
                 ("timeline_pinch_dropped", "bench: timeline pinch, moves without a frame", "")]
RUN_FIGURES = [("wall_s", "whole process: start, first frame, exit (wall)", "s"),
               ("cpu_s", "whole process: CPU (user + system)", "s"),
               ("peak_mb", "whole process: peak memory (max RSS)", "MB")]


@dataclass
class Build:
    """One commit, checked out and installed."""

    name: str  # as given on the command line
    sha: str
    folder: Path
    bench_options: list[str] = field(default_factory=list)  # what this commit's bench takes

    @property
    def kiosk(self) -> Path:
        return self.folder / ".venv" / ("Scripts/kiosk.exe" if WINDOWS else "bin/kiosk")

    @property
    def cache(self) -> Path:
        return self.folder / ".venv" / "cache"

    @property
    def python(self) -> Path:
        return self.folder / ".venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")


class CompareError(Exception):
    """Something that stops the comparison, said plainly."""


def git(*args: str, cwd: Path = REPO) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8")
    if done.returncode != 0:
        raise CompareError(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout.strip()


def resolve(name: str) -> str:
    return git("rev-parse", "--verify", f"{name}^{{commit}}")


def lock_of(sha: str) -> str | None:
    """The commit's own lock file, as text; None for a commit older than the locks."""
    for lock in LOCKS:
        done = subprocess.run(["git", "show", f"{sha}:{lock}"], cwd=REPO, capture_output=True,
                              text=True, encoding="utf-8")
        if done.returncode == 0:
            return done.stdout
    return None


def build(name: str, sha: str, work: Path, fallback_lock: str) -> Build:
    """A worktree at the commit with an installed venv (made once, then reused)."""
    folder = work / sha[:12]
    if not (folder / ".git").exists():
        if folder.exists():
            shutil.rmtree(folder)
        git("worktree", "prune")
        git("worktree", "add", "--detach", str(folder), sha)
    ready = folder / ".venv" / "compare-installed"
    one = Build(name, sha, folder)
    if not ready.exists():
        print(f"# installing {name} ({sha[:9]}) in {folder}", file=sys.stderr, flush=True)
        if not one.python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(folder / ".venv")], check=True)
        lock = folder / ".venv" / "lock.txt"
        lock.write_text(lock_of(sha) or fallback_lock, encoding="utf-8")
        pip = [str(one.python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
        for step in ([*pip, "--require-hashes", "--no-deps", "-r", str(lock)],
                     [*pip, "--no-deps", "--no-build-isolation", "-e", str(folder)]):
            done = subprocess.run(step, capture_output=True, text=True, encoding="utf-8")
            if done.returncode != 0:
                raise CompareError(f"installing {name} failed:\n{done.stderr[-2000:]}")
        ready.write_text(sha, encoding="utf-8")
    helptext = subprocess.run([str(one.kiosk), "bench", "--help"], capture_output=True,
                              text=True, encoding="utf-8", cwd=folder).stdout
    one.bench_options = [option for option in ("--idle-seconds", "--no-statistics")
                         if option in helptext]
    return one


def make_exhibit(root: Path, photo_size: tuple[int, int] = PHOTO) -> Path:
    """The held-out exhibit: 20 events in two languages, Markdown bodies, camera photos."""
    sys.path.insert(0, str(HERE))
    from make_large import picture  # the same photo-like pictures as the large exhibit

    stamp = root.with_name(root.name + ".made")  # beside it: a file inside would be content
    made = f"{EXHIBIT_VERSION} {photo_size[0]}x{photo_size[1]}"
    if stamp.exists() and stamp.read_text(encoding="utf-8") == made:
        return root
    shutil.rmtree(root, ignore_errors=True)
    (root / "media").mkdir(parents=True, exist_ok=True)
    (root / "events").mkdir(exist_ok=True)
    eras = "\n".join(
        f"  - {{id: period-{i}, title: {{en: Period {i}, zh: 第{i}阶段}}, "
        f"start: {1950 + i * 15}, end: {1950 + (i + 1) * 15}}}" for i in range(5))
    (root / "exhibit.yaml").write_text(
        "format: 1\nlanguages: [en, zh]\n"
        "title: {en: Rivers and the people beside them, zh: 河流与河边的人们}\n"
        "subtitle: {en: A held-out exhibit for benchmarks, zh: 用于基准测试的展览}\n"
        f"eras:\n{eras}\n", encoding="utf-8")
    words = ["the", "river", "village", "flood", "bridge", "harvest", "school", "teachers",
             "volunteers", "built", "restored", "mapped", "a", "new", "wells", "and"]
    for number in range(EVENTS):
        photo = root / "media" / f"river-{number:02d}.jpg"
        photo.write_bytes(picture(100 + number, photo_size))
        text = [" ".join(words[(number * 7 + k * 3) % len(words)] for k in range(34))
                for _ in range(2)]
        body_en = (f"In {1951 + number * 3} **{20 + number} villages** took part. "
                   f"{text[0]}.\n\n{text[1]}.\n")
        body_zh = f"{1951 + number * 3}年，**{20 + number}个村庄**参与其中。河流、桥梁与学校。\n"
        (root / "events" / f"{number:02d}-river.yaml").write_text(
            f"id: river-{number:02d}\ndate: {1951 + number * 3}\n"
            f"era: period-{min(4, number * 3 // 15)}\n"
            f"highlight: {'true' if number % 6 == 0 else 'false'}\n"
            f"title: {{en: The river in {1951 + number * 3}, zh: {1951 + number * 3}年的河流}}\n"
            "body:\n  en: |\n" + "".join(f"    {line}\n" for line in body_en.splitlines())
            + "  zh: |\n" + "".join(f"    {line}\n" for line in body_zh.splitlines())
            + f"media:\n  - image: media/{photo.name}\n"
            f"    caption: {{en: The river bank in {1951 + number * 3}, zh: 河岸}}\n"
            f"    credit: Benchmark\n    alt: {{en: A generated picture, zh: 生成的图片}}\n",
            encoding="utf-8")
    stamp.write_text(made, encoding="utf-8")
    return root


def environment(home: Path, cache: Path | None = None) -> dict[str, str]:
    """Offscreen, software renderer, and a fresh home for settings, log and statistics. The
    cache (Qt's compiled QML) is the commit's own and kept, warm as on a kiosk that has
    started before: a cold one would measure QML compilation instead of the program."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software", KIOSK_HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(cache or home / "cache"), XDG_DATA_HOME=str(home / "data"))
    env.pop("KIOSK_CONTENT", None)
    env.pop("PYTHONPATH", None)
    return env


def run_once(one: Build, content: Path, scratch: Path) -> dict[str, float]:
    """Start to first frame and exit, as one process: wall, CPU and peak memory."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    command = [str(one.kiosk), "run", "--windowed", "--no-supervisor", "--content",
               str(content), "--exit-after-first-frame"]
    start = time.perf_counter()
    child = subprocess.Popen(command, env=environment(home, one.cache),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=one.folder)
    if hasattr(os, "wait4"):  # the kernel's own accounting of the child, when it ends
        deadline = start + RUN_TIMEOUT
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                raise CompareError(f"{one.name}: kiosk run took over {RUN_TIMEOUT:.0f} s")
            time.sleep(0.002)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        peak = usage.ru_maxrss / 1024  # KiB on Linux
    else:  # Windows: psutil's view of the running process
        process = psutil.Process(child.pid)
        cpu, peak = 0.0, 0.0
        while child.poll() is None:
            try:
                times = process.cpu_times()
                cpu = times.user + times.system
                peak = max(peak, getattr(process.memory_info(), "peak_wset", 0) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.01)
        wall = time.perf_counter() - start
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    shutil.rmtree(home, ignore_errors=True)
    if child.returncode != 0:
        raise CompareError(f"{one.name}: kiosk run exited {child.returncode}:\n{stderr[-1500:]}")
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak}


def bench_once(one: Build, content: Path, scratch: Path, idle_seconds: float) -> dict[str, Any]:
    """One `kiosk bench --json` of this commit; its figures as it reports them."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    command = [str(one.kiosk), "bench", str(content), "--json"]
    if "--idle-seconds" in one.bench_options:
        command += ["--idle-seconds", str(idle_seconds)]
    try:
        done = subprocess.run(command, env=environment(home, one.cache), capture_output=True,
                              text=True, encoding="utf-8", timeout=BENCH_TIMEOUT, cwd=one.folder)
    except subprocess.TimeoutExpired:
        raise CompareError(f"{one.name}: kiosk bench took over {BENCH_TIMEOUT:.0f} s") from None
    finally:
        shutil.rmtree(home, ignore_errors=True)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise CompareError(f"{one.name}: kiosk bench exited {done.returncode}:\n"
                           f"{done.stderr[-1500:]}")
    figures: dict[str, Any] = json.loads(lines[-1])
    return figures


def validate(one: Build, content: Path) -> None:
    done = subprocess.run([str(one.kiosk), "validate", str(content)], capture_output=True,
                          text=True, encoding="utf-8", cwd=one.folder,
                          env=environment(Path(tempfile.gettempdir())))
    if done.returncode != 0:
        raise CompareError(f"{one.name} does not accept {content}:\n{done.stdout[-1500:]}")


def load() -> str:
    if hasattr(os, "getloadavg"):
        one, five, fifteen = os.getloadavg()
        return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f}"
    return f"CPU {psutil.cpu_percent(interval=1.0):.0f} %"


def median(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return statistics.median(known) if known else None


def show(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value:.2f} s"
    if not unit:
        return f"{value:g}"
    return f"{value:.1f} {unit}" if abs(value) < 100 else f"{value:.0f} {unit}"


def table(builds: list[Build], samples: dict[str, dict[str, dict[str, list[Any]]]],
          exhibits: list[str]) -> str:
    """Markdown: per exhibit and figure, each commit's median (n) and its ratio to the first."""
    head = "| figure | " + " | ".join(f"{b.name} ({b.sha[:7]})" for b in builds) + " |"
    rows = [head, "|---" * (len(builds) + 1) + "|"]
    for exhibit in exhibits:
        rows.append(f"| **{exhibit}** |" + " |" * len(builds))
        for key, label, unit in [*RUN_FIGURES, *BENCH_FIGURES]:
            per = [samples[b.sha][exhibit].get(key, []) for b in builds]
            if not any(per):
                continue
            medians = [median(values) for values in per]
            base = medians[0]
            cells = []
            for index, (values, value) in enumerate(zip(per, medians, strict=True)):
                cell = f"{show(value, unit)} (n={len([v for v in values if v is not None])})"
                if index and value is not None and base and unit and key != "pss_growth_mb":
                    cell += f" x{value / base:.2f}"
                cells.append(cell)
            rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("commits", nargs="+", metavar="COMMIT",
                        help="two or more commits, the first is the base of the ratios")
    parser.add_argument("--runs", type=int, default=7,
                        help="start-to-first-frame processes per commit (default 7)")
    parser.add_argument("--bench-runs", type=int, default=3,
                        help="`kiosk bench` runs per commit (default 3; 0 leaves it out)")
    parser.add_argument("--idle-seconds", type=float, default=1.0,
                        help="idle CPU windows in bench, where a commit has them (default 1 s:"
                        " idle is measured under Xvfb by idle_compare.py)")
    parser.add_argument("--large", metavar="DIR", help="also the 1,000-event exhibit in DIR "
                        "(made by benchmarks/make_large.py if DIR does not hold it)")
    parser.add_argument("--large-bench-runs", type=int, default=0,
                        help="`kiosk bench` runs per commit on the large exhibit (default 0: "
                        "start-up only; one bench there takes minutes)")
    parser.add_argument("--work", type=Path, default=Path.home() / ".cache" / "kiosk-compare",
                        help="worktrees, venvs and the held-out exhibit")
    parser.add_argument("--json", metavar="FILE", help="write every value as JSON")
    args = parser.parse_args(argv)
    if len(args.commits) < 2:
        parser.error("give at least two commits")
    try:
        return compare(args)
    except CompareError as problem:
        print(f"compare: {problem}", file=sys.stderr)
        return 1


def compare(args: argparse.Namespace) -> int:
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    shas = [resolve(name) for name in args.commits]
    locks = [lock for lock in (lock_of(sha) for sha in shas) if lock is not None]
    if not locks:
        raise CompareError("none of these commits has a lock file in requirements/")
    builds = [build(name, sha, work, locks[0]) for name, sha in zip(args.commits, shas,
                                                                     strict=True)]
    exhibits = {"held-out, 20 events": make_exhibit(work / "exhibit-20")}
    if args.large:
        large = Path(args.large)
        if not (large / "exhibit.yaml").exists():
            print(f"# making the 1,000-event exhibit in {large}", file=sys.stderr, flush=True)
            subprocess.run([sys.executable, str(HERE / "make_large.py"), str(large)], check=True,
                           stdout=subprocess.DEVNULL)
        exhibits[LARGE] = large
    for one in builds:
        for content in exhibits.values():
            validate(one, content)
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-compare-"))
    samples: dict[str, dict[str, dict[str, list[Any]]]] = {
        b.sha: {name: {} for name in exhibits} for b in builds}
    loads = [load()]
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    try:
        for name, content in exhibits.items():
            for one in builds:  # warm the file and QML caches: not counted
                run_once(one, content, scratch)
            for round_ in range(args.runs):
                for one in builds if round_ % 2 == 0 else builds[::-1]:
                    for key, value in run_once(one, content, scratch).items():
                        samples[one.sha][name].setdefault(key, []).append(value)
                progress(f"{name}: start-up round {round_ + 1}/{args.runs}", builds, samples,
                         name, "wall_s")
            benches = args.large_bench_runs if content == exhibits.get(LARGE) else args.bench_runs
            for round_ in range(benches):
                for one in builds if round_ % 2 == 0 else builds[::-1]:
                    figures = bench_once(one, content, scratch, args.idle_seconds)
                    for key, _, _ in BENCH_FIGURES:
                        samples[one.sha][name].setdefault(key, []).append(figures.get(key))
                progress(f"{name}: bench round {round_ + 1}/{benches}", builds, samples,
                         name, "next_p95_ms")
                loads.append(load())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    loads.append(load())
    print(f"compare.py, {started}, {os.cpu_count()} cores, offscreen + software renderer; "
          f"{args.runs} start-ups and {args.bench_runs} benches per commit and exhibit "
          f"({args.large_bench_runs} on the large one), alternating; "
          f"{' / '.join(loads)}")
    print(table(builds, samples, list(exhibits)))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "started": started, "loads": loads,
            "commits": [{"name": b.name, "sha": b.sha} for b in builds],
            "samples": {b.name: samples[b.sha] for b in builds}}, indent=1), encoding="utf-8")
    return 0


def progress(what: str, builds: list[Build], samples: dict[str, dict[str, dict[str, list[Any]]]],
             exhibit: str, key: str) -> None:
    last = ", ".join(f"{b.name} {samples[b.sha][exhibit][key][-1]:.3g}"
                     for b in builds if samples[b.sha][exhibit].get(key)
                     and samples[b.sha][exhibit][key][-1] is not None)
    print(f"# {what}: {last} ({load()})", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
