"""Build a large exhibit to measure the kiosk against: 1,000 events, each with one
camera-sized (12-megapixel, 4000x3000) JPEG photo.

    python benchmarks/make_large.py [FOLDER]      (default: a new temporary folder)
    kiosk validate FOLDER && kiosk bench FOLDER

Photos are drawn from 24 different pictures with photo-like detail (noise, gradients,
shapes) and written as 1,000 distinct files, so that no cache can share them.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

EVENTS = 1000
DISTINCT = 24
SIZE = (4000, 3000)


def drawn(seed: int, size: tuple[int, int] = SIZE) -> Image.Image:
    """A picture with photo-like detail (noise, a tint, shapes, grain); `size` in pixels."""
    rng = random.Random(seed)
    small = Image.effect_noise((size[0] // 8, size[1] // 8), 60).convert("RGB")
    tint = Image.new("RGB", small.size, tuple(rng.randrange(40, 220) for _ in range(3)))
    image = Image.blend(small, tint, 0.6).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(40, 600)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=tuple(rng.randrange(256) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(2))
    grain = Image.effect_noise(size, 18).convert("RGB")
    return Image.blend(image, grain, 0.12)


def picture(seed: int, size: tuple[int, int] = SIZE) -> bytes:
    """`drawn` as a JPEG (compare.py makes smaller ones)."""
    out = io.BytesIO()  # in memory: a temporary file left open cannot be deleted on Windows
    drawn(seed, size).save(out, format="JPEG", quality=90)
    return out.getvalue()


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="large-"))
    (root / "media").mkdir(parents=True, exist_ok=True)
    (root / "events").mkdir(exist_ok=True)
    pictures = [picture(seed) for seed in range(DISTINCT)]
    eras = "\n".join(
        f"  - {{id: era-{i}, title: {{en: Era {i}, zh: 第{i}时期}}, start: {1000 + i * 100}, "
        f"end: {1000 + (i + 1) * 100}}}" for i in range(10))
    (root / "exhibit.yaml").write_text(
        "format: 1\nlanguages: [en, zh]\ntitle: {en: A large exhibit, zh: 大型展览}\n"
        f"eras:\n{eras}\n", encoding="utf-8")
    rng = random.Random(2024)
    for number in range(EVENTS):
        year = 1000 + number
        photo = root / "media" / f"photo-{number:04d}.jpg"
        # distinct bytes per file: the same picture with its own trailing comment
        photo.write_bytes(pictures[number % DISTINCT] + f"\n{number}".encode())
        body = " ".join(rng.choice(["volunteers", "training", "partners", "provinces",
                                    "exchange", "cooperation"]) for _ in range(60))
        (root / "events" / f"{number:04d}.yaml").write_text(
            f"id: event-{number:04d}\ndate: {year}\nera: era-{number // 100}\n"
            f"highlight: {'true' if number % 50 == 0 else 'false'}\n"
            f"title: {{en: Event number {number}, zh: 第{number}号事件}}\n"
            f"body: {{en: \"{body}\", zh: 志愿服务与合作的故事。}}\n"
            f"media:\n  - image: media/{photo.name}\n"
            f"    caption: {{en: Photo {number}, zh: 图片{number}}}\n"
            f"    credit: Benchmark\n    alt: {{en: A generated picture, zh: 生成的图片}}\n",
            encoding="utf-8")
    print(root)


if __name__ == "__main__":
    main()
