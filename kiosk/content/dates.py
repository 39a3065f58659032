"""Dates of content format 1: a year, a year and month, or a full date; BCE years are negative."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_YEAR_MONTH_DAY = re.compile(r"^(-?\d{4})-(\d{2})(?:-(\d{2}))?$")
_YEAR = re.compile(r"^-?\d{1,6}$")

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


@dataclass(frozen=True, order=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def as_fraction(self) -> float:
        """Position on a continuous year scale: 1981-07-01 is about 1981.5."""
        month = (self.month or 1) - 1
        day = (self.day or 1) - 1
        return self.year + (month + day / 31) / 12

    def display(self, lang: str) -> str:
        """What a visitor reads, e.g. '12 May 1981', '1981年5月12日', '221 BCE', '公元前221年'."""
        bce = self.year < 0
        year = abs(self.year)
        if lang.startswith("zh"):
            text = f"{'公元前' if bce else ''}{year}年"
            if self.month:
                text += f"{self.month}月"
            if self.day:
                text += f"{self.day}日"
            return text
        year_text = f"{year} BCE" if bce else str(year)
        if self.month and self.day:
            return f"{self.day} {MONTHS_EN[self.month - 1]} {year_text}"
        if self.month:
            return f"{MONTHS_EN[self.month - 1]} {year_text}"
        return year_text


RANGE_DASH_EN = "\u2013"  # en dash, unspaced: "1981–1991"
RANGE_DASH_ZH = "\u2014"  # 一字线 of GB/T 15834: "1981—1991年"


def display_range(start: Date, end: Date | None, lang: str) -> str:
    """A span as the bundled content writes it too: '1981–1991', '1981—1991年'.

    Chinese names the unit once when both ends are plain years of the common era
    ('1981—1991年'), and writes both ends whole otherwise ('1981年5月—1991年3月').
    """
    if end is None or end == start:
        return start.display(lang)
    if not lang.startswith("zh"):
        return f"{start.display(lang)}{RANGE_DASH_EN}{end.display(lang)}"
    plain_years = (start.month is None and end.month is None and start.year > 0
                   and end.year > 0)
    first = str(start.year) if plain_years else start.display(lang)
    return f"{first}{RANGE_DASH_ZH}{end.display(lang)}"


def parse_date(text: str) -> Date | None:
    """Parse the text of a date as written in YAML; None when it is not a valid date."""
    text = text.strip()
    if _YEAR.match(text):
        year = int(text)
        return Date(year) if year != 0 else None  # there is no year 0
    match = _YEAR_MONTH_DAY.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if year == 0 or not 1 <= month <= 12:
        return None
    if match.group(3) is None:
        return Date(year, month)
    day = int(match.group(3))
    # calendar.monthrange needs a proleptic year >= 1; leap years repeat every 400 years.
    days_in_month = calendar.monthrange(year % 400 or 400, month)[1]
    if not 1 <= day <= days_in_month:
        return None
    return Date(year, month, day)
