"""Release versions: what an editor may write, and their order.

A version is one to six whole numbers joined by dots ("3", "1.2", "2026.12.7"), ASCII digits
only. Versions compare number by number, and trailing zeros do not count: "1.0" is "1".
The order of releases is decided by the version alone; the publishing time only orders two
copies of the same release, so a clock that ran backwards on an editor's machine can never
make an older release win."""

from __future__ import annotations

import re

VERSION_PATTERN = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,5}")
_PROGRAM_PATTERN = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,5}")

Key = tuple[int, ...]


def version_key(text: str) -> Key | None:
    """The sort key of a release version, or None when `text` is not a version."""
    if not isinstance(text, str) or VERSION_PATTERN.fullmatch(text) is None:
        return None
    return _strip([int(part) for part in text.split(".")])


def program_key(text: str) -> Key | None:
    """The sort key of a program version such as "0.1.0" or "0.2.0.dev1" (its leading
    numbers; a suffix does not count), or None when it starts with no number."""
    match = _PROGRAM_PATTERN.match(text) if isinstance(text, str) else None
    return _strip([int(part) for part in match[0].split(".")]) if match else None


def next_version(newest: str | None) -> str:
    """The version after `newest`: its last number plus one ("3" -> "4", "1.2" -> "1.3")."""
    if newest is None or version_key(newest) is None:
        return "1"
    parts = newest.split(".")
    return ".".join([*parts[:-1], str(int(parts[-1]) + 1)])


def problem(text: str) -> str | None:
    """Why `text` cannot be a release version, for the editor; None when it can."""
    if version_key(text) is None:
        return (f"'{text}' is not a version: write whole numbers joined by dots, "
                "such as 3 or 1.2 or 2026.12.7")
    return None


def _strip(parts: list[int]) -> Key:
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)
