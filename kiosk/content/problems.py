"""A problem found in a content folder, printed the way compilers print them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    file: str  # relative to the content folder, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    col: int  # 1-based
    level: Level
    message: str

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col}: {self.level}: {self.message}"
        return f"{self.file}: {self.level}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def summary(problems: list[Problem]) -> str:
    """`2 errors, 1 warning`."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors

    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
