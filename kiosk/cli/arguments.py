"""What the commands' arguments may be: sizes, dates, counts, told in the user's words."""

from __future__ import annotations

import argparse
import datetime as dt
import re

MAX_SIDE = 16_384  # px: beyond any screen, and what a Qt window can be


def size(text: str) -> tuple[int, int]:
    # ASCII digits only (int() takes '１９２０' too), and few: a size, not a number's length
    match = re.fullmatch(r"([0-9]{1,6})[xX]([0-9]{1,6})", text)
    if match is None:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080")
    width, height = int(match[1]), int(match[2])
    if width < 200 or height < 200:
        raise argparse.ArgumentTypeError(f"'{text}' is too small; at least 200x200")
    if width > MAX_SIDE or height > MAX_SIDE:
        raise argparse.ArgumentTypeError(f"'{text}' is too large; at most "
                                         f"{MAX_SIDE}x{MAX_SIDE}")
    return width, height


def date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-24") from None


def count(text: str) -> int:
    if re.fullmatch(r"[0-9]{1,6}", text) is None or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number from 1")
    return int(text)
