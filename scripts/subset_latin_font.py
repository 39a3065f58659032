"""Subset Noto Sans (Regular, Bold) into assets/fonts/, so that Latin text is set in a Latin
font: the CJK font's quotes and dashes are full-width (“green social enterprise” came out
with a gap on either side), and its Latin letters are Source Sans, not the Latin face the
design asks for.

    apt-get install fonts-noto-core && python scripts/subset_latin_font.py

The subset keeps the Latin letters of Western and Central European languages and of pinyin
(Latin Extended-A and -B, combining marks), general punctuation (with the invisible joiners
and direction isolates), currency and letter-like symbols, and every OpenType feature
(kerning, ligatures). Chinese and Arabic come from their own fonts (kiosk/ui/shell/view.py).
"""

from __future__ import annotations

from noto_subset import subset_family

RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x2B0, 0x36F), (0x1E00, 0x1EFF), (0x2000, 0x206F),
          (0x20A0, 0x20BF), (0x2100, 0x214F)]
LICENCE = """Noto Sans, subset for this kiosk by scripts/subset_latin_font.py.
Copyright 2015 Google LLC (the Noto project, https://github.com/notofonts/latin-greek-cyrillic).
This Font Software is licensed under the SIL Open Font License, Version 1.1,
whose full text is in OFL.txt beside this file.
"""


def main() -> None:
    subset_family(__doc__.splitlines()[0], "NotoSans", RANGES, LICENCE)


if __name__ == "__main__":
    main()
