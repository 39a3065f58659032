from __future__ import annotations

import pytest

from kiosk.core.dates import Date, parse_date


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


def test_fraction_orders_like_dates() -> None:
    dates = [Date(-221), Date(1981), Date(1981, 6), Date(1981, 6, 30), Date(1982)]
    fractions = [d.as_fraction() for d in dates]
    assert fractions == sorted(fractions)
    assert 1981.4 < Date(1981, 6, 15).as_fraction() < 1981.5
