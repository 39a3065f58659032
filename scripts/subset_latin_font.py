"""Subset Noto Sans (Regular, Bold) into assets/fonts/, so that Latin text is set in a Latin
font: the CJK font's quotes and dashes are full-width (“green social enterprise” came out
with a gap on either side), and its Latin letters are Source Sans, not the Latin face the
design asks for.

    apt-get install fonts-noto-core && python scripts/subset_latin_font.py

The subset keeps the Latin letters of Western and Central European languages and of pinyin
(Latin Extended-A and -B, combining marks), general punctuation (with the invisible joiners
and direction isolates), currency and letter-like symbols, and every OpenType feature
(kerning, ligatures). Chinese and Arabic come from their own fonts (kiosk/ui/view.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/noto")
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2B0, 0x36F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
          (0x20A0, 0x20BF), (0x2100, 0x214F)]
LICENCE = """Noto Sans, subset for this kiosk by scripts/subset_latin_font.py.
Copyright 2015 Google LLC (the Noto project, https://github.com/notofonts/latin-greek-cyrillic).
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
        font = TTFont(str(args.source / f"NotoSans-{weight}.ttf"))
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        options.hinting = False  # the kiosk draws unhinted
        options.drop_tables += ["DSIG"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codes)
        subsetter.subset(font)
        out = args.out / f"NotoSans-{weight}.subset.ttf"
        font.save(str(out))
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} kB")
    (args.out / "NotoSans-LICENCE.txt").write_text(LICENCE, encoding="utf-8")


if __name__ == "__main__":
    main()
