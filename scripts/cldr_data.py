"""CLDR's data as the packaged kiosk carries it: every language, only what kiosk.core.i18n
reads (dates, eras, digits, plural rules), 1.4 MB instead of Babel's 35 MB.

build.spec writes the files with `write(folder)` and collects them where Babel looks
(babel/global.dat, babel/locale-data/*.dat), in place of Babel's own; tests/content/
test_i18n.py checks that the kiosk writes the same dates and words from them. A locale file
keeps only its differences from its parent, as Babel's do: the trimming keeps that.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path
from typing import Any

# What kiosk.core.i18n reads of a locale (through babel.Locale, babel.dates, babel.numbers)
LOCALE_KEYS = frozenset({
    "eras", "months", "date_formats", "datetime_skeletons", "interval_formats",
    "default_numbering_system", "number_symbols", "decimal_formats", "plural_form",
    "numbering_systems", "locale_id",
})
# ... of its skeletons and spans: the shapes of a date (kiosk.core.i18n._skeleton)
SKELETONS = frozenset({"y", "yMMMM", "yMMM", "Gy", "GyMMM", "GyMMMd", "GyMMMMd"})
INTERVALS = frozenset({None, "y"})
DATE_FORMATS = frozenset({"long"})  # a full date of the common era
MONTH_WIDTHS = frozenset({"wide"})  # month names in full (never abbreviated on screen)
# What Babel itself reads of global.dat to find a locale from a code ('zh-TW', 'iw')
GLOBAL_KEYS = frozenset({"likely_subtags", "language_aliases", "territory_aliases",
                         "script_aliases", "variant_aliases", "parent_exceptions", "cldr"})


def _text(pattern: Any) -> Any:
    """A date pattern as its text: unpickling Babel's DateTimePattern would import
    babel.dates, which reads the system's time zone (kiosk.core.i18n reads either)."""
    return getattr(pattern, "pattern", pattern)  # (an Alias to another key stays one)


def _trim(data: dict[str, Any]) -> dict[str, Any]:
    kept = {key: value for key, value in data.items() if key in LOCALE_KEYS}
    if "datetime_skeletons" in kept:
        kept["datetime_skeletons"] = {key: _text(value) for key, value
                                      in kept["datetime_skeletons"].items() if key in SKELETONS}
    if "date_formats" in kept:
        kept["date_formats"] = {key: _text(value) for key, value
                                in kept["date_formats"].items() if key in DATE_FORMATS}
    if "months" in kept:
        kept["months"] = {context: {width: names for width, names in widths.items()
                                    if width in MONTH_WIDTHS}
                          for context, widths in kept["months"].items()}
    if "interval_formats" in kept:
        kept["interval_formats"] = {key: value for key, value
                                    in kept["interval_formats"].items() if key in INTERVALS}
    return kept


def babel_folder() -> Path:
    import babel

    return Path(babel.__file__).parent


def write(out: Path) -> list[tuple[str, str]]:
    """Write the trimmed files under `out`; return (source, destination folder) pairs
    for PyInstaller's datas."""
    source = babel_folder()
    (out / "locale-data").mkdir(parents=True, exist_ok=True)
    pairs = []
    with open(source / "global.dat", "rb") as file:
        global_data = pickle.load(file)
    target = out / "global.dat"
    target.write_bytes(pickle.dumps({key: value for key, value in global_data.items()
                                     if key in GLOBAL_KEYS}, protocol=pickle.HIGHEST_PROTOCOL))
    pairs.append((str(target), "babel"))
    for path in sorted((source / "locale-data").glob("*.dat")):
        with open(path, "rb") as file:
            data = pickle.load(file)
        target = out / "locale-data" / path.name
        target.write_bytes(pickle.dumps(_trim(data), protocol=pickle.HIGHEST_PROTOCOL))
        pairs.append((str(target), "babel/locale-data"))
    licence = source / "locale-data" / "LICENSE.unicode"
    if licence.exists():  # CLDR's terms travel with its data
        shutil.copy(licence, out / "locale-data" / licence.name)
        pairs.append((str(out / "locale-data" / licence.name), "babel/locale-data"))
    return pairs


def size_mb(pairs: list[tuple[str, str]]) -> float:
    return sum(Path(source).stat().st_size for source, _ in pairs) / 1e6


if __name__ == "__main__":
    import sys
    import tempfile

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    files = write(folder)
    own = sum(path.stat().st_size for path in babel_folder().rglob("*.dat")) / 1e6
    print(f"{len(files)} files, {size_mb(files):.2f} MB in {folder} (Babel's own: {own:.1f} MB)")
