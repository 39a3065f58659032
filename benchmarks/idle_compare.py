"""What a kiosk costs while nobody touches it: this kiosk with each Qt Quick renderer against
TimelineJS 3 in headless Chromium, measured in one run by one method (psutil: CPU time of
the whole process tree over a window, and its memory: PSS on Linux, else USS).

    xvfb-run -s "-screen 0 1920x1080x24" .venv/bin/python benchmarks/idle_compare.py

Needs `chromium` (Debian's) and `npm`, which fetches TimelineJS (@knight-lab/timelinejs)
once into benchmarks/.timelinejs (not committed). The page is built from the bundled
exhibit and opened from local files: nothing comes from the network while measuring.
Prints a Markdown table (docs/performance.md) and, with --json FILE, every figure.
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
from pathlib import Path
from typing import Any

from kiosk.content import load_folder
from kiosk.core.model import Exhibit
from kiosk.services.paths import bundled_content
from kiosk.tools.bench import cpu_percent, memory_mb

TIMELINEJS = "@knight-lab/timelinejs@3.9.11"
HERE = Path(__file__).resolve().parent
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--window-size=1920,1080"]
# the kiosk's renderers: its own choice (kiosk/ui/shared/render.py), Qt Quick's software renderer,
# and OpenGL (Mesa's llvmpipe here)
KIOSK_BACKENDS = {"default": {}, "software": {"QT_QUICK_BACKEND": "software"},
                  "opengl": {"QSG_RHI_BACKEND": "opengl"}}


def timelinejs_dist(cache: Path) -> Path:
    dist = cache / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
    if not dist.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(cache), "--no-save", "--no-audit",
                        "--no-fund", "--ignore-scripts", TIMELINEJS], check=True)
    return dist


def timeline_json(exhibit: Exhibit) -> dict[str, Any]:
    """The exhibit as TimelineJS data: a title slide, then one slide per event."""
    lang = exhibit.default_language

    def date(value: Any) -> dict[str, str]:
        parts = {"year": str(value.year)}
        if value.month:
            parts["month"] = str(value.month)
        if value.day:
            parts["day"] = str(value.day)
        return parts

    pictures = [e for e in exhibit.events if e.highlight and e.media] or \
        [e for e in exhibit.events if e.media]
    title: dict[str, Any] = {"text": {"headline": exhibit.title.get(lang),
                                      "text": exhibit.subtitle.get(lang)}}
    if pictures:
        title["background"] = {"url": pictures[0].media[0].image.as_uri()}
    events = []
    for event in exhibit.events:
        slide: dict[str, Any] = {"start_date": date(event.date),
                                 "text": {"headline": event.title.get(lang),
                                          "text": event.body.get(lang)}}
        if event.end is not None:
            slide["end_date"] = date(event.end)
        if event.media:
            slide["media"] = {"url": event.media[0].image.as_uri(),
                              "caption": event.media[0].caption.get(lang)}
        events.append(slide)
    return {"title": title, "events": events}


def write_page(folder: Path, dist: Path, exhibit: Exhibit, start_at_slide: int) -> Path:
    page = folder / f"slide{start_at_slide}.html"
    data = json.dumps(timeline_json(exhibit))
    page.write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="{(dist / 'css' / 'timeline.css').as_uri()}">
<script src="{(dist / 'js' / 'timeline.js').as_uri()}"></script>
<style>html, body, #timeline {{ width: 100%; height: 100%; margin: 0; }}</style>
</head><body><div id="timeline"></div>
<script>new TL.Timeline("timeline", {data},
  {{start_at_slide: {start_at_slide}, hash_bookmark: false, track_events: []}});</script>
</body></html>
""", encoding="utf-8")
    return page


def measure_chromium(page: Path, seconds: float, windows: int, warm_up: float) -> dict[str, Any]:
    profile = Path(tempfile.mkdtemp(prefix="tl-profile-"))
    browser = subprocess.Popen(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                                page.as_uri()], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        time.sleep(warm_up)
        cpu = [cpu_percent(browser.pid, seconds) for _ in range(windows)]
        return {"cpu": cpu, "memory_mb": memory_mb(browser.pid)}
    finally:
        browser.terminate()
        browser.wait(30)
        shutil.rmtree(profile, ignore_errors=True)


def measure_kiosk(backend: str, seconds: float | None) -> dict[str, Any]:
    env = {name: value for name, value in os.environ.items()
           if name not in ("QT_QUICK_BACKEND", "QSG_RHI_BACKEND")}
    env.update({"QT_QPA_PLATFORM": "xcb", **KIOSK_BACKENDS[backend]})
    command = [sys.executable, "-m", "kiosk", "bench", "--json"]
    if seconds:
        command += ["--idle-seconds", str(seconds)]
    run = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(run.stdout)
    return figures


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} % ({min(values):.1f} – {max(values):.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="length of one window")
    parser.add_argument("--windows", type=int, default=3, help="windows per figure")
    parser.add_argument("--json", metavar="FILE", help="write every figure here")
    parser.add_argument("--cache", type=Path, default=HERE / ".timelinejs")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("the kiosk is measured with a real window: run under an X server (xvfb-run)",
              file=sys.stderr)
        return 2
    exhibit = load_folder(bundled_content()).exhibit
    assert exhibit is not None
    dist = timelinejs_dist(args.cache)
    kiosk = {backend: measure_kiosk(backend, args.seconds) for backend in KIOSK_BACKENDS}
    with tempfile.TemporaryDirectory(prefix="timelinejs-") as folder:
        title = measure_chromium(write_page(Path(folder), dist, exhibit, 0),
                                 args.seconds, args.windows, warm_up=8)
        event = measure_chromium(write_page(Path(folder), dist, exhibit, 3),
                                 args.seconds, args.windows, warm_up=8)
    if args.json:
        Path(args.json).write_text(json.dumps({"kiosk": kiosk, "timelinejs_title": title,
                                               "timelinejs_event": event}, indent=1),
                                   encoding="utf-8")
    software, opengl = kiosk["software"], kiosk["opengl"]

    def idle(figures: dict[str, Any], screen: str) -> str:
        low, high = figures[f"idle_{screen}_cpu_range"]
        return f"{figures[f'idle_{screen}_cpu_pct']:.1f} % ({low:.1f} – {high:.1f})"

    print("| screen, nobody touching | CPU, OpenGL (llvmpipe) | CPU, software renderer "
          "| memory (PSS) |")
    print("|---|---|---|---|")
    print(f"| kiosk: welcome (attract cycle) | {idle(opengl, 'welcome')} | "
          f"{idle(software, 'welcome')} | {opengl['pss_mb']:.0f} MB / "
          f"{software['pss_mb']:.0f} MB |")
    print(f"| kiosk: welcome, less motion | {idle(opengl, 'welcome_less_motion')} | "
          f"{idle(software, 'welcome_less_motion')} | |")
    print(f"| kiosk: an event | {idle(opengl, 'event')} | {idle(software, 'event')} | |")
    print(f"| TimelineJS 3, headless Chromium: title slide | {spread(title['cpu'])} "
          f"(all its processes) | | {title['memory_mb']:.0f} MB |")
    print(f"| TimelineJS 3, headless Chromium: an event | {spread(event['cpu'])} | | "
          f"{event['memory_mb']:.0f} MB |")
    print()
    default = kiosk["default"]
    print(f"| kiosk | OpenGL (llvmpipe) | software renderer | its own choice "
          f"({default['backend']}) |")
    print("|---|---|---|---|")
    for key, label, unit in (("first_frame_ms", "cold start to first frame", "ms"),
                             ("next_p50_ms", "next event, median", "ms"),
                             ("next_p95_ms", "next event, p95", "ms"),
                             ("drag_follow_ms", "drag follows the finger, median", "ms"),
                             ("pss_mb", "memory (PSS)", "MB"),
                             ("pss_growth_mb", "growth over 1,000 navigations", "MB")):
        print(f"| {label} | {opengl[key]:.1f} {unit} | {software[key]:.1f} {unit} | "
              f"{default[key]:.1f} {unit} |")
    for screen in ("welcome", "welcome_less_motion", "event"):
        print(f"| idle CPU, {screen.replace('_', ' ')} | {idle(opengl, screen)} | "
              f"{idle(software, screen)} | {idle(default, screen)} |")
        print(f"| frames a second, {screen.replace('_', ' ')} | "
              + " | ".join(f"{figures[f'idle_{screen}_fps']:.2f}"
                           for figures in (opengl, software, default)) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
