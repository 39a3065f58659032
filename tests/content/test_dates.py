from __future__ import annotations

import pytest

from kiosk.content.dates import Date, display_range, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("1981", Date(1981)),
    ("-221", Date(-221)),
    ("1981-05", Date(1981, 5)),
    ("1981-05-12", Date(1981, 5, 12)),
    ("0622-08-09", Date(622, 8, 9)),
    ("2000-02-29", Date(2000, 2, 29)),
])
def test_valid_dates(text: str, expected: Date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["0", "1981-5", "81-05", "1981-00", "1981-13", "1900-02-29",
                                  "1981-04-31", "May 1981", "", "1981/05"])
def test_invalid_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(("date", "lang", "text"), [
    (Date(1981), "en", "1981"),
    (Date(-221), "en", "221 BCE"),
    (Date(-221), "zh", "公元前221年"),
    (Date(1981, 5), "en", "May 1981"),
    (Date(1981, 5, 12), "en", "12 May 1981"),
    (Date(1981, 5, 12), "zh", "1981年5月12日"),
])
def test_display(date: Date, lang: str, text: str) -> None:
    assert date.display(lang) == text


@pytest.mark.parametrize(("start", "end", "lang", "text"), [
    (Date(1981), Date(1991), "en", "1981–1991"),
    (Date(1981), Date(1991), "zh", "1981—1991年"),
    (Date(1981, 5), Date(1991, 3), "en", "May 1981–March 1991"),
    (Date(1981, 5), Date(1991, 3), "zh", "1981年5月—1991年3月"),
    (Date(-221), Date(-206), "zh", "公元前221年—公元前206年"),
    (Date(1981), None, "en", "1981"),
    (Date(1981), Date(1981), "zh", "1981年"),
])
def test_ranges_are_written_one_way_per_language(start: Date, end: Date | None, lang: str,
                                                 text: str) -> None:
    """The same forms as the bundled content's captions (tests/content/test_bundled_exhibit.py)."""
    assert display_range(start, end, lang) == text


def test_fraction_orders_like_dates() -> None:
    dates = [Date(-221), Date(1981), Date(1981, 6), Date(1981, 6, 30), Date(1982)]
    fractions = [d.as_fraction() for d in dates]
    assert fractions == sorted(fractions)
    assert 1981.4 < Date(1981, 6, 15).as_fraction() < 1981.5
