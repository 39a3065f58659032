"""Draw the memory curve of a `kiosk bench --soak N --json` run as a PNG for the docs.

    .venv/bin/kiosk bench --soak 10000 --json > soak.json     (under Xvfb, see the docs)
    .venv/bin/python benchmarks/plot_soak.py soak.json docs/soak.png

Drawn with Pillow (already a dependency), so the docs need no plotting library.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from kiosk.tools.bench import SOAK_WARM_UP, soak_baseline

WIDTH, HEIGHT = 1200, 560
LEFT, RIGHT, TOP, BOTTOM = 90, 30, 60, 80
INK, GRID, LINE, BAND = (30, 30, 30), (220, 220, 220), (20, 100, 170), (230, 242, 230)
TARGET_MB = 10  # the limit on growth after warm-up


def plot(figures: dict[str, object], out: Path) -> None:
    curve = [(int(step), float(mb)) for step, mb in figures["soak_curve"]]  # type: ignore[attr-defined]
    total = curve[-1][0]
    cycles = total // 2
    warm = soak_baseline(curve)
    low = min(min(mb for _, mb in curve), warm) - 5
    high = max(max(mb for _, mb in curve), warm + TARGET_MB) + 5
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=16)
    title = ImageFont.load_default(size=20)

    def x(step: float) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * step / total

    def y(mb: float) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (mb - low) / (high - low)

    # the allowed band: up to TARGET_MB above the memory just after warm-up
    draw.rectangle((x(total * SOAK_WARM_UP), y(warm + TARGET_MB), x(total), y(warm)), fill=BAND)
    tick = 10 if high - low < 120 else 50
    for mb in range(int(low) // tick * tick + tick, int(high) + 1, tick):
        draw.line((LEFT, y(mb), WIDTH - RIGHT, y(mb)), fill=GRID)
        draw.text((LEFT - 10, y(mb)), f"{mb}", fill=INK, font=font, anchor="rm")
    for step in range(0, total + 1, max(1, total // 8)):
        draw.text((x(step), HEIGHT - BOTTOM + 10), f"{step:,}", fill=INK, font=font, anchor="mt")
    draw.line((x(cycles), TOP, x(cycles), HEIGHT - BOTTOM), fill=INK, width=1)
    draw.text((x(cycles / 2), TOP + 8), f"{cycles:,} attract cycles", fill=INK, font=font,
              anchor="mt")
    draw.text((x(cycles * 1.5), TOP + 8), f"{cycles:,} navigations", fill=INK, font=font,
              anchor="mt")
    draw.line([(x(step), y(mb)) for step, mb in curve], fill=LINE, width=3)
    draw.rectangle((LEFT, TOP, WIDTH - RIGHT, HEIGHT - BOTTOM), outline=INK)
    growth = figures.get("soak_growth_mb")
    draw.text((LEFT, 20), f"Kiosk memory (PSS, MB) over a soak: growth after warm-up "
              f"{growth:+.1f} MB (green: the {TARGET_MB} MB allowed)", fill=INK, font=title)
    draw.text((WIDTH / 2, HEIGHT - 30), "steps (attract cycles, then navigations)", fill=INK,
              font=font, anchor="mt")
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(out)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    figures = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    if "soak_curve" not in figures:
        print(f"{sys.argv[1]} has no soak: run kiosk bench --soak N --json", file=sys.stderr)
        return 1
    plot(figures, Path(sys.argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
