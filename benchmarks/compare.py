"""Compare two (or more) commits of the kiosk in one run, alternating, on the same machine
at the same time: the only way a figure from this shared machine means anything.

    .venv/bin/python benchmarks/compare.py 964a409 main            # OLD NEW
    .venv/bin/python benchmarks/compare.py main .                   # the working tree as it is
    nice -n 5 .venv/bin/python benchmarks/compare.py 964a409 main HEAD --timelinejs
    .venv/bin/python benchmarks/compare.py main HEAD --large /tmp/large   # + 1,000 events

Each commit is checked out in its own detached git worktree (under --work, default
~/.cache/kiosk-compare, kept between runs); "." is this working tree. Each runs with the
venv of its lock (requirements/linux-run.txt, else linux.txt; a commit older than the locks
gets the first lock among the commits compared): the venv running this script when its
checkout has the same lock, else one venv per distinct lock made once under --work/venvs.
Every figure is taken in rounds A, B, A, B, ...: whatever else the machine does then slows
both alike.

Figures, on a held-out 20-event exhibit this script generates (not the bundled one, which
every change is tuned on; and with --large, the 1,000-event one of make_large.py):
- whole process, start to first frame and exit: `kiosk run --windowed --no-supervisor
  --content DIR --exit-after-first-frame`, with the kiosk's home kept from its earlier
  starts and with a fresh one (the first start of the content): wall time, CPU time (user +
  system) and peak memory (the largest resident set, from the operating system's
  accounting), and the largest PSS sampled by psutil;
- `kiosk bench --json`: first frame, next event median and p95, photo viewer, drag follow,
  PSS after every event and its growth over 1,000 navigations. A figure an old commit's
  bench does not report is shown as "-";
- with --timelinejs, TimelineJS 3.9.11 in headless Chromium (idle_compare.py's page) in the
  same start-up rounds: start to first slide drawn, CPU and PSS then.

Qt's offscreen platform and software renderer, as the issue's figures were taken; the kiosk's
settings, log and statistics go to a fresh folder per bench; Qt's QML cache and Python's
bytecode are the commit's own and kept; each commit's processes run in its own checkout
(`python -m kiosk`, as the bench starts its child, imports `kiosk` from the current folder
first: run from another checkout, an old bench drove today's child). Prints medians and
ratios against the first commit (a Markdown table), and with --json FILE every single value.
"""

from __future__ import annotations

import argparse
import hashlib
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
# a start with the kiosk's home kept from the start before (its last good copy of the exhibit
# and its picture checks: every start but the first after a change), and a start with a
# fresh home (the first start of this content: every picture checked before the first frame)
START = [("wall_s", "wall", "s"), ("cpu_s", "CPU (user + system)", "s"),
         ("peak_mb", "peak memory (max RSS)", "MB"), ("pss_peak_mb", "largest PSS (sampled)", "MB")]
FRESH = "fresh_"  # the key prefix of a start with a fresh home
RUN_FIGURES = [*((key, f"start to first frame and exit, home kept: {label}", unit)
                 for key, label, unit in START),
               *((FRESH + key, f"the same, fresh home (first start of the content): {label}",
                  unit) for key, label, unit in START)]
PSS_EVERY = 0.1  # seconds between PSS samples of a start-up


@dataclass
class Build:
    """One commit (or the working tree), checked out, with the venv its lock asks for."""

    name: str  # as given on the command line
    sha: str  # the commit; for "." the commit the working tree is on
    folder: Path  # its checkout: `python -m kiosk` runs there, PYTHONPATH points there
    venv: Path  # shared by every commit with the same lock
    cache: Path  # its own compiled-QML cache, kept warm between runs
    bench_options: list[str] = field(default_factory=list)  # what this commit's bench takes

    @property
    def python(self) -> Path:
        return self.venv / ("Scripts/python.exe" if WINDOWS else "bin/python")

    @property
    def label(self) -> str:
        return f"{self.name} ({self.sha[:7]}{' + changes' if self.name == '.' else ''})"

    def command(self, *args: str) -> list[str]:
        """`python -m kiosk ARGS` of this checkout: the cwd and PYTHONPATH are the checkout,
        so the venv's own installed kiosk (an editable install of another checkout, when the
        venv is shared) is never the one that runs."""
        return [str(self.python), "-m", "kiosk", *args]


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


def lock_beside(venv: Path) -> str | None:
    """The lock of the checkout a venv lives in (CHECKOUT/.venv): what it was installed from."""
    for lock in LOCKS:
        path = venv.parent / lock
        if path.exists():
            return path.read_text(encoding="utf-8")
    return None


def venv_for(lock: str, work: Path, reuse: Path | None) -> Path:
    """A venv holding exactly this lock: `reuse` when its checkout has the same lock (no
    install at all), else one made once per distinct lock under WORK/venvs and kept."""
    if reuse is not None and lock_beside(reuse) == lock:
        return reuse
    venv = work / "venvs" / hashlib.sha256(lock.encode("utf-8")).hexdigest()[:12]
    ready = venv / "compare-installed"
    if not ready.exists():
        print(f"# installing a lock into {venv}", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        (venv / "lock.txt").write_text(lock, encoding="utf-8")
        python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
        done = subprocess.run([str(python), "-m", "pip", "install", "-q",
                               "--disable-pip-version-check", "--require-hashes", "--no-deps",
                               "-r", str(venv / "lock.txt")],
                              capture_output=True, text=True, encoding="utf-8")
        if done.returncode != 0:
            raise CompareError(f"installing the lock into {venv} failed:\n"
                               f"{done.stderr[-2000:]}")
        ready.write_text("ok", encoding="utf-8")
    return venv


def build(name: str, sha: str, work: Path, fallback_lock: str, reuse: Path | None) -> Build:
    """The commit in a detached worktree (made once, then reused; "." is this working tree
    as it is) with the venv of its lock."""
    if name == ".":
        folder = REPO
        lock = lock_beside(REPO / ".venv") or fallback_lock  # the working tree's own lock
        cache = work / "qml-cache" / "working-tree"
    else:
        folder = work / sha[:12]
        if not (folder / ".git").exists():
            if folder.exists():
                shutil.rmtree(folder)
            git("worktree", "prune")
            git("worktree", "add", "--detach", str(folder), sha)
        lock = lock_of(sha) or fallback_lock
        cache = work / "qml-cache" / sha[:12]
    one = Build(name, sha, folder, venv_for(lock, work, reuse), cache)
    helptext = subprocess.run(one.command("bench", "--help"), capture_output=True, text=True,
                              encoding="utf-8", cwd=folder, env=environment(one)).stdout
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


def environment(one: Build, home: Path | None = None) -> dict[str, str]:
    """Offscreen, software renderer, the commit's own checkout first on the path, and a fresh
    home for settings, log and statistics. The cache (Qt's compiled QML) is the commit's own
    and kept, warm as on a kiosk that has started before: a cold one would measure QML
    compilation instead of the program. So is Python's bytecode (PYTHONPYCACHEPREFIX, the
    commit's own, and never PYTHONDONTWRITEBYTECODE): without it every start compiles the
    program's source again, a third of a second here, which a packaged kiosk never does."""
    home = home or Path(tempfile.gettempdir()) / "kiosk-compare-home"
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software", KIOSK_HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(one.cache), XDG_DATA_HOME=str(home / "data"),
               PYTHONPATH=str(one.folder), PYTHONPYCACHEPREFIX=str(one.cache / "pycache"),
               PATH=os.pathsep.join([str(one.python.parent), env.get("PATH", "")]))
    env.pop("KIOSK_CONTENT", None)
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def tree_pss_mb(process: psutil.Process) -> float:
    """PSS of a process and its children in MB (USS where there is no PSS: Windows)."""
    total = 0
    try:
        tree = [process, *process.children(recursive=True)]
    except psutil.Error:  # it has just ended
        return 0.0
    for one in tree:
        try:
            info = one.memory_full_info()
        except psutil.Error:
            continue
        total += getattr(info, "pss", info.uss)
    return total / 1e6


def run_once(one: Build, content: Path, scratch: Path, pss_every: float = PSS_EVERY,
             home: Path | None = None) -> dict[str, float]:
    """Start to first frame and exit, as one process: wall, CPU, peak resident memory (the
    kernel's accounting, where it has one) and the largest PSS seen by psutil every
    `pss_every` seconds (0: not sampled; each sample reads the child's memory map, a few
    milliseconds of this process's CPU, the same for every commit). A `home` given is kept
    (the kiosk's settings, last good copy and picture checks); else a fresh one is made."""
    fresh = home is None
    home = home or Path(tempfile.mkdtemp(dir=scratch))
    command = one.command("run", "--windowed", "--no-supervisor", "--content", str(content),
                          "--exit-after-first-frame")
    start = time.perf_counter()
    child = subprocess.Popen(command, env=environment(one, home), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, cwd=one.folder)
    process = psutil.Process(child.pid)
    deadline = start + RUN_TIMEOUT
    cpu, peak, pss, sampled = 0.0, 0.0, 0.0, 0.0
    while True:
        if hasattr(os, "wait4"):  # the kernel's own accounting of the child, when it ends
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                child.returncode = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
                peak = usage.ru_maxrss / 1024  # KiB on Linux
                break
        elif child.poll() is not None:
            break
        else:  # Windows: psutil's view of the running process
            try:
                times = process.cpu_times()
                cpu = times.user + times.system
                peak = max(peak, getattr(process.memory_info(), "peak_wset", 0) / 2**20)
            except psutil.Error:
                pass
        now = time.perf_counter()
        if now > deadline:
            child.kill()
            child.wait()
            raise CompareError(f"{one.name}: kiosk run took over {RUN_TIMEOUT:.0f} s")
        if pss_every and now - sampled >= pss_every:
            pss = max(pss, tree_pss_mb(process))
            sampled = time.perf_counter()
        time.sleep(0.002)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
    if fresh:
        shutil.rmtree(home, ignore_errors=True)
    if child.returncode != 0:
        raise CompareError(f"{one.name}: kiosk run exited {child.returncode}:\n{stderr[-1500:]}")
    figures = {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak}
    if pss_every:
        figures["pss_peak_mb"] = pss
    return figures


def bench_once(one: Build, content: Path, scratch: Path, idle_seconds: float) -> dict[str, Any]:
    """One `kiosk bench --json` of this commit; its figures as it reports them."""
    home = Path(tempfile.mkdtemp(dir=scratch))
    command = one.command("bench", str(content), "--json")
    if "--idle-seconds" in one.bench_options:
        command += ["--idle-seconds", str(idle_seconds)]
    try:
        done = subprocess.run(command, env=environment(one, home), capture_output=True,
                              text=True, encoding="utf-8", timeout=BENCH_TIMEOUT, cwd=one.folder)
    except subprocess.TimeoutExpired:
        raise CompareError(f"{one.name}: kiosk bench took over {BENCH_TIMEOUT:.0f} s") from None
    finally:
        shutil.rmtree(home, ignore_errors=True)
    figures = bench_figures(done.stdout)
    if done.returncode != 0 or figures is None:
        raise CompareError(f"{one.name}: kiosk bench exited {done.returncode}:\n"
                           f"{done.stderr[-1500:]}")
    return figures


def bench_figures(stdout: str) -> dict[str, Any] | None:
    """The figures of `kiosk bench --json`: its last line that is a JSON object (an old
    bench printed progress lines before it)."""
    for line in reversed(stdout.splitlines()):
        if line.startswith("{"):
            try:
                figures = json.loads(line)
            except ValueError:
                continue
            if isinstance(figures, dict):
                return figures
    return None


def validate(one: Build, content: Path) -> None:
    done = subprocess.run(one.command("validate", str(content)), capture_output=True,
                          text=True, encoding="utf-8", cwd=one.folder, env=environment(one))
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


Samples = dict[str, dict[str, dict[str, list[Any]]]]  # column, exhibit, figure: values


def table(columns: list[tuple[str, str]], samples: Samples, exhibits: list[str],
          against: str | None = None) -> str:
    """Markdown: per exhibit and figure, each column's median (n) and its ratio to the first
    column; with `against` (TimelineJS's column), a last column of the other columns'
    ratios to that one, for the figures it has."""
    heads = [head for _, head in columns]
    if against:
        heads.append(f"of {dict(columns)[against]}")
    rows = ["| figure | " + " | ".join(heads) + " |", "|---" * (len(heads) + 1) + "|"]
    for exhibit in exhibits:
        rows.append(f"| **{exhibit}** |" + " |" * len(heads))
        for key, label, unit in [*RUN_FIGURES, *BENCH_FIGURES]:
            per = [samples[column][exhibit].get(key, []) for column, _ in columns]
            if not any(per):
                continue
            medians = [median(values) for values in per]
            cells = []
            for index, (values, value) in enumerate(zip(per, medians, strict=True)):
                cell = f"{show(value, unit)} (n={len([v for v in values if v is not None])})"
                if index:
                    cell += ratio(value, medians[0], key, unit)
                cells.append(cell)
            if against:
                base = median(samples[against][exhibit].get(key, []))
                cells.append(", ".join(ratio(value, base, key, unit).strip() or "-"
                                       for (column, _), value in zip(columns, medians,
                                                                     strict=True)
                                       if column != against))
            rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def ratio(value: float | None, base: float | None, key: str, unit: str) -> str:
    """" x1.23" of value to base; nothing for a count, a growth or a missing figure."""
    if value is None or not base or not unit or key == "pss_growth_mb":
        return ""
    return f" x{value / base:.2f}"


TIMELINEJS = "TimelineJS"  # its column's key
FIRST_SLIDE = "kiosk-compare first slide"  # what the page logs once its first slide is drawn


def timelinejs_page(folder: Path, content: Path, cache: Path) -> Path:
    """The exhibit as a TimelineJS 3.9.11 page (idle_compare.py's, from local files), which
    logs FIRST_SLIDE once the page and its pictures are loaded and two frames have passed."""
    sys.path.insert(0, str(HERE))
    import idle_compare  # imports kiosk: only when TimelineJS is asked for

    from kiosk.content import load_folder

    exhibit = load_folder(content).exhibit
    if exhibit is None:
        raise CompareError(f"{content} does not load")
    page = idle_compare.write_page(folder, idle_compare.timelinejs_dist(cache), exhibit, 0)
    text = page.read_text(encoding="utf-8").replace("</body>", (
        "<script>addEventListener('load', () => requestAnimationFrame(() => "
        f"requestAnimationFrame(() => console.log('{FIRST_SLIDE}'))));</script></body>"))
    page.write_text(text, encoding="utf-8")
    return page


def timelinejs_once(page: Path, scratch: Path) -> dict[str, float]:
    """Headless Chromium from its start to TimelineJS's first slide drawn: wall time, CPU
    and PSS of all its processes at that moment (then it is closed)."""
    profile = Path(tempfile.mkdtemp(dir=scratch))
    log = profile / "console.txt"
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as sink:
        browser = subprocess.Popen(
            ["chromium", *CHROMIUM_FLAGS, "--enable-logging=stderr", "--v=0",
             f"--user-data-dir={profile / 'profile'}", page.as_uri()],
            stdout=subprocess.DEVNULL, stderr=sink)
    process = psutil.Process(browser.pid)
    try:
        while FIRST_SLIDE not in log.read_text(encoding="utf-8", errors="replace"):
            if browser.poll() is not None or time.perf_counter() - start > RUN_TIMEOUT:
                raise CompareError("TimelineJS did not show its first slide:\n"
                                   + log.read_text(encoding="utf-8", errors="replace")[-1500:])
            time.sleep(0.005)
        wall = time.perf_counter() - start
        cpu = 0.0
        for one in [process, *process.children(recursive=True)]:
            try:
                times = one.cpu_times()
                cpu += times.user + times.system
            except psutil.Error:
                pass
        return {"wall_s": wall, "cpu_s": cpu, "pss_peak_mb": tree_pss_mb(process)}
    finally:
        browser.terminate()
        try:
            browser.wait(30)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--window-size=1920,1080"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("commits", nargs="+", metavar="COMMIT",
                        help="two or more commits (\".\" is the working tree as it is); the "
                        "first is the base of the ratios")
    parser.add_argument("--runs", type=int, default=7,
                        help="start-to-first-frame processes per commit (default 7)")
    parser.add_argument("--bench-runs", type=int, default=3,
                        help="`kiosk bench` runs per commit (default 3; 0 leaves it out)")
    parser.add_argument("--idle-seconds", type=float, default=1.0,
                        help="idle CPU windows in bench, where a commit has them (default 1 s:"
                        " idle is measured under Xvfb by idle_compare.py)")
    parser.add_argument("--pss-every", type=float, default=PSS_EVERY,
                        help=f"seconds between PSS samples of a start-up (default {PSS_EVERY};"
                        " 0: none)")
    parser.add_argument("--timelinejs", action="store_true",
                        help="TimelineJS 3.9.11 in headless Chromium as a last column, in the "
                        "same start-up rounds (needs chromium and npm, as idle_compare.py)")
    parser.add_argument("--large", metavar="DIR", help="also the 1,000-event exhibit in DIR "
                        "(made by benchmarks/make_large.py if DIR does not hold it)")
    parser.add_argument("--large-bench-runs", type=int, default=0,
                        help="`kiosk bench` runs per commit on the large exhibit (default 0: "
                        "start-up only; one bench there takes minutes)")
    parser.add_argument("--work", type=Path, default=Path.home() / ".cache" / "kiosk-compare",
                        help="worktrees, venvs, QML caches and the held-out exhibit")
    parser.add_argument("--venv", type=Path, default=running_venv(),
                        help="a venv to use for every commit whose lock is the one of the "
                        "checkout it is in (default: the one running this script, %(default)s)")
    parser.add_argument("--json", metavar="FILE", help="write every value as JSON")
    args = parser.parse_args(argv)
    if len(args.commits) < 2:
        parser.error("give at least two commits")
    if len(set(args.commits)) < len(args.commits):
        parser.error("give each commit once")
    try:
        return compare(args)
    except CompareError as problem:
        print(f"compare: {problem}", file=sys.stderr)
        return 1


def running_venv() -> Path | None:
    return Path(sys.prefix) if sys.prefix != sys.base_prefix else None


def compare(args: argparse.Namespace) -> int:
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    shas = [resolve("HEAD" if name == "." else name) for name in args.commits]
    locks = [lock for lock in (lock_of(sha) for sha in shas) if lock is not None]
    if not locks:
        raise CompareError("none of these commits has a lock file in requirements/")
    builds = [build(name, sha, work, locks[0], args.venv)
              for name, sha in zip(args.commits, shas, strict=True)]
    for one in builds:
        print(f"# {one.label}: {one.folder}, venv {one.venv}", file=sys.stderr, flush=True)
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
    columns = [(b.name, b.label) for b in builds]
    pages: dict[str, Path] = {}
    if args.timelinejs:
        columns.append((TIMELINEJS, "TimelineJS 3.9.11, Chromium"))
        for name, content in exhibits.items():
            pages[name] = timelinejs_page(Path(tempfile.mkdtemp(dir=scratch)), content,
                                          HERE / ".timelinejs")
    samples: Samples = {column: {name: {} for name in exhibits} for column, _ in columns}
    loads = [load()]
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())

    def start_up(column: str, name: str, content: Path) -> dict[str, float]:
        """One start with the home kept, one with a fresh home (TimelineJS: one start)."""
        if column == TIMELINEJS:
            return timelinejs_once(pages[name], scratch)
        one = next(b for b in builds if b.name == column)
        home = scratch / "homes" / f"{builds.index(one)}-{list(exhibits).index(name)}"
        home.mkdir(parents=True, exist_ok=True)
        kept = run_once(one, content, scratch, args.pss_every, home)
        fresh = run_once(one, content, scratch, args.pss_every)
        return {**kept, **{FRESH + key: value for key, value in fresh.items()}}

    try:
        for name, content in exhibits.items():
            for column, _ in columns:  # warm the file and QML caches: not counted
                start_up(column, name, content)
            for round_ in range(args.runs):
                for column, _ in columns if round_ % 2 == 0 else columns[::-1]:
                    for key, value in start_up(column, name, content).items():
                        samples[column][name].setdefault(key, []).append(value)
                progress(f"{name}: start-up round {round_ + 1}/{args.runs}", samples, name,
                         "wall_s")
            benches = args.large_bench_runs if content == exhibits.get(LARGE) else args.bench_runs
            for round_ in range(benches):
                for one in builds if round_ % 2 == 0 else builds[::-1]:
                    figures = bench_once(one, content, scratch, args.idle_seconds)
                    for key, _, _ in BENCH_FIGURES:
                        samples[one.name][name].setdefault(key, []).append(figures.get(key))
                progress(f"{name}: bench round {round_ + 1}/{benches}", samples, name,
                         "next_p95_ms")
                loads.append(load())
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    loads.append(load())
    print(f"compare.py, {started}, {os.cpu_count()} cores, offscreen + software renderer; "
          f"{args.runs} start-ups and {args.bench_runs} benches per commit and exhibit "
          f"({args.large_bench_runs} on the large one), alternating; "
          f"{' / '.join(loads)}")
    print(table(columns, samples, list(exhibits), TIMELINEJS if args.timelinejs else None))
    if args.json:
        Path(args.json).write_text(json.dumps({
            "started": started, "loads": loads,
            "commits": [{"name": b.name, "sha": b.sha} for b in builds],
            "samples": samples}, indent=1), encoding="utf-8")
    return 0


def progress(what: str, samples: Samples, exhibit: str, key: str) -> None:
    last = ", ".join(f"{column} {per[exhibit][key][-1]:.3g}" for column, per in samples.items()
                     if per[exhibit].get(key) and per[exhibit][key][-1] is not None)
    print(f"# {what}: {last} ({load()})", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
