"""Subset Noto Sans CJK SC (Regular, Bold) into assets/fonts/ for the kiosk to ship.

    apt-get install fonts-noto-cjk && python scripts/subset_fonts.py

The subset keeps Latin, general and CJK punctuation, the 3,755 characters of GB2312
level 1 (the common simplified-Chinese set), every character of the bundled exhibit
and every word of the kiosk's own interface. Run it again when the content grows.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content import load_folder  # noqa: E402
from kiosk.core.i18n import all_ui_characters  # noqa: E402

SOURCE = Path("/usr/share/fonts/opentype/noto")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FACE = "Noto Sans CJK SC"
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x215F),
          (0x2190, 0x21FF), (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F),
          (0xFF00, 0xFFEF)]


def gb2312_level1() -> str:
    """The 3,755 level-1 hanzi: rows 16 to 55 of GB2312 (the last row has 89)."""
    chars = []
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, cell)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


def wanted_characters(content: Path) -> set[int]:
    codes = {c for start, end in RANGES for c in range(start, end + 1)}
    codes |= {ord(c) for c in gb2312_level1() + all_ui_characters()}
    # the bundled exhibit's characters stay when another exhibit's are added
    for folder in dict.fromkeys([ROOT / "data", content]):
        result = load_folder(folder)
        if result.exhibit is None:
            sys.exit(f"{folder} has errors; run kiosk validate first")
        codes |= {ord(c) for text in result.exhibit.all_strings() for c in text}
    return {c for c in codes if c >= 0x20}


def subset_face(ttc: Path, out: Path, codes: set[int]) -> None:
    collection = TTCollection(str(ttc))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FACE)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codes)
    subsetter.subset(font)
    font.save(str(out))


def licence_text() -> str:
    text = DEBIAN_COPYRIGHT.read_text(encoding="utf-8")
    start = text.index("SIL OPEN FONT LICENSE Version 1.1")
    lines = []
    for line in text[start:].splitlines():
        if line.startswith("License:") or line.startswith("Files:"):
            break
        line = line[1:] if line.startswith(" ") else line
        lines.append("" if line == "." else line)
    header = ("Noto Sans CJK SC, subset for this kiosk by scripts/subset_fonts.py.\n"
              "© 2014-2021 Adobe (http://www.adobe.com/).\n"
              "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n")
    return header + "\n".join(lines).strip() + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "assets" / "fonts")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    codes = wanted_characters(args.content)
    for weight in ("Regular", "Bold"):
        out = args.out / f"NotoSansCJKsc-{weight}.subset.otf"
        subset_face(SOURCE / f"NotoSansCJK-{weight}.ttc", out, codes)
        print(f"{out.relative_to(ROOT)}: {len(codes)} characters, {out.stat().st_size // 1024} kB")
    (args.out / "OFL.txt").write_text(licence_text(), encoding="utf-8")


if __name__ == "__main__":
    main()
