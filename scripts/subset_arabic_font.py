"""Subset Noto Sans Arabic (Regular, Bold) into assets/fonts/, so that an exhibit in Arabic
(or a kiosk word in Arabic) is drawn with shaped, joined letters on any computer.

    apt-get install fonts-noto-core && python scripts/subset_arabic_font.py

The subset keeps the Arabic block (letters, marks, Arabic-Indic digits and punctuation),
the joiners and direction marks, and every OpenType feature: shaping needs them all.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/noto")
RANGES = [(0x0600, 0x06FF), (0x200C, 0x200F), (0x2066, 0x2069), (0xFD3E, 0xFD3F)]
LICENCE = """Noto Sans Arabic, subset for this kiosk by scripts/subset_arabic_font.py.
Copyright 2015-2020 Google LLC (the Noto project, https://github.com/notofonts/arabic).
This Font Software is licensed under the SIL Open Font License, Version 1.1,
whose full text is in OFL.txt beside this file.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "fonts")
    args = parser.parse_args()
    codes = {c for start, end in RANGES for c in range(start, end + 1)}
    for weight in ("Regular", "Bold"):
        font = TTFont(str(args.source / f"NotoSansArabic-{weight}.ttf"))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False  # the kiosk draws unhinted
        options.drop_tables += ["DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        out = args.out / f"NotoSansArabic-{weight}.subset.ttf"
        font.save(str(out))
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} kB")
    (args.out / "NotoSansArabic-LICENCE.txt").write_text(LICENCE, encoding="utf-8")


if __name__ == "__main__":
    main()
