"""Dates of content format 1: a year, a year and month, or a full date; BCE years are negative.
How a date reads in each language is kiosk.core.i18n's business."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from kiosk.core.i18n import MONTHS_EN, date_text

# ASCII digits only (Python's \d takes "２０１９" too), read with fullmatch
_YEAR_MONTH_DAY = re.compile(r"(-?[0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
_YEAR = re.compile(r"-?[0-9]{1,6}")


@dataclass(frozen=True, order=True)
class Date:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def last_key(self) -> tuple[int, int, int]:
        """The sort key of the last day this date covers: 1981 runs to 31 December 1981."""
        return (self.year, self.month or 12, self.day or 31)

    def as_fraction(self) -> float:
        """Position on a continuous year scale: 1981-07-01 is about 1981.5."""
        month = (self.month or 1) - 1
        day = (self.day or 1) - 1
        return self.year + (month + day / 31) / 12


def impossible(text: str) -> str | None:
    """Why a date written in the right form is not in the calendar, e.g. 'there is no
    30 February 2022'; None when the text is a real date or is not in a date's form."""
    text = text.strip()
    match = _YEAR_MONTH_DAY.fullmatch(text)
    year = int(text) if _YEAR.fullmatch(text) else int(match.group(1)) if match else None
    if year == 0:
        return "there is no year 0 (1 BCE is followed by 1 CE; write -1 for 1 BCE)"
    if match is None or year is None:
        return None
    month = int(match.group(2))
    if not 1 <= month <= 12:
        return f"there is no month {month} (months are 01 to 12)"
    if match.group(3) is None:
        return None
    day = int(match.group(3))
    days_in_month = calendar.monthrange(year % 400 or 400, month)[1]
    if 1 <= day <= days_in_month:
        return None
    name = MONTHS_EN[month - 1]
    if day == 0:
        return f"there is no day 0 (days are 01 to {days_in_month})"
    year_text = date_text(Date(year), "en")
    return f"there is no {day} {name} {year_text}; {name} {year_text} has {days_in_month} days"


def parse_date(text: str) -> Date | None:
    """Parse the text of a date as written in YAML; None when it is not a valid date."""
    text = text.strip()
    if _YEAR.fullmatch(text):
        year = int(text)
        return Date(year) if year != 0 else None  # there is no year 0
    match = _YEAR_MONTH_DAY.fullmatch(text)
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
