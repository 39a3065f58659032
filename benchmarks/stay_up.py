"""A supervised kiosk left running on an exhibit, with visits, under Xvfb: does it start once
and stay up?

    python benchmarks/stay_up.py FOLDER [--minutes 10] [--display 91] [--change-every 60]

Starts an X server (Xvfb, 1920x1080), then the real `kiosk run --content FOLDER` with its
supervisor (full screen, a scratch KIOSK_HOME), and for the given minutes plays visitors
with xdotool: a visit is 6-15 taps a few seconds apart somewhere on the screen (away from
the corners where staff open their panel), then nobody for 40 s, so the idle time-out
brings the welcome screen and its attract cycle back. With --change-every S the kiosk runs
with --watch and an editor saves one event file every S seconds (its highlight flipped,
written whole and renamed into place): the kiosk checks the changed folder behind the
screen and switches to it, every time. At the end it reads the kiosk's log and prints one
JSON line: kiosks started (1 is right), restarts and freezes the supervisor saw (0 is
right), saves made and content switches seen, visits and taps made, and the peak memory of
the kiosk processes (the content check's child process counted in).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--display", type=int, default=91)
    parser.add_argument("--change-every", type=float, default=0.0, metavar="S",
                        help="save a changed event file every S seconds (0: never)")
    parser.add_argument("--home", help="a KIOSK_HOME to start from (one holding a last good "
                        "copy: a normal start); kept afterwards. Default: a scratch one")
    args = parser.parse_args()
    display = f":{args.display}"
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="stay-up-"))
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1920x1080x24", "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # (an X server takes a moment; nothing to wait on but its socket)
    env = dict(os.environ, DISPLAY=display, KIOSK_HOME=str(home))
    env.pop("QT_QPA_PLATFORM", None)
    started = time.monotonic()
    watch = ["--watch"] if args.change_every else []
    # the kiosk's terminal output to a file: a pipe nobody reads fills up (64 kB) and the
    # next problem listing a content switch prints blocks the kiosk's UI thread for good
    terminal = open(home / "terminal.txt", "w", encoding="utf-8")  # noqa: SIM115
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "run", "--content", args.folder,
                              *watch], env=env, stdout=terminal, stderr=terminal)
    rng = random.Random(args.display)
    visits = taps = saves = 0
    next_save = started + 20.0 + (args.change_every or float("inf"))
    peak = 0.0
    deadline = started + args.minutes * 60

    def sample() -> None:
        nonlocal peak, saves, next_save
        if time.monotonic() >= next_save:
            save(Path(args.folder), saves)
            saves += 1
            next_save += args.change_every
        try:
            tree = [psutil.Process(kiosk.pid), *psutil.Process(kiosk.pid).children(True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree) / 2**20)
        except psutil.Error:
            pass

    def tap(x: int, y: int) -> None:
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=env,
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    time.sleep(20.0)  # let it start (its first frame is the figure of benchmarks/scale.py)
    while time.monotonic() < deadline - 45:
        visits += 1
        for _ in range(rng.randint(6, 15)):
            tap(rng.randint(200, 1720), rng.randint(150, 1020))
            taps += 1
            sample()
            time.sleep(rng.uniform(1.5, 5.0))
        quiet_until = min(deadline, time.monotonic() + 40)
        while time.monotonic() < quiet_until:
            sample()
            time.sleep(2.0)
    while time.monotonic() < deadline:
        sample()
        time.sleep(2.0)
    kiosk.send_signal(signal.SIGTERM)
    try:
        kiosk.wait(30)
    except subprocess.TimeoutExpired:
        kiosk.kill()
    xvfb.terminate()
    xvfb.wait(10)
    terminal.close()
    logs = "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in sorted(home.rglob("kiosk.log*")))
    print(json.dumps({
        "folder": args.folder, "minutes": args.minutes,
        "kiosks_started": logs.count("started kiosk pid"),
        "restarts": logs.count("restarting in"),
        "frozen": logs.count("stopped answering"),
        "saves": saves, "switches": logs.count("content switched"),
        "checks": logs.count("content checked in"),
        "visits": visits, "taps": taps, "peak_rss_mb": round(peak),
        "log_errors": [line for line in logs.splitlines() if " ERROR " in line][:5],
    }))
    if not args.home:
        shutil.rmtree(home, ignore_errors=True)


def save(folder: Path, number: int) -> None:
    """An editor's save: one event file with its highlight flipped, written beside it and
    renamed into place (as editors save)."""
    events = sorted((folder / "events").glob("*.yaml"))
    target = events[number % len(events)]
    text = target.read_text(encoding="utf-8")
    flipped = text.replace("highlight: false", "highlight: TRUE").replace(
        "highlight: true", "highlight: false").replace("highlight: TRUE", "highlight: true")
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(flipped, encoding="utf-8")
    os.replace(partial, target)


if __name__ == "__main__":
    main()
