"""Subset Noto Sans Arabic (Regular, Bold) into assets/fonts/, so that an exhibit in Arabic
(or a kiosk word in Arabic) is drawn with shaped, joined letters on any computer.

    apt-get install fonts-noto-core && python scripts/subset_arabic_font.py

The subset keeps the Arabic block (letters, marks, Arabic-Indic digits and punctuation),
the joiners and direction marks, and every OpenType feature: shaping needs them all.
"""

from __future__ import annotations

from noto_subset import subset_family

RANGES = [(0x0600, 0x06FF), (0x200C, 0x200F), (0x2066, 0x2069), (0xFD3E, 0xFD3F)]
LICENCE = """Noto Sans Arabic, subset for this kiosk by scripts/subset_arabic_font.py.
Copyright 2015-2020 Google LLC (the Noto project, https://github.com/notofonts/arabic).
This Font Software is licensed under the SIL Open Font License, Version 1.1,
whose full text is in OFL.txt beside this file.
"""


def main() -> None:
    subset_family(__doc__.splitlines()[0], "NotoSansArabic", RANGES, LICENCE)


if __name__ == "__main__":
    main()
