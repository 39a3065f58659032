"""Draw the bundled exhibit's illustrations: flat, geometric, clearly not photographs.

    python scripts/make_illustrations.py [--out data/media] [--width 2400]

Each event of data/ has a motif below, keyed by its id. Its colour is its era's, read from
data/ (so an era recoloured there is redrawn here); an event outside every era is drawn in one
neutral grey, since an era's colour on it would suggest a link to that era that is not there.
Restyle by editing a motif and running the script again; the YAML does not change.
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
from collections.abc import Callable
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BG = (14, 26, 43)
INK = (232, 240, 248)
ACCENT = (92, 192, 242)
WARM = (255, 196, 92)
NEUTRAL = (116, 116, 116)  # events outside every era: a grey, no era's hue
RGB = tuple[int, int, int]


def rgb(colour: str) -> RGB:
    """'#2F6690' as (47, 102, 144)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def event_colours(data: Path = DATA) -> dict[str, RGB]:
    """Each event id's colour: its era's as the content gives it, NEUTRAL outside every era."""
    exhibit = yaml.safe_load((data / "exhibit.yaml").read_text(encoding="utf-8"))
    eras = {era["id"]: rgb(era["color"]) for era in exhibit.get("eras") or []}
    events = list(exhibit.get("events") or [])
    for path in sorted((data / "events").glob("*.y*ml")):
        events.append(yaml.safe_load(path.read_text(encoding="utf-8")))
    return {event["id"]: eras.get(event.get("era"), NEUTRAL) for event in events}


Motif = Callable[[ImageDraw.ImageDraw, int, int, tuple[int, int, int], random.Random], None]
MOTIFS: dict[str, Motif] = {}


def motif(name: str) -> Callable[[Motif], Motif]:
    def register(function: Motif) -> Motif:
        MOTIFS[name] = function
        return function

    return register


def mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))


def dot(d: ImageDraw.ImageDraw, x: float, y: float, r: float, fill: tuple[int, ...]) -> None:
    d.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def figure(d: ImageDraw.ImageDraw, x: float, y: float, s: float,
           fill: tuple[int, int, int]) -> None:
    """A person as two shapes: a head and rounded shoulders."""
    dot(d, x, y - s * 1.1, s * 0.45, fill)
    d.rounded_rectangle((x - s * 0.75, y - s * 0.5, x + s * 0.75, y + s * 1.2),
                        radius=s * 0.6, fill=fill)


def hills(d: ImageDraw.ImageDraw, w: int, h: int, base: float, amp: float,
          colour: tuple[int, int, int], rng: random.Random, peaks: int = 5) -> None:
    points = [(0.0, float(h))]
    phase = rng.random() * 6
    for i in range(0, w + 40, 40):
        y = base + amp * (math.sin(i / w * peaks * math.pi + phase) * 0.6
                          + math.sin(i / w * peaks * 2.3 * math.pi + phase * 2) * 0.4)
        points.append((float(i), y))
    points.append((float(w), float(h)))
    d.polygon(points, fill=colour)


@motif("assistance-project")
def _network(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    d.rectangle((0, h * 0.62, w * 0.34, h), fill=mix(BG, ACCENT, 0.12))  # the sea
    land = [(w * (0.45 + 0.45 * rng.random()), h * (0.15 + 0.6 * rng.random()))
            for _ in range(10)]
    for a, b in itertools.pairwise(land):
        d.line((a, b), fill=mix(c, INK, 0.5), width=max(2, w // 600))
    for x, y in land:
        dot(d, x, y, w * 0.022, mix(c, INK, 0.3))
        dot(d, x, y, w * 0.01, WARM)
    abroad = [(w * 0.08, h * 0.78), (w * 0.17, h * 0.88), (w * 0.26, h * 0.75)]
    for x, y in abroad:
        d.line(((x, y), land[0]), fill=mix(BG, WARM, 0.45), width=max(2, w // 900))
        dot(d, x, y, w * 0.016, WARM)


@motif("third-country-programme")
def _columns(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    block = h * 0.07
    for col in range(4):
        x = w * (0.2 + col * 0.17)
        for row in range(3 + col * 2):
            y = h * 0.86 - row * block * 1.15
            d.rounded_rectangle((x, y - block, x + w * 0.12, y), radius=block * 0.2,
                                fill=mix(c, INK, 0.15 + row * 0.06))
    d.line((w * 0.12, h * 0.87, w * 0.88, h * 0.87), fill=INK, width=max(3, w // 500))


@motif("poverty-alleviation")
def _terraces(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    dot(d, w * 0.7, h * 0.35, h * 0.16, WARM)
    for i in range(7):
        hills(d, w, h, h * (0.42 + i * 0.08), h * 0.03, mix(c, (70, 140, 70), i / 7), rng, 3)


@motif("promoting-volunteerism")
def _ripples(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy = w * 0.5, h * 0.55
    for ring in range(1, 8):
        count = ring * 9
        for k in range(count):
            angle = k / count * math.tau + ring
            dot(d, cx + math.cos(angle) * ring * h * 0.065,
                cy + math.sin(angle) * ring * h * 0.065, h * 0.012,
                mix(WARM, c, ring / 8))
    dot(d, cx, cy, h * 0.05, WARM)


@motif("beijing-olympics")
def _stadium(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    box = (w * 0.25, h * 0.3, w * 0.75, h * 0.75)
    d.ellipse(box, outline=mix(c, INK, 0.4), width=int(h * 0.06))
    d.ellipse((w * 0.33, h * 0.4, w * 0.67, h * 0.65), fill=mix(BG, (58, 125, 68), 0.7))
    for k in range(60):
        angle = k / 60 * math.tau
        figure(d, w * 0.5 + math.cos(angle) * w * 0.34, h * 0.53 + math.sin(angle) * h * 0.36,
               h * 0.018, mix(WARM, INK, rng.random() * 0.6))


@motif("wenchuan-earthquake")
def _mountains(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    for i in range(4):
        hills(d, w, h, h * (0.35 + i * 0.12), h * 0.12, mix(c, BG, 0.2 + i * 0.15), rng, 4)
    tx, ty = w * 0.78, h * 0.82
    d.polygon(((tx - h * 0.12, ty), (tx, ty - h * 0.14), (tx + h * 0.12, ty)), fill=INK)
    for k in range(14):
        t = k / 14
        dot(d, w * (0.08 + t * 0.66), h * (0.9 - math.sin(t * math.pi) * 0.1) - t * 10,
            h * 0.012, WARM)


def _dot_group(d: ImageDraw.ImageDraw, count: int, x0: float, y0: float, cols: int,
               step: float, fill: tuple[int, int, int]) -> None:
    for i in range(count):
        dot(d, x0 + (i % cols) * step, y0 + (i // cols) * step, step * 0.34, fill)


@motif("ten-years-of-service")
def _two_groups(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    step = h * 0.045
    _dot_group(d, 143, w * 0.12, h * 0.25, 13, step, WARM)  # national UN Volunteers
    _dot_group(d, 63, w * 0.62, h * 0.25, 7, step, ACCENT)  # international UN Volunteers


@motif("young-migrants")
def _mentoring(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    figure(d, w * 0.42, h * 0.45, h * 0.12, mix(c, INK, 0.5))
    figure(d, w * 0.58, h * 0.5, h * 0.09, WARM)
    d.polygon(((w * 0.36, h * 0.78), (w * 0.5, h * 0.72), (w * 0.64, h * 0.78),
               (w * 0.5, h * 0.84)), fill=INK)
    d.line((w * 0.5, h * 0.72, w * 0.5, h * 0.84), fill=c, width=max(3, w // 400))


@motif("civic-partners")
def _arcs(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    for (x0, y0), (x1, y1) in (((0.8, 0.3), (0.15, 0.4)), ((0.82, 0.6), (0.3, 0.72))):
        points = []
        for k in range(41):
            t = k / 40
            x = w * (x0 + (x1 - x0) * t)
            y = h * (y0 + (y1 - y0) * t) - math.sin(t * math.pi) * h * 0.18
            points.append((x, y))
        d.line(points, fill=mix(c, INK, 0.5), width=max(4, w // 300))
        dot(d, w * x0, h * y0, h * 0.04, WARM)
        dot(d, w * x1, h * y1, h * 0.04, ACCENT)


@motif("youth-university-volunteers")
def _three_years(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    for i in range(6):
        y = h * (0.8 + i * 0.035)
        d.line([(x, y + math.sin(x / w * 30 + i) * h * 0.008) for x in range(0, w + 20, 20)],
               fill=mix(ACCENT, BG, 0.3 + i * 0.1), width=max(2, w // 800))
    for col, count in enumerate((10, 19, 20)):
        for k in range(count):
            figure(d, w * (0.28 + col * 0.22) + (k % 2) * h * 0.05,
                   h * 0.74 - (k // 2) * h * 0.06, h * 0.022, mix(WARM, INK, col * 0.3))


@motif("exchange-conference")
def _round_table(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy, r = w * 0.5, h * 0.52, h * 0.26
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(c, INK, 0.25))
    for k in range(27):
        angle = k / 27 * math.tau
        dot(d, cx + math.cos(angle) * r * 1.3, cy + math.sin(angle) * r * 1.3, h * 0.035,
            (WARM, ACCENT, mix(c, INK, 0.45))[k % 3])


@motif("south-south-cooperation")
def _stepping_stones(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    for i in range(3):
        hills(d, w, h, h * (0.3 + i * 0.14), h * 0.1, mix(c, BG, 0.25 + i * 0.2), rng, 3)
    for k in range(11):
        t = k / 10
        x = w * (0.15 + t * 0.7)
        y = h * (0.92 - t * 0.5) + math.sin(t * 9) * h * 0.03
        s = h * (0.045 - t * 0.02)
        d.ellipse((x - s * 1.6, y - s, x + s * 1.6, y + s), fill=mix(WARM, INK, t))


@motif("virtual-mission")
def _tiles(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    for row in range(3):
        for col in range(4):
            x0, y0 = w * (0.1 + col * 0.205), h * (0.12 + row * 0.27)
            tile = (x0, y0, x0 + w * 0.19, y0 + h * 0.24)
            d.rounded_rectangle(tile, radius=h * 0.02,
                                fill=mix(c, INK, 0.08 + 0.08 * ((row + col) % 3)))
            figure(d, x0 + w * 0.095, y0 + h * 0.15, h * 0.05,
                   WARM if (row, col) == (1, 1) else mix(INK, BG, 0.2))


@motif("looking-ahead")
def _road(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    d.rectangle((0, h * 0.42, w, h * 0.46), fill=WARM)
    hills(d, w, h, h * 0.5, h * 0.02, mix(c, BG, 0.3), rng, 2)
    d.polygon(((w * 0.49, h * 0.46), (w * 0.51, h * 0.46), (w * 0.72, h), (w * 0.28, h)),
              fill=mix(BG, INK, 0.15))
    for k in range(1, 9):
        t = (k / 9) ** 1.6
        for side in (-1, 1):
            dot(d, w * (0.5 + side * (0.02 + t * 0.3)), h * (0.47 + t * 0.52), h * 0.006 * k,
                WARM)


@motif("about-unv")
def _globe(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy, r = w * 0.62, h * 0.5, h * 0.36  # right of centre: the welcome screen's title is left
    d.ellipse((cx - r * 1.08, cy - r * 1.08, cx + r * 1.08, cy + r * 1.08),
              fill=mix(c, BG, 0.45))
    points = []
    for ring in range(1, 12):  # rows of evenly spaced dots, a disc read as a globe
        half = r * math.sqrt(1 - (ring / 6 - 1) ** 2)
        count = max(1, round(half / (r * 0.09)))
        for k in range(-count, count + 1):
            x, y = cx + k / count * half * 0.95, cy + (ring / 6 - 1) * r
            points.append((x, y))
            dot(d, x, y, h * 0.009, mix(c, INK, 0.55))
    china = (cx + r * 0.35, cy - r * 0.3)
    for x, y in rng.sample(points, 14):
        d.line((china, (x, y)), fill=mix(BG, WARM, 0.5), width=max(2, w // 900))
    dot(d, *china, h * 0.03, WARM)


@motif("olympic-experience")
def _rings(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    centre = (w * 0.22, h * 0.55)
    d.ellipse((centre[0] - h * 0.16, centre[1] - h * 0.16, centre[0] + h * 0.16,
               centre[1] + h * 0.16), outline=WARM, width=int(h * 0.03))
    for k in range(5):  # the five events that received the experience
        x, y = w * 0.78, h * (0.16 + k * 0.18)
        points = [(centre[0] + (x - centre[0]) * t,
                   centre[1] + (y - centre[1]) * t - math.sin(t * math.pi) * h * 0.08)
                  for t in (i / 30 for i in range(31))]
        d.line(points, fill=mix(c, INK, 0.4), width=max(3, w // 500))
        d.ellipse((x - h * 0.06, y - h * 0.06, x + h * 0.06, y + h * 0.06),
                  outline=mix(INK, c, 0.2), width=int(h * 0.015))


@motif("civic-engagement")
def _pillars(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    d.rounded_rectangle((w * 0.14, h * 0.8, w * 0.86, h * 0.86), radius=h * 0.01,
                        fill=mix(c, INK, 0.35))
    for k in range(4):  # one pillar for each of the programme's four aims
        x = w * (0.22 + k * 0.16)
        top = h * (0.55 - k * 0.09)
        d.rounded_rectangle((x, top, x + w * 0.08, h * 0.8), radius=h * 0.01,
                            fill=mix(c, INK, 0.15 + k * 0.1))
        dot(d, x + w * 0.04, top - h * 0.06, h * 0.03, WARM)


@motif("china-at-35")
def _years(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy = w * 0.5, h * 0.55
    for year in range(35, 0, -1):  # 35 rings, one for each year since 1981
        r = h * 0.035 + year * h * 0.012
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=mix(c, WARM, year / 35),
                  width=max(2, int(h * 0.004)))
    dot(d, cx, cy, h * 0.03, WARM)


@motif("priorities-at-35")
def _four_paths(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    d.rectangle((0, h * 0.3, w, h * 0.33), fill=mix(WARM, BG, 0.3))
    hills(d, w, h, h * 0.36, h * 0.02, mix(c, BG, 0.3), rng, 2)
    start = (w * 0.5, h * 0.95)
    for k in range(4):  # one path for each priority
        end = (w * (0.2 + k * 0.2), h * 0.4)
        for i in range(12):
            t = i / 11
            x = start[0] + (end[0] - start[0]) * t
            y = start[1] + (end[1] - start[1]) * t
            dot(d, x, y, h * (0.018 - t * 0.01), mix(WARM, INK, t))


@motif("two-tracks")
def _tracks(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy, r = w * 0.3, h * 0.5, h * 0.3
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(c, BG, 0.4))
    inner = r * 0.6
    d.ellipse((cx - inner, cy - inner, cx + inner, cy + inner), outline=WARM,
              width=int(h * 0.012))  # the first track, within China
    for k in range(5):  # the second track, out across the globe
        y = h * (0.2 + k * 0.15)
        d.line([(cx + r * 0.5, cy), (w * 0.62, (cy + y) / 2), (w * 0.88, y)],
               fill=mix(ACCENT, BG, 0.2), width=int(h * 0.01), joint="curve")
        dot(d, w * 0.88, y, h * 0.025, ACCENT)


@motif("partners-met")
def _five_tiles(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy = w * 0.5, h * 0.52
    d.rounded_rectangle((cx - h * 0.2, cy - h * 0.13, cx + h * 0.2, cy + h * 0.13),
                        radius=h * 0.02, fill=mix(c, INK, 0.3))
    figure(d, cx, cy + h * 0.02, h * 0.05, WARM)
    for k in range(5):  # one tile for each partner organization
        angle = -math.pi / 2 + (k - 2) * 0.62
        x, y = cx + math.cos(angle) * h * 0.62, cy + h * 0.3 + math.sin(angle) * h * 0.62
        d.line(((cx, cy), (x, y)), fill=mix(BG, INK, 0.3), width=max(2, w // 800))
        d.rounded_rectangle((x - h * 0.09, y - h * 0.06, x + h * 0.09, y + h * 0.06),
                            radius=h * 0.015, fill=mix(c, INK, 0.1 + k * 0.08))


@motif("youth-volunteers")
def _setting_out(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    cx, cy, r = w * 0.5, h * 1.25, h * 0.85
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(c, BG, 0.3))
    start = (w * 0.5, h * 0.42)
    for k in range(7):
        angle = math.pi + (k + 1) / 8 * math.pi
        end = (cx + math.cos(angle) * r * 0.95, cy + math.sin(angle) * r * 0.95)
        points = [(start[0] + (end[0] - start[0]) * t,
                   start[1] + (end[1] - start[1]) * t - math.sin(t * math.pi) * h * 0.12)
                  for t in (i / 20 for i in range(21))]
        d.line(points, fill=mix(BG, WARM, 0.5), width=max(2, w // 700))
        figure(d, *points[14], h * 0.025, mix(WARM, INK, k / 7))
    dot(d, *start, h * 0.03, WARM)


@motif("knowledge-sharing")
def _book(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    d.polygon(((w * 0.3, h * 0.78), (w * 0.5, h * 0.7), (w * 0.7, h * 0.78),
               (w * 0.5, h * 0.86)), fill=INK)
    d.line((w * 0.5, h * 0.7, w * 0.5, h * 0.86), fill=c, width=max(3, w // 400))
    for _ in range(40):
        t = rng.random()
        angle = math.pi + rng.random() * math.pi
        dist = h * (0.1 + t * 0.55)
        dot(d, w * 0.5 + math.cos(angle) * dist * 1.4, h * 0.72 + math.sin(angle) * dist,
            h * (0.014 - t * 0.008), mix(WARM, ACCENT, t))


@motif("winter-olympics")
def _snow(d, w, h, c, rng):  # type: ignore[no-untyped-def]
    for _ in range(60):
        dot(d, rng.random() * w, rng.random() * h * 0.45, h * 0.004, INK)
    hills(d, w, h, h * 0.45, h * 0.16, mix(INK, c, 0.25), rng, 3)
    hills(d, w, h, h * 0.6, h * 0.1, mix(c, BG, 0.3), rng, 4)
    for k in range(9):  # the city's skyline
        x = w * (0.55 + k * 0.045)
        d.rectangle((x, h * (0.72 - rng.random() * 0.12), x + w * 0.035, h), fill=mix(BG, c, 0.5))
    for k in range(12):
        t = k / 11
        dot(d, w * (0.15 + t * 0.45), h * (0.55 + t * 0.22), h * 0.01, WARM)


def render(event_id: str, width: int, colour: RGB, seed: int = 1981) -> Image.Image:
    """One illustration, drawn at twice the size and scaled down for smooth edges."""
    scale = 2
    w, h = width * scale, round(width * 9 / 16) * scale
    image = Image.new("RGB", (w, h), BG)
    d = ImageDraw.Draw(image)
    for y in range(0, h, 4):  # a calm vertical gradient from the era colour to the night
        d.rectangle((0, y, w, y + 4), fill=mix(mix(colour, BG, 0.55), BG, y / h))
    MOTIFS[event_id](d, w, h, colour, random.Random(f"{seed}-{event_id}"))
    image = image.filter(ImageFilter.GaussianBlur(scale * 0.4))
    return image.resize((w // scale, h // scale), Image.Resampling.LANCZOS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "media")
    parser.add_argument("--width", type=int, default=2400)
    parser.add_argument("--only", help="draw only this event id")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    colours = event_colours()
    for event_id in MOTIFS:
        if args.only and event_id != args.only:
            continue
        path = args.out / f"{event_id}.jpg"
        image = render(event_id, args.width, colours.get(event_id, NEUTRAL))
        image.save(path, quality=86, optimize=True, progressive=True)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
