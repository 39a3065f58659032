"""One Noto family (Regular and Bold) subset into assets/fonts/ with its licence note beside
it: the Latin and Arabic faces are made the same way (scripts/subset_latin_font.py,
scripts/subset_arabic_font.py); the CJK face has its own script (scripts/subset_fonts.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/noto")


def subset_family(description: str, family: str, ranges: list[tuple[int, int]],
                  licence: str) -> None:
    """`family`-Regular/Bold.ttf from --source to `family`-*.subset.ttf in --out, keeping
    the code points in `ranges` and every OpenType feature."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "fonts")
    args = parser.parse_args()
    codes = {c for start, end in ranges for c in range(start, end + 1)}
    for weight in ("Regular", "Bold"):
        font = TTFont(str(args.source / f"{family}-{weight}.ttf"))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False  # the kiosk draws unhinted
        options.drop_tables += ["DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        out = args.out / f"{family}-{weight}.subset.ttf"
        font.save(str(out))
        print(f"{out}: {out.stat().st_size // 1024} kB")
    (args.out / f"{family}-LICENCE.txt").write_text(licence, encoding="utf-8")
