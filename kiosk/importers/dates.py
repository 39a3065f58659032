"""Dates as TimelineJS and spreadsheets write them, to content format 1's three forms (a
year, "YYYY-MM", "YYYY-MM-DD"), keeping their precision: a year stays a year. A time of
day has no place in the format (it is used only to keep the source's order). A date that
can be read two ways ("12/03/2019") is an error that says so."""

from __future__ import annotations

import calendar
import re

from kiosk.core.dates import impossible
from kiosk.core.i18n import MONTHS_EN
from kiosk.importers.draft import DateValue
from kiosk.importers.report import Report

_INT = re.compile(r"[+-]?[0-9]+")
_ISO = re.compile(r"([+-]?[0-9]{1,6})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?"
                  r"(?:[T ]([0-9]{1,2}):([0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?Z?)?")
_SLASHED = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/(-?[0-9]{1,6})")
_MONTH_YEAR_SLASH = re.compile(r"([0-9]{1,2})/(-?[0-9]{3,6})")
_MONTHS = {name.lower(): n for n, name in enumerate(MONTHS_EN, start=1)}
_MONTHS.update({name.lower()[:3]: n for n, name in enumerate(MONTHS_EN, start=1)})
_MONTHS["sept"] = 9
_WORDS = re.compile(r"(?:([0-9]{1,2})\s+)?([A-Za-z]+)\.?(?:\s+([0-9]{1,2}),?)?\s+(-?[0-9]{1,6})")


def clean_number(text: str) -> str:
    """As TimelineJS reads its number columns: spaces and thousands commas ignored."""
    return re.sub(r"[\s,]+", "", text)


def value_of(year: int, month: int | None, day: int | None, where: str,
             report: Report) -> DateValue | None:
    """The format's date for these parts, or None (an error told) when there is none."""
    if year == 0:
        report.error(where, "there is no year 0 (1 BCE is followed by 1 CE; write -1 for "
                     "1 BCE)")
        return None
    if month is not None and abs(year) > 9999:
        report.warning(where, f"year {year} has more than 4 digits, so only the year is "
                       "kept (the format writes months with 4-digit years)")
        month = day = None
    if month is None:
        if day is not None:
            report.warning(where, f"a day ({day}) without a month: only the year is kept")
        return year
    sign = "-" if year < 0 else ""
    text = f"{sign}{abs(year):04d}-{month:02d}" + ("" if day is None else f"-{day:02d}")
    problem = impossible(text)
    if problem is not None:
        report.error(where, problem)
        return None
    return year if month is None else text


def from_parts(year: str, month: str, day: str, where: str,
               report: Report) -> DateValue | None:
    """The Year, Month and Day columns (or a TimelineJS date object's fields)."""
    parts = []
    for name, text in (("year", year), ("month", month), ("day", day)):
        cleaned = clean_number(text)
        if cleaned.endswith(".0"):  # a number a spreadsheet wrote as 1981.0
            cleaned = cleaned[:-2]
        if cleaned and not _INT.fullmatch(cleaned):
            if name == "year":
                return from_text(text, where, report)  # "March 2019" typed as the year
            report.error(where, f"the {name} {text!r} is not a number")
            return None
        parts.append(int(cleaned) if cleaned else None)
    y, m, d = parts
    if y is None:
        report.error(where, "no year: every date needs one")
        return None
    if m is not None and not 1 <= m <= 12:
        report.error(where, f"there is no month {m} (months are 1 to 12)")
        return None
    if d is not None and m is None:
        report.warning(where, f"a day ({d}) without a month: only the year is kept")
        d = None
    return value_of(y, m, d, where, report)


def from_text(text: str, where: str, report: Report) -> DateValue | None:
    """A date typed in one cell: 1981, -221, 1981-05, 1981-05-12 (a time after it is
    dropped), "March 2019", "12 March 2019", "March 12, 2019"; "12/03/2019" only when one
    reading is possible."""
    text = text.strip()
    iso = _ISO.fullmatch(text)
    if iso:
        year, month, day = (int(g) if g else None for g in iso.group(1, 2, 3))
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            report.error(where, f"{text!r}: there is no month {month}")
            return None
        return value_of(year, month, day, where, report)
    slashed = _SLASHED.fullmatch(text)
    if slashed:
        a, b, year = (int(g) for g in slashed.groups())
        iso_hint = "write it as YYYY-MM-DD"
        if a <= 12 and b <= 12 and a != b:
            report.error(where, f"{text!r} can be read two ways: {b} {MONTHS_EN[a - 1]} or "
                         f"{a} {MONTHS_EN[b - 1]} {year}; {iso_hint}, e.g. "
                         f"{year:04d}-{a:02d}-{b:02d} for {MONTHS_EN[a - 1]} {b}")
            return None
        month, day = (a, b) if a <= 12 else (b, a)
        if month > 12:
            report.error(where, f"{text!r} is not a date; {iso_hint}")
            return None
        found = value_of(year, month, day, where, report)
        if found is not None:
            report.warning(where, f"{text!r} read as {found} (the only reading); "
                           f"{iso_hint} to be sure")
        return found
    month_year = _MONTH_YEAR_SLASH.fullmatch(text)
    if month_year and 1 <= int(month_year.group(1)) <= 12:
        found = value_of(int(month_year.group(2)), int(month_year.group(1)), None, where,
                         report)
        if found is not None:
            report.warning(where, f"{text!r} read as {found}; write YYYY-MM to be sure")
        return found
    words = _WORDS.fullmatch(text)
    if words and words.group(2).lower() in _MONTHS and not (words.group(1) and words.group(3)):
        month = _MONTHS[words.group(2).lower()]
        day_text = words.group(1) or words.group(3)
        day = int(day_text) if day_text else None
        year = int(words.group(4))
        if day is not None and not 1 <= day <= calendar.monthrange(year % 400 or 400,
                                                                     month)[1]:
            report.error(where, f"{text!r}: there is no day {day} in {MONTHS_EN[month - 1]}")
            return None
        found = value_of(year, month, day, where, report)
        if found is not None:
            report.warning(where, f"{text!r} read as {found}; write it so (YYYY-MM-DD) "
                           "to be sure")
        return found
    report.error(where, f"{text!r} is not a date the import reads: write a year (1981, "
                 "-221 for 221 BCE), 1981-05 or 1981-05-12")
    return None


def time_of(hour: str, minute: str, second: str = "") -> float:
    """A time of day as a fraction of a day, for ordering only."""
    try:
        return ((int(clean_number(hour) or 0) * 60 + int(clean_number(minute) or 0)) * 60
                + float(clean_number(second) or 0)) / 86400
    except ValueError:
        return 0.0


def sort_key(value: DateValue, time: float = 0.0) -> tuple[float, ...]:
    if isinstance(value, int):
        return (value, 0, 0, time)
    sign = -1 if value.startswith("-") else 1
    parts = [int(p) for p in value.lstrip("-").split("-")]
    return (sign * parts[0], *[*parts[1:], 0, 0][:2], time)
